package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.Arrays;

/**
 * Re-places all scheduled meetings of one participant into one run of consecutive slots of a day, with the run and
 * the order chosen exactly: for every run that can hold them, the assignment of meetings to slots (Hungarian method)
 * that costs their partners the fewest breaks (then idle slots); the best run wins. The participant's own breaks
 * vanish and each partner sees one meeting move, so this closes gaps that chains of small moves rarely close. The
 * annealing judges the result like any other move (precedences, which the assignment ignores, included).
 */
final class WindowPlacement {

    /** Most meetings re-placed at once (the assignment is cubic in it). */
    private static final int MAX_MEETINGS = 16;
    private static final long FORBIDDEN = 1L << 40;
    /** Weight of a partner's break against one of its idle slots, as in the annealing cost (1 to 0.1). */
    private static final long BREAK_COST = 10;

    private final SearchModel model;
    private final SlotState state;
    private final MoveLog log;
    private final long[] scratch;
    private final int[] meetings = new int[MAX_MEETINGS];
    private final long[][] cost = new long[MAX_MEETINGS][MAX_MEETINGS];
    private final int[] assignment = new int[MAX_MEETINGS];
    private final int[] bestAssignment = new int[MAX_MEETINGS];
    private final Hungarian hungarian = new Hungarian(MAX_MEETINGS);

    WindowPlacement(SlotState state, MoveLog log) {
        this.model = state.model;
        this.state = state;
        this.log = log;
        this.scratch = new long[model.words];
    }

    /** Moves p's meetings to their best run; false when there is none (or p has several seats or fixed meetings). */
    boolean apply(int p) {
        if (model.representatives[p] != 1) {
            return false;
        }
        int k = 0;
        for (int m : model.meetingsOf[p]) {
            if (state.slot[m] == UNSCHEDULED) {
                continue;
            }
            if (model.fixed[m] || k == MAX_MEETINGS) {
                return false;
            }
            meetings[k++] = m;
        }
        if (k < 2) {
            return false;
        }
        long bestTotal = FORBIDDEN;
        int bestStart = -1;
        for (int start = 0; start + k <= model.slotCount; start++) {
            if (model.dayOfSlot[start] != model.dayOfSlot[start + k - 1]) {
                continue;
            }
            fillCosts(p, k, start);
            long total = hungarian.solve(cost, k, assignment);
            if (total < bestTotal) {
                bestTotal = total;
                bestStart = start;
                System.arraycopy(assignment, 0, bestAssignment, 0, k);
            }
        }
        if (bestStart < 0) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            log.apply(meetings[i], bestStart + bestAssignment[i]);
        }
        return true;
    }

    private void fillCosts(int p, int k, int start) {
        for (int j = 0; j < k; j++) {
            int s = start + j;
            boolean full = state.load[s] - state.count(p, s) + 1 > model.tableCount;
            for (int i = 0; i < k; i++) {
                cost[i][j] = full ? FORBIDDEN : partnerCost(p, meetings[i], s);
            }
        }
    }

    /** What moving m to slot s costs its partner (breaks, then idle slots), or FORBIDDEN when it breaks a rule. */
    private long partnerCost(int p, int m, int s) {
        if (!model.allows(m, s) || model.placementPenalty(m, s) > 0) {
            return FORBIDDEN;
        }
        int q = model.first[m] == p ? model.second[m] : model.first[m];
        int from = state.slot[m];
        if (from == s) {
            return 0;
        }
        if (state.count(q, s) >= model.representatives[q]) {
            return FORBIDDEN;
        }
        int words = model.words;
        System.arraycopy(state.occupancy, q * words, scratch, 0, words);
        if (state.count(q, from) == 1) {
            scratch[from >>> 6] &= ~(1L << from);
        }
        scratch[s >>> 6] |= 1L << s;
        long breaks = model.breaks(scratch, 0) - state.breaksOf[q];
        long idle = model.idle(scratch, 0) - model.idle(state.occupancy, q * words);
        return BREAK_COST * breaks + idle;
    }

    /** Minimum-cost assignment of n rows to n columns (Hungarian method with potentials, O(n^3)). */
    static final class Hungarian {

        private final long[] u;
        private final long[] v;
        private final int[] match;
        private final int[] way;
        private final long[] least;
        private final boolean[] used;

        Hungarian(int most) {
            u = new long[most + 1];
            v = new long[most + 1];
            match = new int[most + 1];
            way = new int[most + 1];
            least = new long[most + 1];
            used = new boolean[most + 1];
        }

        /** Fills {@code columnOf} (row to column) and returns the total cost of the first n rows and columns. */
        long solve(long[][] cost, int n, int[] columnOf) {
            Arrays.fill(u, 0, n + 1, 0);
            Arrays.fill(v, 0, n + 1, 0);
            Arrays.fill(match, 0, n + 1, 0);
            for (int row = 1; row <= n; row++) {
                match[0] = row;
                int column = 0;
                Arrays.fill(least, 0, n + 1, Long.MAX_VALUE);
                Arrays.fill(used, 0, n + 1, false);
                do {
                    used[column] = true;
                    int r = match[column];
                    long delta = Long.MAX_VALUE;
                    int next = 0;
                    for (int j = 1; j <= n; j++) {
                        if (!used[j]) {
                            long c = cost[r - 1][j - 1] - u[r] - v[j];
                            if (c < least[j]) {
                                least[j] = c;
                                way[j] = column;
                            }
                            if (least[j] < delta) {
                                delta = least[j];
                                next = j;
                            }
                        }
                    }
                    for (int j = 0; j <= n; j++) {
                        if (used[j]) {
                            u[match[j]] += delta;
                            v[j] -= delta;
                        } else {
                            least[j] -= delta;
                        }
                    }
                    column = next;
                } while (match[column] != 0);
                do {
                    int previous = way[column];
                    match[column] = match[previous];
                    column = previous;
                } while (column != 0);
            }
            long total = 0;
            for (int j = 1; j <= n; j++) {
                columnOf[match[j] - 1] = j - 1;
                total += cost[match[j] - 1][j - 1];
            }
            return total;
        }
    }
}
