package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;


import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.solver.SampleEvents;
import org.b2g.core.solver.ScoreWeights;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

class SlotStateTest {

    @Test
    void incrementalScoreAgreesWithScoringFromScratchAfterEveryMove() {
        MeetingSchedule schedule = SampleEvents.b2g(11, 9, 6);
        SearchModel model = SearchModel.of(schedule);
        SlotState state = new SlotState(model);
        SplittableRandom random = new SplittableRandom(11);
        int[] tables = new int[model.meetingCount];
        for (int i = 0; i < 5_000; i++) {
            int m = random.nextInt(model.meetingCount);
            int[] domain = model.domain[m];
            int to = domain.length == 0 || random.nextInt(5) == 0 ? UNSCHEDULED
                    : domain[random.nextInt(domain.length)];
            state.move(m, to);
            boolean spread = spreadTables(model, state.slot, tables);
            HardMediumSoftLongScore full = KernelScore.of(model, state.slot, tables);
            if (spread) {
                assertEquals(-full.hardScore(), state.hard, "hard after move " + i);
            }
            assertEquals(-full.mediumScore(), state.medium, "medium after move " + i);
            assertEquals(-full.softScore() / ScoreWeights.BREAK, state.breaks, "breaks after move " + i);
        }
    }

    @Test
    void penalizedBreaksFollowEveryMoveAndSurviveARecompute() {
        MeetingSchedule schedule = SampleEvents.b2g(12, 9, 6);
        SearchModel model = SearchModel.of(schedule);
        SlotState state = new SlotState(model);
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 5_000; i++) {
            int m = random.nextInt(model.meetingCount);
            int[] domain = model.domain[m];
            state.move(m, domain.length == 0 || random.nextInt(5) == 0 ? UNSCHEDULED
                    : domain[random.nextInt(domain.length)]);
            if (i % 50 == 0) {
                state.penalize(random.nextInt(model.participantCount));
            }
            assertEquals(penalizedFromScratch(state), state.penalized, "after move " + i);
        }
        long before = state.penalized;
        state.recompute();
        assertEquals(before, state.penalized);
        assertTrue(before > 0, "some penalised participant has a break");
    }

    private static long penalizedFromScratch(SlotState state) {
        long sum = 0;
        for (int p = 0; p < state.model.participantCount; p++) {
            sum += (long) state.penaltyOf(p) * state.breaksOf[p];
        }
        return sum;
    }

    /**
     * One meeting per table and slot, fixed tables first, so that table conflicts are what the slot loads say;
     * false when a slot has more meetings than tables.
     */
    private static boolean spreadTables(SearchModel model, int[] slot, int[] tables) {
        boolean[] taken = new boolean[model.slotCount * model.tableCount];
        Arrays.fill(tables, 0);
        for (int m = 0; m < model.meetingCount; m++) {
            if (slot[m] != UNSCHEDULED && model.fixedTable[m] >= 0) {
                tables[m] = model.fixedTable[m];
                taken[slot[m] * model.tableCount + tables[m]] = true;
            }
        }
        for (int m = 0; m < model.meetingCount; m++) {
            if (slot[m] != UNSCHEDULED && model.fixedTable[m] < 0) {
                int t = 0;
                while (t < model.tableCount && taken[slot[m] * model.tableCount + t]) {
                    t++;
                }
                if (t == model.tableCount) {
                    return false;
                }
                tables[m] = t;
                taken[slot[m] * model.tableCount + t] = true;
            }
        }
        return true;
    }

    @Test
    void countsBreaksPerDayOnly() {
        MeetingSchedule schedule = SampleEvents.b2g(1, 4, 3);
        SearchModel model = SearchModel.of(schedule);
        long[] occupancy = new long[model.words];
        // Day 1 is slots 1..7 (bits 0..6), day 2 is slots 8..11: meetings in slots 1, 3, 7 and 8, 11.
        occupancy[0] = 1L | 1L << 2 | 1L << 6 | 1L << 7 | 1L << 10;
        assertEquals(3, model.breaks(occupancy, 0));
        assertEquals(4 + 2, model.idle(occupancy, 0));
    }

    @Test
    void oneDayShortcutCountsBreaksAndIdleSlotsLikeCountingSlotBySlot() {
        SearchModel model = ResearchEvent.original("ticf-13crafb");
        assertEquals(1, model.dayCount);
        SplittableRandom random = new SplittableRandom(3);
        long[] occupancy = new long[model.words];
        for (int i = 0; i < 2_000; i++) {
            occupancy[0] = random.nextLong() & ((1L << model.slotCount) - 1) & (random.nextLong() | random.nextLong());
            int low = -1;
            int high = -1;
            int runs = 0;
            for (int s = 0; s < model.slotCount; s++) {
                if ((occupancy[0] >>> s & 1) != 0) {
                    low = low < 0 ? s : low;
                    high = s;
                    runs += s == 0 || (occupancy[0] >>> (s - 1) & 1) == 0 ? 1 : 0;
                }
            }
            int busy = Long.bitCount(occupancy[0]);
            assertEquals(Math.max(0, runs - 1), model.breaks(occupancy, 0), "breaks of " + occupancy[0]);
            assertEquals(busy > 1 ? high - low + 1 - busy : 0, model.idle(occupancy, 0), "idle of " + occupancy[0]);
        }
    }

    @Test
    void incrementalScoreOfAOneDayEventAgreesWithScoringFromScratch() {
        SearchModel model = ResearchEvent.original("forum-13crafc");
        SlotState state = new SlotState(model);
        SplittableRandom random = new SplittableRandom(5);
        int[] tables = new int[model.meetingCount];
        for (int i = 0; i < 3_000; i++) {
            int m = random.nextInt(model.meetingCount);
            int[] domain = model.domain[m];
            state.move(m, domain.length == 0 || random.nextInt(10) == 0 ? UNSCHEDULED
                    : domain[random.nextInt(domain.length)]);
            HardMediumSoftLongScore full = KernelScore.of(model, state.slot, tables);
            assertEquals(-full.softScore() / ScoreWeights.BREAK, state.breaks, "breaks after move " + i);
            if (spreadTables(model, state.slot, tables)) {
                assertEquals(-KernelScore.of(model, state.slot, tables).hardScore(), state.hard, "hard after move " + i);
            }
        }
    }

    @Test
    void aClashAtTheOnlyTableCostsOneHardPoint() {
        SearchModel model = ResearchEvent.of(3, 1).meeting(1, 2).meeting(3, 4).model();
        SlotState state = new SlotState(model);
        state.move(0, 0);
        state.move(1, 0);
        assertEquals(1, state.hard, "one meeting has no table");
        state.move(1, 1);
        assertEquals(0, state.hard);
    }
}
