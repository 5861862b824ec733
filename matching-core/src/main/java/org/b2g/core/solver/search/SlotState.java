package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.b2g.core.solver.ScoreWeights;

/**
 * The slot of every meeting and the score parts that depend on slots only (hard, medium, breaks), kept up to date
 * move by move. A move touches two participants, one or two slots and the meeting's precedences, never the other
 * meetings: its cost does not grow with the event.
 *
 * <p>Table conflicts are approximated by slot load: more meetings in a slot than tables is one hard point per extra
 * meeting (what the table assignment turns into table conflicts), plus meetings fixed to the same table and slot.
 */
final class SlotState {

    final SearchModel model;
    final int[] slot;
    /** Meetings of participant p in slot s, at {@code p * slotCount + s}. */
    private final int[] count;
    /** Participant occupancy bitmasks, {@code model.words} longs each. */
    final long[] occupancy;
    final int[] load;
    /**
     * Meetings fixed to a table in slot s, at {@code s * fixedTables + fixedSeat[m]}, counted over the tables some
     * meeting is fixed to only (an event may have 100,000 tables); null when no meeting has a fixed table.
     */
    private final int[] fixedTableLoad;
    /** Per meeting, its fixed table's position among the tables meetings are fixed to; -1 when it has none. */
    private final int[] fixedSeat;
    private final int fixedTables;
    final int[] scheduledOf;
    final int[] breaksOf;
    private final int[] idleOf;
    /** Participants with at least one break, in no order, and each one's position there (-1 when absent). */
    private final int[] withBreaks;
    private final int[] withBreaksPosition;
    private int withBreaksCount;
    /** The meetings in each slot, in no order, and each meeting's position in its slot's list. */
    private final int[][] members;
    private final int[] position;

    long hard;
    long medium;
    long breaks;
    /** Idle slots inside participants' days: guidance for the search, not a score level. */
    long idle;
    /**
     * Penalties the search has laid on participants whose breaks it kept meeting ({@link #penalize}), and their sum
     * weighted by each one's breaks: guidance too, never part of the score.
     */
    private final int[] penalty;
    long penalized;
    int scheduled;
    /** Precedences whose two meetings are scheduled in the wrong order (part of {@link #hard}). */
    long precedencesBroken;

    SlotState(SearchModel model) {
        this.model = model;
        int p = model.participantCount;
        slot = new int[model.meetingCount];
        Arrays.fill(slot, UNSCHEDULED);
        count = new int[p * model.slotCount];
        occupancy = new long[p * model.words];
        load = new int[model.slotCount];
        // With one table, the slot load already counts every clash at it: counting fixed tables too would count twice.
        Map<Integer, Integer> seatOfTable = new HashMap<>();
        fixedSeat = new int[model.meetingCount];
        for (int m = 0; m < model.meetingCount; m++) {
            int t = model.fixedTable[m];
            boolean counted = t >= 0 && model.tableCount > 1;
            fixedSeat[m] = counted ? seatOfTable.computeIfAbsent(t, k -> seatOfTable.size()) : -1;
        }
        fixedTables = seatOfTable.size();
        fixedTableLoad = fixedTables > 0 ? new int[model.slotCount * fixedTables] : null;
        scheduledOf = new int[p];
        penalty = new int[p];
        breaksOf = new int[p];
        idleOf = new int[p];
        withBreaks = new int[p];
        withBreaksPosition = new int[p];
        members = new int[model.slotCount][4];
        position = new int[model.meetingCount];
        recompute();
    }

