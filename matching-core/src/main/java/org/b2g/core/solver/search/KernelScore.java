package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.Arrays;

import org.b2g.core.solver.ScoreWeights;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The score contract (see {@link ScoreWeights}) computed from scratch over slots and tables: what the kernel reports,
 * and what must equal the constraint provider's score for the same schedule.
 */
final class KernelScore {

    private KernelScore() {
    }

    static HardMediumSoftLongScore of(SearchModel model, int[] slot, int[] table) {
        int slots = model.slotCount;
        long hard = 0;
        long medium = 0;
        long soft = 0;
        int[] count = new int[model.participantCount * slots];
        int[] scheduledOf = new int[model.participantCount];
        // Each scheduled meeting's (slot, table) cell: sorted, a cell held by c meetings is c - 1 clashes. Not an
        // array over every cell, which an event of 10,000 slots and 100,000 tables could not hold.
        long[] cells = new long[model.meetingCount];
        int held = 0;
        for (int m = 0; m < model.meetingCount; m++) {
            int s = slot[m];
            if (s == UNSCHEDULED) {
                if (model.required[m]) {
                    hard++;
                } else {
                    medium += model.weight[m];
                }
                continue;
            }
            hard += model.placementPenalty(m, s);
            medium += model.moveCost(m, s);
            if (model.excluded[m]) {
                hard++;
            }
            if (model.fixedTable[m] >= 0 && table[m] != model.fixedTable[m]) {
                hard++;
            }
            if (table[m] >= 0 && table[m] < model.tableCount) {
                cells[held++] = (long) s * model.tableCount + table[m];
            }
            for (int e : model.before[m]) {
                if (slot[e] != UNSCHEDULED && slot[e] >= s) {
                    hard++;
                }
            }
            for (int side = 0; side < 2; side++) {
                int p = side == 0 ? model.first[m] : model.second[m];
                count[p * slots + s]++;
                scheduledOf[p]++;
            }
        }
        Arrays.sort(cells, 0, held);
        for (int i = 1; i < held; i++) {
            if (cells[i] == cells[i - 1]) {
                hard++;
            }
        }
        long[] occupancy = new long[model.words];
        for (int p = 0; p < model.participantCount; p++) {
            Arrays.fill(occupancy, 0L);
            for (int s = 0; s < slots; s++) {
                int c = count[p * slots + s];
                hard += Math.max(0, c - model.representatives[p]);
                if (c > 0) {
                    occupancy[s >>> 6] |= 1L << s;
                }
            }
            hard += Math.max(0, scheduledOf[p] - model.maxMeetings[p]);
            medium += model.missingWeight[p] * Math.max(0, model.minMeetings[p] - scheduledOf[p]);
            int breaks = model.breaks(occupancy, 0);
            if (model.breakCap >= 0) {
                hard += Math.max(0, breaks - model.breakCap);
            }
            soft += ScoreWeights.BREAK * breaks;
            int[] agenda = Arrays.stream(model.meetingsOf[p]).filter(m -> slot[m] != UNSCHEDULED).boxed()
                    .sorted((x, y) -> Integer.compare(slot[x], slot[y])).mapToInt(Integer::intValue).toArray();
            soft += ScoreWeights.TABLE_CHANGE * TableAssigner.walks(model, p, agenda, slot, table);
        }
        return HardMediumSoftLongScore.of(-hard, -medium, -soft);
    }
}
