package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The first schedule of an event with precedences or fixed meetings, built slot by slot from the first: in each slot
 * the meetings that may start there (every predecessor placed in an earlier slot, every placed successor later, both
 * participants and a table free) are placed most urgent first, urgency being the slots left before the meeting's
 * last possible slot (its narrowed domain already ends before its successor chain) or before a participant runs out
 * of free slots for its remaining meetings. This is list scheduling with deadlines, which respects every order by
 * construction; breaks are the annealing's job. Several randomized sweeps are tried and the one with the fewest hard
 * points (then breaks) kept; meetings no sweep could place go to their cheapest slot and the search repairs them.
 */
final class OrderedConstruction {

    /** Sweeps tried; each is linear in slots times meetings. */
    private static final int SWEEPS = 16;
    /** Slack (slots) below which a meeting's urgency decides its turn; above it, keeping runs together does. */
    private static final long URGENT = 2;

    private final SearchModel model;
    private final SlotState state;
    private final SplittableRandom random;
    /** Per participant, the slots one of its meetings may take. */
    private final boolean[][] usable;
    private final int[] remaining;
    private final int[] ahead;

    private OrderedConstruction(SearchModel model, SlotState state, SplittableRandom random) {
        this.model = model;
        this.state = state;
        this.random = random;
        this.usable = new boolean[model.participantCount][model.slotCount];
        for (int p = 0; p < model.participantCount; p++) {
            for (int m : model.meetingsOf[p]) {
                for (int s : model.domain[m]) {
                    usable[p][s] = true;
                }
            }
        }
        this.remaining = new int[model.participantCount];
        this.ahead = new int[model.participantCount];
    }

    static void complete(SearchModel model, SlotState state, int[] movable, SplittableRandom random,
            DoubleSupplier cost) {
        new OrderedConstruction(model, state, random).run(movable, cost);
    }

    private void run(int[] movable, DoubleSupplier cost) {
        // The required meetings the search may move, wherever an earlier step (demand insertion) put them: the
        // sweeps start without them, and their current slots compete with the sweeps' result.
        int[] open = Arrays.stream(movable).filter(m -> model.required[m]).toArray();
        int[] best = new int[open.length];
        for (int i = 0; i < open.length; i++) {
            best[i] = state.slot[open[i]];
        }
        boolean complete = Arrays.stream(best).noneMatch(s -> s == UNSCHEDULED);
        long bestHard = complete ? state.hard : Long.MAX_VALUE;
        long bestMedium = complete ? state.medium : Long.MAX_VALUE;
        long bestBreaks = complete ? state.breaks : Long.MAX_VALUE;
        for (int m : open) {
            state.move(m, UNSCHEDULED);
        }
        for (int sweep = 0; sweep < SWEEPS && open.length > 0; sweep++) {
            sweep(open);
            if (state.hard < bestHard || state.hard == bestHard && (state.medium < bestMedium
                    || state.medium == bestMedium && state.breaks < bestBreaks)) {
                bestHard = state.hard;
                bestMedium = state.medium;
                bestBreaks = state.breaks;
                for (int i = 0; i < open.length; i++) {
                    best[i] = state.slot[open[i]];
                }
            }
            for (int m : open) {
                state.move(m, UNSCHEDULED);
            }
        }
        for (int i = 0; i < open.length; i++) {
            if (best[i] != UNSCHEDULED) {
                state.move(open[i], best[i]);
            }
        }
        for (int m : open) {
            if (state.slot[m] == UNSCHEDULED) {
                placeInOrder(m, cost);
            }
        }
        Construction.greedy(model, state, movable, random, cost); // optional meetings, and what is left
    }

    /**
     * A meeting no sweep could place goes to the cheapest slot between its placed predecessors and successors, a
     * clash there being easier for the search to resolve than a broken order; nowhere when there is no such slot.
     */
    private void placeInOrder(int m, DoubleSupplier cost) {
        int low = state.earliestInOrder(m);
        int high = state.latestInOrder(m);
        double bestCost = Double.MAX_VALUE;
        int bestSlot = UNSCHEDULED;
        for (int s : model.domain[m]) {
            if (s < low || s > high) {
                continue;
            }
            state.move(m, s);
            double c = cost.getAsDouble();
            if (c < bestCost) {
                bestCost = c;
                bestSlot = s;
            }
        }
        state.move(m, bestSlot);
    }

    /** One sweep over the slots, placing the meetings of {@code open} that fit, most urgent first. */
    private void sweep(int[] open) {
        Arrays.fill(remaining, 0);
        for (int m : open) {
            remaining[model.first[m]]++;
            remaining[model.second[m]]++;
        }
        long[] keys = new long[open.length];
        int[] candidates = new int[open.length];
        long noise = random.nextLong();
        for (int s = 0; s < model.slotCount; s++) {
            for (int p = 0; p < model.participantCount; p++) {
                int free = 0;
                if (remaining[p] > 0) {
                    for (int t = s; t < model.slotCount; t++) {
                        if (usable[p][t] && state.count(p, t) < model.representatives[p]) {
                            free++;
                        }
                    }
                }
                ahead[p] = free * model.representatives[p] - remaining[p];
            }
            int size = 0;
            for (int m : open) {
                if (state.slot[m] != UNSCHEDULED || !model.allows(m, s) || !ready(m, s) || !fits(m, s)) {
                    continue;
                }
                int[] domain = model.domain[m];
                long urgency = Math.min(domain[domain.length - 1] - s,
                        Math.min(ahead[model.first[m]], ahead[model.second[m]]));
                // Urgent meetings first; among the others, those that continue a participant's run of meetings
                // (a participant busy in the slot before and left idle now would open a break).
                int continuing = (s > 0 && state.isBusy(model.first[m], s - 1) ? 1 : 0)
                        + (s > 0 && state.isBusy(model.second[m], s - 1) ? 1 : 0);
                long jitter = (random.nextInt(1 << 16) ^ (noise >>> 48)) & 0xFFFF;
                keys[size] = ((Math.min(urgency, URGENT) + 1024) << 20) | ((long) (2 - continuing) << 16) | jitter;
                candidates[size++] = m;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            long[] k = keys;
            Arrays.sort(order, (x, y) -> Long.compare(k[x], k[y]));
            for (int i : order) {
                int m = candidates[i];
                if (state.load[s] >= model.tableCount) {
                    break;
                }
                if (fits(m, s)) {
                    state.move(m, s);
                    remaining[model.first[m]]--;
                    remaining[model.second[m]]--;
                }
            }
        }
    }

    /** Every predecessor of m sits in a slot before s, every placed successor after it. */
    private boolean ready(int m, int s) {
        for (int e : model.before[m]) {
            int at = state.slot[e];
            if (model.required[e] && (at == UNSCHEDULED || at >= s)) {
                return false;
            }
        }
        for (int l : model.later[m]) {
            int at = state.slot[l];
            if (at != UNSCHEDULED && at <= s) {
                return false;
            }
        }
        return true;
    }

    /** Both participants have a free seat in s and a table is free. */
    private boolean fits(int m, int s) {
        int a = model.first[m];
        int b = model.second[m];
        return state.load[s] < model.tableCount && state.count(a, s) < model.representatives[a]
                && state.count(b, s) < model.representatives[b];
    }
}
