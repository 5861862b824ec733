package org.b2g.core.solver.bound;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Who could meet whom, ignoring the clock: participants with the most meetings each can hold, candidate pairs with
 * what each is worth, and a bonus for a participant's first few meetings. {@link #best()} picks the pairs worth most
 * in total such that nobody exceeds its capacity (a maximum-weight degree-constrained subgraph).
 *
 * <p>Why this is a bound: any schedule's meetings are such a set of pairs, so no schedule is worth more. When the
 * pairs join two sides (startups and agencies) the problem is a network flow and its answer is a set of whole
 * pairs; otherwise each person is split into a giving and a taking copy, which answers the fractional version
 * (still a bound, no longer always a schedule's pairs) and {@link Pairing#exact()} says so.
 *
 * <p>The bonus must fall with the count (worth more for the first meetings than for later ones), as the score's
 * "nobody goes home empty-handed" does; the flow then takes the bonus arcs first of its own accord.
 */
public final class PairGraph {

    /** Capacity of a participant nobody limited: more than it can have pairs. */
    private static final int UNLIMITED = Integer.MAX_VALUE / 4;

    private final int participants;
    private final int[] capacity;
    private final int[] bonusUnits;
    private final long[] bonusValue;
    private int[] first = new int[16];
    private int[] second = new int[16];
    private long[] value = new long[16];
    private int pairs;
    private int totalLimit = UNLIMITED;

    public PairGraph(int participants) {
        if (participants < 0) {
            throw new IllegalArgumentException("The participant count (" + participants + ") is negative.");
        }
        this.participants = participants;
        capacity = new int[participants];
        Arrays.fill(capacity, UNLIMITED);
        bonusUnits = new int[participants];
        bonusValue = new long[participants];
    }

    /** At most {@code meetings} pairs include {@code participant}. */
    public PairGraph capacity(int participant, int meetings) {
        check(participant);
        if (meetings < 0) {
            throw new IllegalArgumentException("The capacity (" + meetings + ") of participant " + participant
                    + " is negative.");
        }
        capacity[participant] = meetings;
        return this;
    }

    /** Each of the participant's first {@code units} pairs is worth {@code perUnit} more. */
    public PairGraph bonus(int participant, int units, long perUnit) {
        check(participant);
        if (units < 0 || perUnit < 0) {
            throw new IllegalArgumentException("The bonus (" + units + " x " + perUnit + ") of participant "
                    + participant + " is negative.");
        }
        bonusUnits[participant] = units;
        bonusValue[participant] = perUnit;
        return this;
    }

    /** At most {@code pairs} pairs in all (say tables x slots). */
    public PairGraph limitTotal(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The total limit (" + limit + ") is negative.");
        }
        totalLimit = limit;
        return this;
    }

    /** Adds a candidate pair worth {@code worth}; returns its index in {@link Pairing#chosen()}. */
    public int addPair(int a, int b, long worth) {
        check(a);
        check(b);
        if (a == b) {
            throw new IllegalArgumentException("The pair (" + a + ", " + b + ") joins a participant to itself.");
        }
        if (pairs == first.length) {
            first = Arrays.copyOf(first, pairs * 2);
            second = Arrays.copyOf(second, pairs * 2);
            value = Arrays.copyOf(value, pairs * 2);
        }
        first[pairs] = a;
        second[pairs] = b;
        value[pairs] = worth;
        return pairs++;
    }

    public int pairCount() {
        return pairs;
    }

    private void check(int participant) {
        if (participant < 0 || participant >= participants) {
            throw new IllegalArgumentException("The participant (" + participant + ") is outside 0.."
                    + (participants - 1) + ".");
        }
    }

    /** The most valuable set of pairs within every capacity (bonuses included in the value). */
    public Pairing best() {
        return best(() -> false);
    }

    /** As {@link #best()}, or null when {@code stop} turns true first (it is asked between shortest-path rounds). */
    public Pairing best(BooleanSupplier stop) {
        int[] side = sides();
        return side != null ? bipartite(side, stop) : splitCopies(stop);
    }

    /** 0 or 1 per participant so that every pair joins the two sides, or null when no such split exists. */
    private int[] sides() {
        int[] offset = new int[participants + 1];
        for (int i = 0; i < pairs; i++) {
            offset[first[i] + 1]++;
            offset[second[i] + 1]++;
        }
        for (int p = 0; p < participants; p++) {
            offset[p + 1] += offset[p];
        }
        int[] neighbours = new int[2 * pairs];
        int[] fill = Arrays.copyOf(offset, participants);
        for (int i = 0; i < pairs; i++) {
            neighbours[fill[first[i]]++] = second[i];
            neighbours[fill[second[i]]++] = first[i];
        }
        int[] side = new int[participants];
        Arrays.fill(side, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < participants; start++) {
            if (side[start] >= 0) {
                continue;
            }
            side[start] = 0;
            queue.add(start);
            while (!queue.isEmpty()) {
                int u = queue.poll();
                for (int k = offset[u]; k < offset[u + 1]; k++) {
                    int v = neighbours[k];
                    if (side[v] < 0) {
                        side[v] = 1 - side[u];
                        queue.add(v);
                    } else if (side[v] == side[u]) {
                        return null;
                    }
                }
            }
        }
        return side;
    }

    private Pairing bipartite(int[] side, BooleanSupplier stop) {
        // Nodes: 0 source, 1 gate (the total limit), 2 + p per participant, sink last.
        int sink = participants + 2;
        MinCostFlow flow = new MinCostFlow(participants + 3);
        flow.addArc(0, 1, totalLimit, 0);
        for (int p = 0; p < participants; p++) {
            if (side[p] == 0) {
                degreeArcs(flow, 1, p + 2, p, true);
            } else {
                degreeArcs(flow, p + 2, sink, p, false);
            }
        }
        int[] arc = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            int from = side[first[i]] == 0 ? first[i] : second[i];
            int to = from == first[i] ? second[i] : first[i];
            arc[i] = flow.addArc(from + 2, to + 2, 1, -value[i]);
        }
        long cost = flow.minimise(0, sink, stop);
        if (cost > 0) {
            return null;
        }
        boolean[] chosen = new boolean[pairs];
        for (int i = 0; i < pairs; i++) {
            chosen[i] = flow.flow(arc[i]) > 0;
        }
        return new Pairing(chosen, -cost, true);
    }

    /** The fractional bound: a giving and a taking copy of everyone, each pair both ways, the value halved. */
    private Pairing splitCopies(BooleanSupplier stop) {
        int n = participants;
        int sink = 2 * n + 2;
        MinCostFlow flow = new MinCostFlow(2 * n + 3);
        flow.addArc(0, 1, totalLimit >= UNLIMITED ? UNLIMITED : 2 * totalLimit, 0);
        for (int p = 0; p < n; p++) {
            degreeArcs(flow, 1, p + 2, p, true);
            degreeArcs(flow, n + p + 2, sink, p, false);
        }
        int[] forward = new int[pairs];
        int[] backward = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            forward[i] = flow.addArc(first[i] + 2, n + second[i] + 2, 1, -value[i]);
            backward[i] = flow.addArc(second[i] + 2, n + first[i] + 2, 1, -value[i]);
        }
        long cost = flow.minimise(0, sink, stop);
        if (cost > 0) {
            return null;
        }
        boolean[] chosen = new boolean[pairs];
        for (int i = 0; i < pairs; i++) {
            chosen[i] = flow.flow(forward[i]) > 0 && flow.flow(backward[i]) > 0;
        }
        return new Pairing(chosen, Math.floorDiv(-cost, 2), false);
    }

    /** A participant's capacity as two parallel arcs: the bonus units first (they gain more), then the rest. */
    private void degreeArcs(MinCostFlow flow, int from, int to, int p, boolean giving) {
        int bonus = Math.min(bonusUnits[p], capacity[p]);
        if (bonus > 0) {
            flow.addArc(from, to, bonus, -bonusValue[p]);
        }
        if (capacity[p] > bonus) {
            flow.addArc(from, to, capacity[p] - bonus, 0);
        }
    }
}
