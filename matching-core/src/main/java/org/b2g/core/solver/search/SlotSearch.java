package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.b2g.core.solver.ScoreWeights;

/**
 * Finds slots for the meetings: a most-constrained-first greedy construction, then simulated annealing in repeated
 * cooling cycles over a weighted sum of the score levels (hard points weigh more while the search stays infeasible),
 * plus idle slots inside a participant's day as a hint towards closing breaks. Half of the moves start at a
 * participant with a break. Moves: change a slot (or leave an optional meeting out), swap two meetings' slots, swap
 * two meetings of one participant, a Kempe chain between two slots, and shifting a participant's run of meetings by
 * one slot; target slots are often next to another meeting of one of the two participants.
 *
 * <p>Every decision depends on the seed and the move count only, so a move limit makes runs repeatable; the clock
 * is read only to stop.
 */
final class SlotSearch {

    /** Receives every new best (hard, medium, breaks) as it is found. */
    interface Listener {
        void improved(SlotState state, long moves);
    }

    private static final int MAX_CHAIN = 64;
    /** Percent of moves that start from a participant with a break rather than from any meeting. */
    private static final int FOCUS = 50;
    /** Percent of those focused moves that try to close the participant's break with {@link #closeGapMove}. */
    private static final int GAP_MOVES = 10;
    /** Moves per annealing cycle (at least; more for big events), from the start to the end temperature. */
    private static final long CYCLE = 5_000_000L;
    private static final long CYCLE_PER_MEETING = 400L;
    /** Temperatures in breaks: at the start a move that adds a break passes one time in 30. */
    private static final double START_TEMPERATURE = 0.3;
    private static final double END_TEMPERATURE = 0.01;
    /** Weight of one idle slot inside a participant's day, in breaks. */
    private static final double IDLE_WEIGHT = 0.1;

    private final SearchModel model;
    private final SlotState state;
    private final SplittableRandom random;
    private final Termination termination;
    private final Listener listener;
    private final int[] movable;

    private final double mediumWeight;
    private double hardWeight;
    private final double minHardWeight;

    private final MoveLog log;
    private final int[] mark;
    private int stamp;
    private int[] chain = new int[MAX_CHAIN];

    private final int[] best;
    private long bestHard;
    private long bestMedium;
    private long bestBreaks;
    /** The current state is a new best not yet copied into {@link #best}. */
    private boolean bestPending;
    private long moves;

