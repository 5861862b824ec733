package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The search's first schedule. With precedences, slot by slot in their order ({@link OrderedConstruction}); otherwise
 * it places the unscheduled meetings greedily, required ones first, then those with the
 * fewest slots and the busiest participants, each in the slot that costs least (ties broken at random). An optional
 * meeting stays out when no slot makes the cost lower than leaving it out.
 */
final class Construction {

    private Construction() {
    }

    /** Most movable meetings for the slot-by-slot construction of {@link OrderedConstruction}. */
    private static final int MAX_ORDERED = 4000;

    /** Places the unscheduled meetings of {@code movable} in {@code state}, judging slots by {@code cost}. */
    static void complete(SearchModel model, SlotState state, int[] movable, SplittableRandom random,
            DoubleSupplier cost) {
        if (movable.length <= MAX_ORDERED && hasSideConstraints(model)) {
            OrderedConstruction.complete(model, state, movable, random, cost);
        } else {
            greedy(model, state, movable, random, cost);
        }
    }

    /** The greedy placement described above, of the meetings of {@code movable} still unscheduled. */
    static void greedy(SearchModel model, SlotState state, int[] movable, SplittableRandom random,
            DoubleSupplier cost) {
        int[] order = Arrays.stream(movable).filter(m -> state.slot[m] == UNSCHEDULED).toArray();
        long[] keys = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            int m = order[i];
            int degree = model.meetingsOf[model.first[m]].length + model.meetingsOf[model.second[m]].length;
            int priority = model.required[m] ? 0 : 1;
            keys[i] = ((long) priority << 60) | ((long) model.domain[m].length << 40)
                    | ((long) (0xFFFFF - Math.min(degree, 0xFFFFF)) << 20) | random.nextInt(1 << 20);
        }
        Integer[] byKey = new Integer[order.length];
        for (int i = 0; i < order.length; i++) {
            byKey[i] = i;
        }
        Arrays.sort(byKey, (x, y) -> Long.compare(keys[x], keys[y]));
        for (int i : byKey) {
            int m = order[i];
            double bestCost = model.required[m] ? Double.MAX_VALUE : cost.getAsDouble();
            int bestSlot = UNSCHEDULED;
            int ties = 0;
            for (int s : model.domain[m]) {
                state.move(m, s);
                double c = cost.getAsDouble();
                if (c < bestCost) {
                    bestCost = c;
                    bestSlot = s;
                    ties = 1;
                } else if (c == bestCost && bestSlot != UNSCHEDULED && random.nextInt(++ties) == 0) {
                    bestSlot = s;
                }
            }
            state.move(m, bestSlot);
        }
    }

    /** Precedences: the events the slot-by-slot construction is for. */
    static boolean hasSideConstraints(SearchModel model) {
        for (int m = 0; m < model.meetingCount; m++) {
            if (model.before[m].length > 0) {
                return true;
            }
        }
        return false;
    }
}
