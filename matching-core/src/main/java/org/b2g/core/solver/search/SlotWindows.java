package org.b2g.core.solver.search;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Narrows each meeting's slots to those some schedule without a broken rule can give it, before the search starts:
 * a meeting with a chain of k required predecessors cannot sit in the first k slots it could otherwise take (nor,
 * symmetrically, in the last ones when successors follow), and a slot that a participant's fixed meetings fill is
 * closed to its other meetings. Repeated until nothing changes, as bounds propagation over the precedences.
 *
 * <p>Only a schedule that breaks a rule is lost, so the search and the lower bound on breaks both work on the
 * narrowed slots; the score never looks at them. When the narrowing leaves a required meeting no slot (a precedence
 * cycle, a chain longer than the day) the event is infeasible and the domains stay as they were, so that the search
 * still finds the schedule with the fewest broken rules. An optional meeting left no slot (its only slots held by
 * fixed meetings) keeps an empty domain: the search leaves it out, as it must leave it out of any such schedule.
 */
final class SlotWindows {

    /** Rounds of propagation at most; each is linear in the precedences and the participants' meetings. */
    private static final int MAX_ROUNDS = 20;

    private SlotWindows() {
    }

    /**
     * Narrows {@code model.domain} (and its mask) in place; marks required meetings left with one slot as fixed.
     * Returns whether any slot was removed.
     */
    static boolean narrow(SearchModel model) {
        int n = model.meetingCount;
        int[] order = topologicalOrder(model);
        if (order == null) {
            return false; // a cycle: nothing can be scheduled as asked, leave it to the search's score
        }
        int[][] domain = new int[n][];
        for (int m = 0; m < n; m++) {
            domain[m] = model.domain[m].clone();
        }
        boolean changed = false;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean any = forward(model, order, domain) | backward(model, order, domain) | singletons(model, domain);
            for (int m = 0; m < n; m++) {
                // An optional meeting left no slot just stays out; a meeting that must be held makes it infeasible.
                if (domain[m].length == 0 && model.domain[m].length > 0 && (model.required[m] || model.fixed[m])) {
                    return false;
                }
            }
            if (!any) {
                break;
            }
            changed = true;
        }
        if (!changed) {
            return false;
        }
        Arrays.fill(model.domainMask, 0L);
        for (int m = 0; m < n; m++) {
            model.domain[m] = domain[m];
            for (int s : domain[m]) {
                model.domainMask[m * model.words + (s >>> 6)] |= 1L << s;
            }
            if (model.required[m] && domain[m].length == 1) {
                model.fixed[m] = true;
            }
        }
        return true;
    }

    /** Whether the precedence from {@code earlier} to {@code later} binds: both meetings must be scheduled. */
    private static boolean binds(SearchModel model, int earlier, int later) {
        return (model.required[earlier] || model.fixed[earlier]) && (model.required[later] || model.fixed[later]);
    }

    /** Meetings ordered so that every meeting comes after its predecessors; null when the precedences hold a cycle. */
    static int[] topologicalOrder(SearchModel model) {
        int n = model.meetingCount;
        int[] pending = new int[n];
        for (int m = 0; m < n; m++) {
            pending[m] = model.before[m].length;
        }
        int[] order = new int[n];
        int size = 0;
        Deque<Integer> ready = new ArrayDeque<>();
        for (int m = 0; m < n; m++) {
            if (pending[m] == 0) {
                ready.add(m);
            }
        }
        while (!ready.isEmpty()) {
            int m = ready.poll();
            order[size++] = m;
            for (int l : model.later[m]) {
                if (--pending[l] == 0) {
                    ready.add(l);
                }
            }
        }
        return size == n ? order : null;
    }

    /** Each meeting strictly after the earliest slot of each predecessor. */
    private static boolean forward(SearchModel model, int[] order, int[][] domain) {
        boolean changed = false;
        for (int m : order) {
            int low = Integer.MIN_VALUE;
            for (int e : model.before[m]) {
                if (binds(model, e, m) && domain[e].length > 0) {
                    low = Math.max(low, domain[e][0] + 1);
                }
            }
            int[] slots = domain[m];
            if (slots.length > 0 && slots[0] < low) {
                int from = 0;
                while (from < slots.length && slots[from] < low) {
                    from++;
                }
                domain[m] = Arrays.copyOfRange(slots, from, slots.length);
                changed = true;
            }
        }
        return changed;
    }

    /** Each meeting strictly before the latest slot of each successor. */
    private static boolean backward(SearchModel model, int[] order, int[][] domain) {
        boolean changed = false;
        for (int i = order.length - 1; i >= 0; i--) {
            int m = order[i];
            int high = Integer.MAX_VALUE;
            for (int l : model.later[m]) {
                if (binds(model, m, l) && domain[l].length > 0) {
                    high = Math.min(high, domain[l][domain[l].length - 1] - 1);
                }
            }
            int[] slots = domain[m];
            if (slots.length > 0 && slots[slots.length - 1] > high) {
                int to = slots.length;
                while (to > 0 && slots[to - 1] > high) {
                    to--;
                }
                domain[m] = Arrays.copyOf(slots, to);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * A slot that a participant's meetings with one slot left already fill (one per representative) is closed to
     * its other meetings; a slot that such meetings fill at every table is closed to all others.
     */
    private static boolean singletons(SearchModel model, int[][] domain) {
        boolean changed = false;
        int slots = model.slotCount;
        int[] perSlot = new int[slots];
        // The meetings that fill a slot, marked before any is narrowed: one left a single slot by this loop does
        // not fill that slot, it has lost its place there.
        boolean[] filling = new boolean[model.meetingCount];
        for (int m = 0; m < model.meetingCount; m++) {
            if (domain[m].length == 1 && (model.required[m] || model.fixed[m])) {
                perSlot[domain[m][0]]++;
                filling[m] = true;
            }
        }
        for (int s = 0; s < slots; s++) {
            if (perSlot[s] >= model.tableCount) {
                for (int m = 0; m < model.meetingCount; m++) {
                    if (!filling[m] && contains(domain[m], s)) {
                        domain[m] = without(domain[m], s);
                        changed = true;
                    }
                }
            }
        }
        int[] held = new int[slots];
        for (int p = 0; p < model.participantCount; p++) {
            int[] own = model.meetingsOf[p];
            if (own.length < 2) {
                continue;
            }
            Arrays.fill(held, 0);
            boolean anySingle = false;
            for (int m : own) {
                if (domain[m].length == 1 && (model.required[m] || model.fixed[m])) {
                    held[domain[m][0]]++;
                    anySingle = true;
                }
            }
            if (!anySingle) {
                continue;
            }
            for (int m : own) {
                if (domain[m].length == 1 && (model.required[m] || model.fixed[m])) {
                    continue;
                }
                int[] narrowed = domain[m];
                for (int s : domain[m]) {
                    if (held[s] >= model.representatives[p]) {
                        narrowed = without(narrowed, s);
                    }
                }
                if (narrowed != domain[m]) {
                    domain[m] = narrowed;
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static boolean contains(int[] sorted, int s) {
        return Arrays.binarySearch(sorted, s) >= 0;
    }

    private static int[] without(int[] sorted, int s) {
        int i = Arrays.binarySearch(sorted, s);
        if (i < 0) {
            return sorted;
        }
        int[] result = new int[sorted.length - 1];
        System.arraycopy(sorted, 0, result, 0, i);
        System.arraycopy(sorted, i + 1, result, i, sorted.length - i - 1);
        return result;
    }
}
