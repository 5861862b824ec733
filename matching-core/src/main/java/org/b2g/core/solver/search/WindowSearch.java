package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.Arrays;

/**
 * Re-places every meeting of a window of consecutive slots among those same slots, exactly: a depth-first search
 * bounded below by each participant's cheapest possible day. Annealing moves one meeting or one chain at a time,
 * while the local optima it stops in on long days need whole blocks of meetings to move several slots at once.
 *
 * <p>Meetings outside the window keep their slots and each window slot keeps at most its table count, so only the
 * window's participants see their days change. Pinned meetings, meetings with a fixed table and meetings of a
 * participant with several representatives stay where they are. The search stops after a node budget; it then
 * offers the best arrangement found, which is never worse than the current one.
 */
final class WindowSearch {

    static final int MAX_WIDTH = 8;
    /** Most meetings re-placed at once; wider windows are skipped (their search would rarely finish). */
    private static final int MAX_MEETINGS = 192;
    /** Cost of a day: an idle slot 1, a break {@link #BREAK_COST}, a break over the cap {@link #CAP_COST} more. */
    private static final int BREAK_COST = 10;
    private static final int CAP_COST = 10_000;
    private static final int IMPOSSIBLE = Integer.MAX_VALUE / 4;

    private final SearchModel model;
    private final SlotState state;
    private final long nodeLimit;

    private final int[] window = new int[MAX_WIDTH];
    private int width;
    private final int[] capacity = new int[MAX_WIDTH];
    /** Freed meetings in search order, the window index each one takes, and the best such indices found. */
    private final int[] meetings = new int[MAX_MEETINGS];
    private final int[] placed = new int[MAX_MEETINGS];
    private final int[] bestPlaced = new int[MAX_MEETINGS];
    private final int[][] options = new int[MAX_MEETINGS][MAX_WIDTH];
    private final int[][] optionBounds = new int[MAX_MEETINGS][MAX_WIDTH];
    private int count;
    /** Position of a freed meeting in {@link #meetings}, -1 for the others. */
    private final int[] positionOf;
    /** Local index of a participant of a freed meeting, -1 for the others. */
    private final int[] localOf;
    private final int[] participants = new int[2 * MAX_MEETINGS];
    private int participantCount;
    /** Per local participant: freed meetings, window slots taken by its other meetings, chosen slots, bounds. */
    private final int[] need = new int[2 * MAX_MEETINGS];
    private final int[] fixedMask = new int[2 * MAX_MEETINGS];
    private final int[] mask = new int[2 * MAX_MEETINGS];
    private final int[][] bound = new int[2 * MAX_MEETINGS][1 << MAX_WIDTH];
    private final int[] first = new int[MAX_MEETINGS];
    private final int[] second = new int[MAX_MEETINGS];
    private final long[] scratch;
    private final int[] daySize = new int[1 << MAX_WIDTH];

    private int bestCost;
    private boolean improved;
    private long nodes;

    /** @param nodeLimit search nodes per window, so that a call costs a bounded and repeatable effort */
    WindowSearch(SlotState state, long nodeLimit) {
        this.model = state.model;
        this.state = state;
        this.nodeLimit = nodeLimit;
        this.positionOf = new int[model.meetingCount];
        this.localOf = new int[model.participantCount];
        this.scratch = new long[model.words];
        Arrays.fill(positionOf, -1);
        Arrays.fill(localOf, -1);
    }

    /** Meetings {@link #improve} re-placed; meeting {@code i} goes to {@link #slot(int)}. */
    long nodes() { long n = nodes; nodes = 0; return n; }

    int size() {
        return count;
    }

    int meeting(int i) {
        return meetings[i];
    }

    int slot(int i) {
        return window[bestPlaced[i]];
    }