    /** Sets the score parts from scratch for the current slots. */
    void recompute() {
        int[] target = slot.clone();
        Arrays.fill(slot, UNSCHEDULED);
        Arrays.fill(count, 0);
        Arrays.fill(occupancy, 0L);
        Arrays.fill(load, 0);
        if (fixedTableLoad != null) {
            Arrays.fill(fixedTableLoad, 0);
        }
        Arrays.fill(scheduledOf, 0);
        Arrays.fill(breaksOf, 0);
        Arrays.fill(idleOf, 0);
        Arrays.fill(withBreaksPosition, -1);
        withBreaksCount = 0;
        idle = 0;
        penalized = 0;
        precedencesBroken = 0;
        hard = 0;
        medium = 0;
        breaks = 0;
        scheduled = 0;
        for (int m = 0; m < model.meetingCount; m++) {
            if (model.required[m]) {
                hard++;
            } else {
                medium += model.weight[m];
            }
        }
        for (int p = 0; p < model.participantCount; p++) {
            medium += model.missingWeight[p] * model.minMeetings[p];
        }
        for (int m = 0; m < model.meetingCount; m++) {
            if (target[m] != UNSCHEDULED) {
                move(m, target[m]);
            }
        }
    }

    /**
     * Places the meetings of an empty state as in {@code initial} (slots per meeting, UNSCHEDULED where none):
     * fixed meetings take their fixed slot, and a slot outside a meeting's domain is dropped.
     */
    void load(int[] initial) {
        for (int m = 0; m < model.meetingCount; m++) {
            int s = initial[m];
            if (model.fixed[m]) {
                s = model.domain[m].length == 1 ? model.domain[m][0] : UNSCHEDULED;
            } else if (s != UNSCHEDULED && !model.allows(m, s)) {
                s = UNSCHEDULED;
            }
            if (s != UNSCHEDULED) {
                move(m, s);
            }
        }
    }

    /** Moves meeting {@code m} to {@code to} (a slot, or {@link SearchModel#UNSCHEDULED}) and updates the score. */
    void move(int m, int to) {
        int from = slot[m];
        if (from == to) {
            return;
        }
        if (from != UNSCHEDULED) {
            int broken = precedencePenalty(m, from);
            precedencesBroken -= broken;
            hard -= broken + model.placementPenalty(m, from);
        }
        if (to != UNSCHEDULED) {
            int broken = precedencePenalty(m, to);
            precedencesBroken += broken;
            hard += broken + model.placementPenalty(m, to);
        }
        slot[m] = to;
        SearchModel md = model;
        if (md.moveCost[m] != 0) {
            medium += md.moveCost(m, to) - md.moveCost(m, from);
        }
        if (from == UNSCHEDULED) {
            scheduled++;
            if (md.required[m]) {
                hard--;
            } else {
                medium -= md.weight[m];
            }
            if (md.excluded[m]) {
                hard++;
            }
        } else if (to == UNSCHEDULED) {
            scheduled--;
            if (md.required[m]) {
                hard++;
            } else {
                medium += md.weight[m];
            }
            if (md.excluded[m]) {
                hard--;
            }
        }
        if (from != UNSCHEDULED) {
            int[] list = members[from];
            int last = list[load[from] - 1];
            list[position[m]] = last;
            position[last] = position[m];
            if (load[from]-- > md.tableCount) {
                hard--;
            }
            if (fixedSeat[m] >= 0 && fixedTableLoad[from * fixedTables + fixedSeat[m]]-- > 1) {
                hard--;
            }
        }
        if (to != UNSCHEDULED) {
            if (load[to] == members[to].length) {
                members[to] = Arrays.copyOf(members[to], load[to] * 2);
            }
            members[to][load[to]] = m;
            position[m] = load[to];
            if (++load[to] > md.tableCount) {
                hard++;
            }
            if (fixedSeat[m] >= 0 && ++fixedTableLoad[to * fixedTables + fixedSeat[m]] > 1) {
                hard++;
            }
        }
        moveParticipant(md.first[m], from, to);
        moveParticipant(md.second[m], from, to);
    }

    /** Lays one more penalty on participant p: each of its breaks then weighs one more in {@link #penalized}. */
    void penalize(int p) {
        penalty[p]++;
        penalized += breaksOf[p];
    }

    int penaltyOf(int p) {
        return penalty[p];
    }