    SlotSearch(SearchModel model, long seed, Termination termination, Listener listener) {
        this.model = model;
        this.state = new SlotState(model);
        this.log = new MoveLog(state);
        this.random = new SplittableRandom(seed);
        this.termination = termination;
        this.listener = listener;
        this.movable = java.util.stream.IntStream.range(0, model.meetingCount)
                .filter(m -> !model.fixed[m] && model.domain[m].length > 0).toArray();
        this.mark = new int[model.meetingCount];
        this.best = new int[model.meetingCount];
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int m = 0; m < model.meetingCount; m++) {
            if (!model.required[m] && model.weight[m] > 0) {
                smallest = Math.min(smallest, model.weight[m]);
                largest = Math.max(largest, model.weight[m]);
            }
        }
        for (int p = 0; p < model.participantCount; p++) {
            if (model.minMeetings[p] > 0) {
                smallest = Math.min(smallest, model.missingWeight[p]);
                largest = Math.max(largest, model.missingWeight[p]);
            }
        }
        // The least valuable optional meeting is worth a few breaks; a hard point more than the most valuable one.
        this.mediumWeight = smallest == Long.MAX_VALUE ? 1.0 : 3.0 / smallest;
        this.minHardWeight = Math.max(2.0, 2.0 * largest * mediumWeight);
        this.hardWeight = minHardWeight;
    }

    SlotState state() {
        return state;
    }

    long moves() {
        return moves;
    }

    /**
     * Starts from {@code initial} (slots per meeting, {@link SearchModel#UNSCHEDULED} where none; values outside a
     * meeting's domain are dropped), completes it greedily and improves it. Returns the best slots found.
     */
    int[] run(int[] initial) {
        state.load(initial);
        construct();
        remember();
        if (!atLowerBound()) {
            anneal();
        }
        restoreBest();
        return state.slot.clone();
    }

    // ---------------------------------------------------------------- construction

    /** Places unscheduled meetings, those with the fewest slots and the busiest participants first. */
    private void construct() {
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
            double bestCost = model.required[m] ? Double.MAX_VALUE : cost();
            int bestSlot = UNSCHEDULED;
            int ties = 0;
            for (int s : model.domain[m]) {
                state.move(m, s);
                double c = cost();
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

    // ---------------------------------------------------------------- annealing

    private void anneal() {
        if (movable.length == 0) {
            return;
        }
        termination.annealingStarted();
        long cycle = Math.max(CYCLE, CYCLE_PER_MEETING * movable.length);
        double cooling = Math.pow(END_TEMPERATURE / START_TEMPERATURE, 1.0 / cycle);
        double temperature = START_TEMPERATURE;
        long inCycle = 0;
        while (true) {
            if ((moves & 1023) == 0 && termination.shouldStop(moves)) {
                return;
            }
            moves++;
            double before = cost();
            if (!randomMove()) {
                rollback();
                continue;
            }
            double delta = cost() - before;
            if (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature)) {
                if (delta > 0 && bestPending) {
                    log.revisit(this::copyBest); // save the best before leaving it
                }
                log.clear();
                if (isBetterThanBest()) {
                    remember();
                    if (atLowerBound()) {
                        return;
                    }
                }
            } else {
                rollback();
            }
            if ((moves & 4095) == 0) {
                adaptHardWeight();
            }
            temperature *= cooling;
            if (++inCycle >= cycle) {
                inCycle = 0;
                temperature = START_TEMPERATURE;
            }
        }
    }

    /** Raises the weight of hard points while the search stays infeasible, lowers it back once feasible. */
    private void adaptHardWeight() {
        if (state.hard > 0) {
            hardWeight = Math.min(hardWeight * 1.1, 1e9);
        } else {
            hardWeight = Math.max(minHardWeight, hardWeight * 0.95);
        }
    }

    double cost() {
        return state.hard * hardWeight + state.medium * mediumWeight + state.breaks + IDLE_WEIGHT * state.idle;
    }

    /** Applies a random move, logging it for {@link #rollback()}; false when the move was not possible. */
    private boolean randomMove() {
        int m = -1;
        int count = state.participantsWithBreaks();
        if (count > 0 && random.nextInt(100) < FOCUS) {
            int p = state.participantWithBreaks(random.nextInt(count));
            int[] ofP = model.meetingsOf[p];
            int x = ofP[random.nextInt(ofP.length)];
            if (!model.fixed[x] && model.domain[x].length > 0) {
                m = x;
                if (random.nextInt(100) < GAP_MOVES) {
                    return closeGapMove(p, m);
                }
            }
        }
        if (m < 0) {
            m = movable[random.nextInt(movable.length)];
        }
        int kind = random.nextInt(100);
        if (state.slot[m] == UNSCHEDULED || kind < 30) {
            return changeMove(m);
        }
        if (kind < 55) {
            return kempeMove(m);
        }
        if (kind < 70) {
            return participantSwapMove(m);
        }
        if (kind < 85) {
            return swapMove(m);
        }
        return shiftMove(m);
    }

    private boolean changeMove(int m) {
        if (!model.required[m] && state.slot[m] != UNSCHEDULED && random.nextInt(8) == 0) {
            apply(m, UNSCHEDULED);
            return true;
        }
        int to = targetSlot(m);
        if (to == state.slot[m]) {
            return false;
        }
        apply(m, to);
        return true;
    }

    /**
     * A slot for meeting m: half the time any slot of its domain, otherwise one next to another meeting of one of
     * its participants, where it would close a gap or extend a block.
     */
    private int targetSlot(int m) {
        int[] domain = model.domain[m];
        if (random.nextBoolean()) {
            int p = random.nextBoolean() ? model.first[m] : model.second[m];
            int[] ofP = model.meetingsOf[p];
            int x = ofP[random.nextInt(ofP.length)];
            int s = state.slot[x];
            if (x != m && s != UNSCHEDULED) {
                s += random.nextBoolean() ? 1 : -1;
                if (s >= 0 && s < model.slotCount && model.allows(m, s)) {
                    return s;
                }
            }
        }
        return domain[random.nextInt(domain.length)];
    }

    private boolean kempeMove(int m) {
        int b = targetSlot(m);
        return b != state.slot[m] && kempe(m, b);
    }

    /**
     * Exchanges m's slot a and slot b along the chain of meetings linked to m through participants busy in both:
     * only the participants at the two ends of the chain see their days change.
     */
    private boolean kempe(int m, int b) {
        int a = state.slot[m];
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
        int size = 0;
        chain[size++] = m;
        mark[m] = stamp;
        for (int head = 0; head < size; head++) {
            int x = chain[head];
            for (int side = 0; side < 2; side++) {
                int p = side == 0 ? model.first[x] : model.second[x];
                if (!state.isBusy(p, a) || !state.isBusy(p, b)) {
                    continue;
                }
                for (int y : model.meetingsOf[p]) {
                    int s = state.slot[y];
                    if ((s == a || s == b) && mark[y] != stamp) {
                        if (size == MAX_CHAIN || model.fixed[y] || !model.allows(y, s == a ? b : a)) {
                            return false;
                        }
                        mark[y] = stamp;
                        chain[size++] = y;
                    }
                }
            }
        }
        for (int i = 0; i < size; i++) {
            int x = chain[i];
            apply(x, state.slot[x] == a ? b : a);
        }
        return true;
    }

    /** Exchanges the slots of two meetings of one participant: its day is unchanged, its partners' days change. */
    private boolean participantSwapMove(int m) {
        int p = random.nextBoolean() ? model.first[m] : model.second[m];
        int[] ofP = model.meetingsOf[p];
        int other = ofP[random.nextInt(ofP.length)];
        return swap(m, other);
    }

    /** Exchanges the slots of two meetings: slot loads stay as they are. */
    private boolean swapMove(int m) {
        int b = targetSlot(m);
        if (b == state.slot[m] || state.load[b] == 0) {
            return false;
        }
        return swap(m, state.member(b, random.nextInt(state.load[b])));
    }

    private boolean swap(int m, int other) {
        int a = state.slot[m];
        int b = state.slot[other];
        if (other == m || model.fixed[other] || b == UNSCHEDULED || a == b || !model.allows(m, b)
                || !model.allows(other, a)) {
            return false;
        }
        apply(m, b);
        apply(other, a);
        return true;
    }

    /**
     * Moves participant p's run of meetings around m towards its next run of the day, into the break between them
     * (all of it or part of it), each meeting by a Kempe chain: a partner busy at both ends of a chain keeps its day,
     * where moving the run's meetings alone would open a break for each partner.
     */
    private boolean closeGapMove(int p, int m) {
        int a = state.slot[m];
        if (a == UNSCHEDULED) {
            return false;
        }
        int low = runStart(p, a, -1);
        int high = runStart(p, a, 1);
        int before = gap(p, low, -1);
        int after = gap(p, high, 1);
        if (before == 0 && after == 0) {
            return false;
        }
        boolean later = after > 0 && (before == 0 || random.nextBoolean());
        int gap = later ? after : before;
        int d = random.nextBoolean() ? gap : 1 + random.nextInt(gap);
        if (!later) {
            d = -d;
        }
        for (int k = 0; k <= high - low; k++) {
            int s = later ? high - k : low + k;
            int x = meetingAt(p, s);
            if (x < 0 || model.fixed[x] || !model.allows(x, s + d) || !kempe(x, s + d)) {
                return false;
            }
        }
        return true;
    }

    /** The last slot of p's run of busy slots from {@code s} in direction {@code step} (-1 or 1), within the day. */
    private int runStart(int p, int s, int step) {
        int day = model.dayOfSlot[s];
        int t = s + step;
        while (t >= 0 && t < model.slotCount && model.dayOfSlot[t] == day && state.isBusy(p, t)) {
            s = t;
            t += step;
        }
        return s;
    }

    /** Idle slots of p next to its busy slot {@code s} in direction {@code step}, 0 when no meeting follows that day. */
    private int gap(int p, int s, int step) {
        int day = model.dayOfSlot[s];
        int idle = 0;
        for (int t = s + step; t >= 0 && t < model.slotCount && model.dayOfSlot[t] == day; t += step) {
            if (state.isBusy(p, t)) {
                return idle;
            }
            idle++;
        }
        return 0;
    }

    private int meetingAt(int p, int s) {
        for (int x : model.meetingsOf[p]) {
            if (state.slot[x] == s) {
                return x;
            }
        }
        return -1;
    }

    /** Moves the run of consecutive meetings of one participant around m one slot earlier or later. */
    private boolean shiftMove(int m) {
        int p = random.nextBoolean() ? model.first[m] : model.second[m];
        int d = random.nextBoolean() ? 1 : -1;
        int a = state.slot[m];
        int low = a;
        int high = a;
        while (low > 0 && state.isBusy(p, low - 1) && model.dayOfSlot[low - 1] == model.dayOfSlot[a]) {
            low--;
        }
        while (high < model.slotCount - 1 && state.isBusy(p, high + 1)
                && model.dayOfSlot[high + 1] == model.dayOfSlot[a]) {
            high++;
        }
        int size = 0;
        for (int y : model.meetingsOf[p]) {
            int s = state.slot[y];
            if (s >= low && s <= high) {
                int t = s + d;
                if (size == MAX_CHAIN || model.fixed[y] || t < 0 || t >= model.slotCount || !model.allows(y, t)) {
                    return false;
                }
                chain[size++] = y;
            }
        }
        for (int i = 0; i < size; i++) {
            int y = chain[i];
            apply(y, state.slot[y] + d);
        }
        return size > 0;
    }

    private void apply(int m, int to) {
        log.apply(m, to);
    }

    private void rollback() {
        log.rollback();
    }

    // ---------------------------------------------------------------- best schedule

    private boolean isBetterThanBest() {
        return compareToBest() < 0;
    }

    private int compareToBest() {
        if (state.hard != bestHard) {
            return Long.compare(state.hard, bestHard);
        }
        if (state.medium != bestMedium) {
            return Long.compare(state.medium, bestMedium);
        }
        return Long.compare(state.breaks, bestBreaks);
    }

    private void remember() {
        bestHard = state.hard;
        bestMedium = state.medium;
        bestBreaks = state.breaks;
        bestPending = true;
        listener.improved(state, moves);
    }

    private void copyBest() {
        System.arraycopy(state.slot, 0, best, 0, best.length);
        bestPending = false;
    }

    private void restoreBest() {
        if (bestPending) {
            copyBest();
            return;
        }
        for (int m = 0; m < best.length; m++) {
            if (state.slot[m] != best[m]) {
                state.move(m, best[m]);
            }
        }
    }

    /** After {@link #run}: true when the schedule found cannot be improved (no penalty, breaks at their bound). */
    boolean reachedLowerBound() {
        return atLowerBound();
    }

    private boolean atLowerBound() {
        return termination.isOptimal(state);
    }
}