    /**
     * Looks for a strictly cheaper arrangement of the meetings in slots {@code start .. start + width - 1}; true when
     * one was found (read it with {@link #meeting} and {@link #slot}). The state is not changed. Only meaningful
     * while the state has no hard penalty.
     */
    boolean improve(int start, int width) {
        if (width < 1 || width > MAX_WIDTH || start < 0 || start + width > model.slotCount) {
            throw new IllegalArgumentException("The window (" + start + ", " + width + ") is outside the "
                    + model.slotCount + " slots or wider than " + MAX_WIDTH + ".");
        }
        int[] slots = new int[width];
        for (int j = 0; j < width; j++) {
            slots[j] = start + j;
        }
        return improve(slots);
    }

    /** As {@link #improve(int, int)} for any distinct slots. */
    boolean improve(int[] slots) {
        this.width = slots.length;
        try {
            return collect(slots) && search();
        } finally {
            for (int i = 0; i < count; i++) {
                positionOf[meetings[i]] = -1;
            }
            for (int l = 0; l < participantCount; l++) {
                localOf[participants[l]] = -1;
            }
            participantCount = 0;
        }
    }

    /** Gathers the window's movable meetings and their participants; false when there are none or too many. */
    private boolean collect(int[] slots) {
        count = 0;
        participantCount = 0;
        for (int j = 0; j < width; j++) {
            int s = slots[j];
            window[j] = s;
            capacity[j] = model.tableCount;
            for (int i = 0; i < state.load[s]; i++) {
                int m = state.member(s, i);
                if (model.fixed[m] || model.fixedTable[m] >= 0 || model.representatives[model.first[m]] > 1
                        || model.representatives[model.second[m]] > 1) {
                    capacity[j]--;
                    continue;
                }
                if (count == MAX_MEETINGS) {
                    return false;
                }
                positionOf[m] = count;
                placed[count] = j;
                meetings[count++] = m;
            }
        }
        if (count < 2) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            int m = meetings[i];
            for (int side = 0; side < 2; side++) {
                int p = side == 0 ? model.first[m] : model.second[m];
                if (localOf[p] < 0) {
                    localOf[p] = participantCount;
                    participants[participantCount] = p;
                    need[participantCount] = 0;
                    mask[participantCount] = 0;
                    participantCount++;
                }
                need[localOf[p]]++;
                mask[localOf[p]] |= 1 << placed[i];
            }
        }
        return true;
    }

    private boolean search() {
        int subsets = 1 << width;
        for (int set = 0; set < subsets; set++) {
            daySize[set] = Integer.bitCount(set);
        }
        int current = 0;
        int lowest = 0;
        int[] cost = new int[subsets];
        for (int l = 0; l < participantCount; l++) {
            int p = participants[l];
            int offset = p * model.words;
            System.arraycopy(state.occupancy, offset, scratch, 0, model.words);
            int windowBits = 0;
            for (int j = 0; j < width; j++) {
                if ((mask[l] & 1 << j) != 0) {
                    scratch[window[j] >>> 6] &= ~(1L << window[j]);
                } else if (state.isBusy(p, window[j])) {
                    windowBits |= 1 << j;
                }
            }
            fixedMask[l] = windowBits;
            for (int set = 0; set < subsets; set++) {
                if ((set & windowBits) != 0 || daySize[set] != need[l]) {
                    cost[set] = IMPOSSIBLE;
                    continue;
                }
                for (int j = 0; j < width; j++) {
                    if ((set & 1 << j) != 0) {
                        scratch[window[j] >>> 6] |= 1L << window[j];
                    }
                }
                int breaks = model.breaks(scratch, 0);
                cost[set] = BREAK_COST * breaks + model.idle(scratch, 0)
                        + (model.breakCap >= 0 ? CAP_COST * Math.max(0, breaks - model.breakCap) : 0);
                for (int j = 0; j < width; j++) {
                    if ((set & 1 << j) != 0) {
                        scratch[window[j] >>> 6] &= ~(1L << window[j]);
                    }
                }
            }
            current += cost[mask[l]];
            // The cheapest day containing each partial choice of slots.
            int[] b = bound[l];
            for (int partial = 0; partial < subsets; partial++) {
                int least = IMPOSSIBLE;
                for (int set = partial; set < subsets; set = (set + 1) | partial) {
                    least = Math.min(least, cost[set]);
                }
                b[partial] = least;
            }
            lowest += b[0];
            mask[l] = 0;
        }
        if (lowest >= current) {
            return false;
        }
        order();
        for (int i = 0; i < count; i++) {
            placed[i] = -1;
            first[i] = localOf[model.first[meetings[i]]];
            second[i] = localOf[model.second[meetings[i]]];
        }
        bestCost = current;
        improved = false;
        nodes = 0;
        dive(0, lowest);
        return improved;
    }

    /**
     * Puts the meetings of the busiest participants first, then those that share a participant with meetings
     * already ordered, so that each choice soon constrains the next ones.
     */
    private void order() {
        int[] score = new int[count];
        boolean[] done = new boolean[count];
        int[] touched = new int[participantCount];
        int[] sorted = new int[count];
        for (int k = 0; k < count; k++) {
            int pick = -1;
            for (int i = 0; i < count; i++) {
                if (done[i]) {
                    continue;
                }
                int a = localOf[model.first[meetings[i]]];
                int b = localOf[model.second[meetings[i]]];
                score[i] = 64 * (touched[a] + touched[b]) + need[a] + need[b];
                if (pick < 0 || score[i] > score[pick]) {
                    pick = i;
                }
            }
            done[pick] = true;
            sorted[k] = meetings[pick];
            touched[localOf[model.first[meetings[pick]]]]++;
            touched[localOf[model.second[meetings[pick]]]]++;
        }
        for (int k = 0; k < count; k++) {
            meetings[k] = sorted[k];
            positionOf[sorted[k]] = k;
        }
    }

    private void dive(int depth, int lowest) {
        if (++nodes > nodeLimit) {
            return;
        }
        if (depth == count) {
            bestCost = lowest;
            improved = true;
            System.arraycopy(placed, 0, bestPlaced, 0, count);
            return;
        }
        int m = meetings[depth];
        int a = first[depth];
        int b = second[depth];
        int busy = mask[a] | fixedMask[a] | mask[b] | fixedMask[b];
        int[] choice = options[depth];
        int[] choiceBound = optionBounds[depth];
        int choices = 0;
        for (int j = 0; j < width; j++) {
            if ((busy & 1 << j) != 0 || capacity[j] == 0 || !model.allows(m, window[j])
                    || model.placementPenalty(m, window[j]) > 0 || breaksPrecedence(m, window[j])) {
                continue;
            }
            int next = lowest - bound[a][mask[a]] - bound[b][mask[b]] + bound[a][mask[a] | 1 << j]
                    + bound[b][mask[b] | 1 << j];
            if (next >= bestCost) {
                continue;
            }
            int k = choices++;
            while (k > 0 && choiceBound[k - 1] > next) {
                choice[k] = choice[k - 1];
                choiceBound[k] = choiceBound[k - 1];
                k--;
            }
            choice[k] = j;
            choiceBound[k] = next;
        }
        for (int c = 0; c < choices && choiceBound[c] < bestCost; c++) {
            int j = choice[c];
            placed[depth] = j;
            capacity[j]--;
            mask[a] |= 1 << j;
            mask[b] |= 1 << j;
            dive(depth + 1, choiceBound[c]);
            mask[a] &= ~(1 << j);
            mask[b] &= ~(1 << j);
            capacity[j]++;
            placed[depth] = -1;
            if (nodes > nodeLimit) {
                return;
            }
        }
    }

    /** True when meeting m in slot s would break a precedence with a meeting outside the window or placed already. */
    private boolean breaksPrecedence(int m, int s) {
        for (int e : model.before[m]) {
            int at = slotOf(e);
            if (at != UNSCHEDULED && at >= s) {
                return true;
            }
        }
        for (int l : model.later[m]) {
            int at = slotOf(l);
            if (at != UNSCHEDULED && at <= s) {
                return true;
            }
        }
        return false;
    }

    private int slotOf(int m) {
        int i = positionOf[m];
        if (i < 0) {
            return state.slot[m];
        }
        return placed[i] < 0 ? UNSCHEDULED : window[placed[i]];
    }
}