    private void moveParticipant(int p, int from, int to) {
        SearchModel md = model;
        int base = p * md.slotCount;
        int words = md.words;
        int offset = p * words;
        int reps = md.representatives[p];
        boolean changed = false;
        if (from != UNSCHEDULED) {
            int c = count[base + from]--;
            if (c > reps) {
                hard--;
            }
            if (c == 1) {
                occupancy[offset + (from >>> 6)] &= ~(1L << from);
                changed = true;
            }
        }
        if (to != UNSCHEDULED) {
            int c = ++count[base + to];
            if (c > reps) {
                hard++;
            }
            if (c == 1) {
                occupancy[offset + (to >>> 6)] |= 1L << to;
                changed = true;
            }
        }
        if (from == UNSCHEDULED || to == UNSCHEDULED) {
            int before = scheduledOf[p];
            int after = to == UNSCHEDULED ? before - 1 : before + 1;
            scheduledOf[p] = after;
            hard += Math.max(0, after - md.maxMeetings[p]) - Math.max(0, before - md.maxMeetings[p]);
            medium += md.missingWeight[p]
                    * (Math.max(0, md.minMeetings[p] - after) - Math.max(0, md.minMeetings[p] - before));
        }
        if (!changed) {
            return;
        }
        int newIdle = md.idle(occupancy, offset);
        idle += newIdle - idleOf[p];
        idleOf[p] = newIdle;
        int oldBreaks = breaksOf[p];
        int newBreaks = md.breaks(occupancy, offset);
        if (newBreaks != oldBreaks) {
            if (oldBreaks == 0) {
                withBreaksPosition[p] = withBreaksCount;
                withBreaks[withBreaksCount++] = p;
            } else if (newBreaks == 0) {
                int last = withBreaks[--withBreaksCount];
                withBreaks[withBreaksPosition[p]] = last;
                withBreaksPosition[last] = withBreaksPosition[p];
                withBreaksPosition[p] = -1;
            }
            penalized += (long) penalty[p] * (newBreaks - oldBreaks);
            breaksOf[p] = newBreaks;
            breaks += newBreaks - oldBreaks;
            if (md.breakCap >= 0) {
                hard += Math.max(0, newBreaks - md.breakCap) - Math.max(0, oldBreaks - md.breakCap);
            }
        }
    }

    /** The first slot after all of meeting m's scheduled predecessors (0 when none is scheduled). */
    int earliestInOrder(int m) {
        int low = 0;
        for (int e : model.before[m]) {
            if (slot[e] != UNSCHEDULED) {
                low = Math.max(low, slot[e] + 1);
            }
        }
        return low;
    }

    /** The last slot before all of meeting m's scheduled successors (the last slot when none is scheduled). */
    int latestInOrder(int m) {
        int high = model.slotCount - 1;
        for (int l : model.later[m]) {
            if (slot[l] != UNSCHEDULED) {
                high = Math.min(high, slot[l] - 1);
            }
        }
        return high;
    }

    /** Broken precedences of meeting {@code m} if it sat in slot {@code at}. */
    private int precedencePenalty(int m, int at) {
        int broken = 0;
        for (int e : model.before[m]) {
            int s = slot[e];
            if (s != UNSCHEDULED && s >= at) {
                broken++;
            }
        }
        for (int l : model.later[m]) {
            int s = slot[l];
            if (s != UNSCHEDULED && at >= s) {
                broken++;
            }
        }
        return broken;
    }

    int participantsWithBreaks() {
        return withBreaksCount;
    }

    /** The {@code i}-th participant (in no particular order) with a break. */
    int participantWithBreaks(int i) {
        return withBreaks[i];
    }

    /** The {@code i}-th meeting (in no particular order) of slot {@code s}, {@code i < load[s]}. */
    int member(int s, int i) {
        return members[s][i];
    }

    int count(int participant, int s) {
        return count[participant * model.slotCount + s];
    }

    boolean isBusy(int participant, int s) {
        return (occupancy[participant * model.words + (s >>> 6)] & (1L << s)) != 0;
    }
}
