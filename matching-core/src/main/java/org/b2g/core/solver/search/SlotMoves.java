package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The moves of the slot search, each applied through a {@link MoveLog} so that the search can take it back: change a
 * slot (or leave an optional meeting out), swap two meetings' slots, swap two meetings of one participant, a Kempe
 * chain between two slots, shift a participant's run of meetings by one slot, and close a participant's break by
 * moving a run of its meetings into it, or re-place all its meetings at once ({@link WindowPlacement}). Half of the
 * moves start at a participant with a break; target slots are often next to another meeting of one of the two
 * participants. With precedences, the meetings whose order a move breaks are pushed along their chain.
 */
final class SlotMoves {

    private static final int MAX_CHAIN = 64;
    /** Most meetings one move pushes along the precedences it breaks ({@link #pushAlong}). */
    private static final int MAX_PUSHES = 32;
    /** Percent of moves that start from a participant with a break rather than from any meeting. */
    private static final int FOCUS = 50;
    /** Percent of those focused moves that try to close the participant's break with {@link #closeGapMove}. */
    private static final int GAP_MOVES = 10;
    /** Per mille of those focused moves that re-place all the participant's meetings ({@link WindowPlacement}). */
    private static final int WINDOW_MOVES = 2;

    private final SearchModel model;
    private final SlotState state;
    private final MoveLog log;
    private final SplittableRandom random;
    private final int[] movable;
    private final int[] mark;
    private int stamp;
    private final int[] chain = new int[MAX_CHAIN];
    private final WindowPlacement window;
    /** The event has precedences: moves keep the order that holds, and some push a chain along. */
    private final boolean ordered;
    /** Percent of moves of a meeting with precedences that push its chain ({@link #pushMove}). */
    private static final int PUSH_MOVES = 25;

    SlotMoves(SlotState state, MoveLog log, SplittableRandom random, int[] movable) {
        this.model = state.model;
        this.state = state;
        this.log = log;
        this.random = random;
        this.movable = movable;
        this.mark = new int[model.meetingCount];
        this.window = new WindowPlacement(state, log);
        boolean any = false;
        for (int[] earlier : model.before) {
            any |= earlier.length > 0;
        }
        this.ordered = any;
    }

    /** Whether the event has precedences (moves then keep the order that holds and push chains along). */
    boolean ordered() {
        return ordered;
    }

    /**
     * Applies a random move, logging it so that it can be taken back; false when the move was not possible. With
     * precedences, the meetings whose order the move breaks are pushed along ({@link #pushAlong}); a move that still
     * breaks more of them than it mends is not possible: the order that holds is kept.
     */
    boolean randomMove() {
        if (!ordered) {
            return pickMove();
        }
        long broken = state.precedencesBroken;
        int mark = log.mark();
        if (!pickMove()) {
            return false;
        }
        if (state.precedencesBroken > broken) {
            pushAlong(mark);
        }
        return state.precedencesBroken <= broken;
    }

    private boolean pickMove() {
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
                if (random.nextInt(1000) < WINDOW_MOVES) {
                    return window.apply(p);
                }
            }
        }
        if (m < 0) {
            m = movable[random.nextInt(movable.length)];
        }
        if (ordered && state.slot[m] != UNSCHEDULED && model.before[m].length + model.later[m].length > 0
                && random.nextInt(100) < PUSH_MOVES) {
            return pushMove(m);
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
        if (ordered && model.before[m].length + model.later[m].length > 0 && random.nextBoolean()) {
            int s = orderedSlot(m);
            if (s != UNSCHEDULED) {
                return s;
            }
        }
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
        int size = startChain(m);
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

    /** Starts a new chain holding m alone (marks of earlier chains no longer count); returns its size, 1. */
    private int startChain(int m) {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
        chain[0] = m;
        mark[m] = stamp;
        return 1;
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

    /**
     * A slot of m's domain strictly between its latest scheduled predecessor and its earliest scheduled successor,
     * at random; UNSCHEDULED when there is none.
     */
    private int orderedSlot(int m) {
        int low = state.earliestInOrder(m);
        int high = state.latestInOrder(m);
        int[] domain = model.domain[m];
        int from = lowerBound(domain, low);
        int to = lowerBound(domain, high + 1);
        return from < to ? domain[from + random.nextInt(to - from)] : UNSCHEDULED;
    }

    /** The first index of {@code sorted} holding a value of at least {@code value}. */
    private static int lowerBound(int[] sorted, int value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }

    /**
     * Moves m to any slot of its domain, also past its predecessors or successors: {@link #randomMove} then pushes
     * along the meetings whose order that breaks, so that chains of meetings move together where single moves would
     * each break an order and be refused.
     */
    private boolean pushMove(int m) {
        int[] domain = model.domain[m];
        int to = domain[random.nextInt(domain.length)];
        if (to == state.slot[m]) {
            return false;
        }
        apply(m, to);
        return true;
    }

    /**
     * Pushes along the precedences that the moves logged since {@code mark} broke: a successor no longer after a moved
     * meeting goes to the slot after it, a predecessor no longer before it to the slot before, and so on down the
     * chains (the pushed meetings are logged too, so they are visited in turn). A swap or a Kempe chain that crosses an
     * order thus moves the chain's meetings with it rather than being refused. Stops at a fixed meeting, a slot
     * outside a domain or after {@link #MAX_PUSHES} pushes; the caller then refuses what is still broken.
     */
    void pushAlong(int mark) {
        int pushes = 0;
        for (int i = mark; i < log.size(); i++) {
            int x = log.meeting(i);
            int at = state.slot[x];
            if (at == UNSCHEDULED) {
                continue;
            }
            for (int l : model.later[x]) {
                int s = state.slot[l];
                if (s != UNSCHEDULED && s <= at) {
                    if (++pushes > MAX_PUSHES || model.fixed[l] || at + 1 >= model.slotCount
                            || !model.allows(l, at + 1)) {
                        return;
                    }
                    apply(l, at + 1);
                }
            }
            for (int e : model.before[x]) {
                int s = state.slot[e];
                if (s != UNSCHEDULED && s >= at) {
                    if (++pushes > MAX_PUSHES || model.fixed[e] || at < 1 || !model.allows(e, at - 1)) {
                        return;
                    }
                    apply(e, at - 1);
                }
            }
        }
    }

    private void apply(int m, int to) {
        log.apply(m, to);
    }
}
