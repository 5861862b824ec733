package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.b2g.core.domain.Origin;
import org.b2g.core.solver.ScoreWeights;
import org.b2g.core.solver.bound.PairGraph;
import org.b2g.core.solver.bound.Pairing;

/**
 * Raises the medium level (demand met, nobody below their minimum) in two steps.
 *
 * <p>First the whole schedule heads for a best set of pairs: a {@link PairGraph} flow, with the score's own weights
 * and ignoring the clock, picks the pairs worth most within everyone's capacity (and, among sets worth as much, the
 * one with the most requests). When the clock does not bind (a few meetings per person, many slots) that set fits:
 * {@link #placeTargets} leaves out what is outside it and places what is missing where both sides and a table are
 * free, so the medium reaches the bound in one step instead of by thousands of one-at-a-time insertions.
 *
 * <p>Then rounds of insertions with ejection: a left-out candidate goes into a slot, and whatever that blocks moves
 * aside. A meeting of the same participant in that slot moves to its best other slot or, when none is free, is left
 * out; a participant at its maximum leaves out its least valuable meeting; a slot without a free table moves one of
 * its meetings away. The whole insertion is kept only when the score gets strictly better, hard level first, so
 * swapping a recommendation out for someone's first meeting happens and swapping a mutual request out for a
 * recommendation never does.
 *
 * <p>When a participant at its maximum gives up a meeting that was somebody's only one, that person is re-seated by an
 * ejection chain: one of its left-out candidates goes into a slot where both sides are free, and if that counterpart is
 * full too, it gives up a meeting in turn, up to {@link #CHAIN_DEPTH} links. The pairs of the best set are offered
 * first and kept from being given up, so a chain heads for a set known to fit.
 *
 * <p>Annealing weighs a medium point against breaks and rarely climbs out of a medium local optimum; this search
 * looks at medium only. It ends when a round inserts nothing. It is deterministic: no randomness, and the clock is
 * read only to stop.
 */
final class DemandSearch {

    /** Full rounds over the left-out candidates; each one that inserts nothing ends the search. */
    private static final int MAX_ROUNDS = 6;
    /** Most of the search's time that finding the target set may take before the rounds go on without it. */
    private static final double TARGET_SHARE = 0.6;
    /** Links in an ejection chain after the insertion that starts it. */
    private static final int CHAIN_DEPTH = 3;
    /** Left-out candidates a re-seated participant tries at each link. */
    private static final int CHAIN_WIDTH = 3;

    private final SearchModel model;
    private final SlotState state;
    private final long deadline;
    private final BooleanSupplier stop;
    private final MoveLog log;
    /** Per meeting, whether it is in the best set of pairs ignoring the clock (none until the first round is done). */
    private boolean[] target;
    private int inserted;
    /** The least medium penalty any schedule can have ({@link Improved#mediumFloor()}), or -1 while unknown. */
    private long mediumFloor = -1;
    /** Links of the ejection chain being built. */
    private int chain;

    private DemandSearch(SearchModel model, long deadline, BooleanSupplier stop) {
        this.model = model;
        this.state = new SlotState(model);
        this.log = new MoveLog(state);
        this.deadline = deadline;
        this.stop = stop;
        this.target = new boolean[model.meetingCount];
    }

    /**
     * The meetings of a best set of pairs that ignores the clock, valued exactly as the medium score values them
     * (each candidate's weight, the missing-meeting weight up to everyone's minimum, required and fixed meetings
     * above all), and among the sets of that value one with the most requests; null when nothing is optional or
     * {@code stop} said so first.
     */
    static Targets targets(SearchModel model, BooleanSupplier stop) {
        long total = 1;
        boolean optional = false;
        long requests = 0;
        for (int m = 0; m < model.meetingCount; m++) {
            total += model.weight[m];
            optional |= !model.required[m] && !model.fixed[m];
            requests += isRequest(model.origin[m]) ? 1 : 0;
        }
        if (!optional) {
            return null;
        }
        for (int p = 0; p < model.participantCount; p++) {
            total += model.missingWeight[p] * model.minMeetings[p];
        }
        // Each value times `tie`, plus one per request: the requests only break ties (unless that could overflow).
        long tie = requests + 1;
        if (2 * total > Long.MAX_VALUE / 64 / tie / Math.max(1, model.meetingCount + model.participantCount)) {
            tie = 1;
        }
        PairGraph graph = new PairGraph(model.participantCount)
                .limitTotal((int) Math.min(Integer.MAX_VALUE / 8, (long) model.tableCount * model.slotCount));
        for (int p = 0; p < model.participantCount; p++) {
            int attends = 0;
            for (int s = 0; s < model.slotCount; s++) {
                attends += model.isUnavailable(p, s) ? 0 : 1;
            }
            graph.capacity(p, (int) Math.min(model.maxMeetings[p], (long) model.representatives[p] * attends));
            graph.bonus(p, model.minMeetings[p], model.missingWeight[p] * tie);
        }
        int[] pairOf = new int[model.meetingCount];
        for (int m = 0; m < model.meetingCount; m++) {
            pairOf[m] = -1;
            if (model.domain[m].length > 0 && !model.excluded[m]) {
                long worth = model.weight[m] + (model.required[m] || model.fixed[m] ? total : 0);
                long tieBreak = tie > 1 && isRequest(model.origin[m]) ? 1 : 0;
                pairOf[m] = graph.addPair(model.first[m], model.second[m], worth * tie + tieBreak);
            }
        }
        Pairing best = graph.best(stop);
        if (best == null) {
            return null;
        }
        boolean[] target = new boolean[model.meetingCount];
        for (int m = 0; m < model.meetingCount; m++) {
            target[m] = pairOf[m] >= 0 && best.isChosen(pairOf[m]);
        }
        return new Targets(target, best.exact());
    }

    /**
     * The meetings of a best set of pairs, and whether the set is one a schedule could hold (startups meet agencies:
     * the flow's graph has two sides and its answer is whole pairs) rather than a bound only.
     */
    record Targets(boolean[] meetings, boolean exact) {
    }

    /**
     * The medium penalty of a schedule holding exactly {@code target}: its optional meetings left out, and the
     * meetings missing below each participant's minimum, as {@link SlotState} counts them (a published meeting's move
     * cost is not counted; it only adds). For a best set of pairs this is the least penalty any schedule can have.
     */
    static long penalty(SearchModel model, boolean[] target) {
        long penalty = 0;
        int[] held = new int[model.participantCount];
        for (int m = 0; m < model.meetingCount; m++) {
            if (target[m]) {
                held[model.first[m]]++;
                held[model.second[m]]++;
            } else if (!model.required[m]) {
                penalty += model.weight[m];
            }
        }
        for (int p = 0; p < model.participantCount; p++) {
            penalty += model.missingWeight[p] * Math.max(0, model.minMeetings[p] - held[p]);
        }
        return penalty;
    }

    private static boolean isRequest(Origin origin) {
        return origin == Origin.MUST || origin == Origin.MUTUAL || origin == Origin.REQUEST;
    }

    /**
     * Returns better slots than {@code initial} (or the same when nothing fits). {@code deadline} is a
     * {@link System#nanoTime()} to stop at, or 0 for none (a move-limited, repeatable run).
     */
    static Improved improve(SearchModel model, int[] initial, long deadline, BooleanSupplier stop) {
        DemandSearch search = new DemandSearch(model, deadline, stop);
        search.state.load(initial);
        search.run();
        return new Improved(search.state.slot.clone(), search.mediumFloor);
    }

    /**
     * The slots found, and the least medium penalty any schedule of the event can have, or -1 when not known (nothing
     * optional, a flow cut short by the clock, or a graph with odd cycles whose flow is only a bound): a schedule at
     * that penalty without a break leaves the slot search nothing to gain ({@link Termination#isOptimal}).
     */
    record Improved(int[] slots, long mediumFloor) {
    }

    /**
     * First the whole target set at once ({@link #placeTargets}); then rounds of insertions with ejection chains for
     * what did not fit. When the flow behind the targets takes more than {@link #TARGET_SHARE} of the time, the
     * rounds run without targets.
     */
    private void run() {
        long flowEnd = deadline == 0 ? 0 : System.nanoTime() + (long) (TARGET_SHARE * (deadline - System.nanoTime()));
        Targets best = targets(model, () -> timeUp() || flowEnd != 0 && System.nanoTime() - flowEnd >= 0);
        if (best != null) {
            target = best.meetings();
            if (best.exact()) {
                mediumFloor = penalty(model, target);
            }
            placeTargets();
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int before = inserted;
            for (int m : leftOut()) {
                if (timeUp()) {
                    return;
                }
                if (state.slot[m] == UNSCHEDULED) {
                    tryInsert(m);
                }
            }
            if (inserted == before) {
                return;
            }
        }
    }

    /**
     * Turns the scheduled set into the target set in one step: its meetings stay where they are, the others are left
     * out, its left-out meetings go where both sides and a table are free or, when no slot is, where an ejection costs
     * least, and left-out candidates outside the set then fill whatever room is left. A step that opens a gap above
     * the break cap closes it by moving a meeting of that participant, or is not taken. Nothing changes unless the
     * score gets better; no step breaks a hard rule that was kept.
     */
    private void placeTargets() {
        SlotScore before = SlotScore.of(state);
        log.clear();
        for (int m = 0; m < model.meetingCount; m++) {
            if (state.slot[m] != UNSCHEDULED && !target[m] && !model.fixed[m] && !model.required[m]) {
                long hard = state.hard;
                int mark = log.mark();
                apply(m, UNSCHEDULED);
                if (!withinCap(hard, -1)) {
                    log.rollbackTo(mark); // kept for now: an insertion may still give it up
                }
            }
        }
        for (int m : leftOut()) {
            if (timeUp()) {
                break;
            }
            if (target[m] && state.slot[m] == UNSCHEDULED) {
                placeTarget(m);
            }
        }
        for (int m : leftOut()) {
            if (state.slot[m] == UNSCHEDULED && !isFull(model.first[m]) && !isFull(model.second[m])) {
                int s = freeSlot(m);
                if (s != UNSCHEDULED) {
                    long hard = state.hard;
                    apply(m, s);
                    if (state.hard > hard) {
                        apply(m, UNSCHEDULED);
                    }
                }
            }
        }
        if (SlotScore.of(state).isBetterThan(before)) {
            log.clear();
        } else {
            log.rollback();
        }
    }

    /**
     * Puts target m where both sides and a table are free, or else with ejection where the score is best; leaves it
     * out when every way breaks a hard rule that was kept (a break cap, say).
     */
    private void placeTarget(int m) {
        long hard = state.hard;
        int free = freeSlot(m);
        if (free != UNSCHEDULED) {
            apply(m, free);
            if (state.hard <= hard) {
                return;
            }
            apply(m, UNSCHEDULED);
        }
        int mark = log.mark();
        SlotScore best = SlotScore.WORST;
        int bestSlot = UNSCHEDULED;
        for (int s : model.domain[m]) {
            insertAt(m, s);
            SlotScore score = SlotScore.of(state);
            if (score.isBetterThan(best)) {
                best = score;
                bestSlot = s;
            }
            log.rollbackTo(mark);
        }
        if (bestSlot == UNSCHEDULED) {
            return;
        }
        insertAt(m, bestSlot); // deterministic: the same ejections as evaluated
        if (!withinCap(hard, m)) {
            log.rollbackTo(mark);
        }
    }

    /**
     * Brings the hard level back to {@code hard} when what rose is a break cap: a meeting (other than {@code keep}) of
     * a participant above the cap moves to a slot where both its sides and a table are free, closing a gap, as long as
     * each such move lowers the hard level. False when the level stays above {@code hard}.
     */
    private boolean withinCap(long hard, int keep) {
        while (state.hard > hard) {
            if (model.breakCap < 0 || !closeAGap(keep)) {
                return false;
            }
        }
        return true;
    }

    /** The first move of a meeting other than {@code keep}, of a participant above the break cap, that lowers hard. */
    private boolean closeAGap(int keep) {
        for (int i = 0; i < state.participantsWithBreaks(); i++) {
            int p = state.participantWithBreaks(i);
            if (state.breaksOf[p] <= model.breakCap) {
                continue;
            }
            for (int c : model.meetingsOf[p]) {
                int from = state.slot[c];
                if (c == keep || from == UNSCHEDULED || model.fixed[c]) {
                    continue;
                }
                int a = model.first[c];
                int b = model.second[c];
                long before = state.hard;
                for (int t : model.domain[c]) {
                    if (t == from || state.count(a, t) >= model.representatives[a]
                            || state.count(b, t) >= model.representatives[b] || state.load[t] >= model.tableCount) {
                        continue;
                    }
                    apply(c, t);
                    if (state.hard < before) {
                        return true;
                    }
                    apply(c, from);
                }
            }
        }
        return false;
    }

    private boolean timeUp() {
        return stop.getAsBoolean() || deadline != 0 && System.nanoTime() >= deadline;
    }

    /**
     * The candidates left out, most valuable first: required ones, then by what scheduling them is worth including
     * the first meetings it gives (ties by index, so the order is repeatable).
     */
    private int[] leftOut() {
        long[] keys = new long[model.meetingCount];
        int n = 0;
        for (int m = 0; m < model.meetingCount; m++) {
            if (state.slot[m] != UNSCHEDULED || model.fixed[m] || model.excluded[m] || model.domain[m].length == 0) {
                continue;
            }
            long gain = model.required[m] ? Long.MAX_VALUE >> 24 : model.weight[m] + missingGain(m);
            keys[n++] = Math.min(gain, Long.MAX_VALUE >> 24) << 23 | (0x7FFFFF - m);
        }
        long[] sorted = Arrays.copyOf(keys, n);
        Arrays.sort(sorted);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = 0x7FFFFF - (int) (sorted[n - 1 - i] & 0x7FFFFF);
        }
        return order;
    }

    /** Medium points scheduling m would save on its participants' minimums. */
    private long missingGain(int m) {
        long gain = 0;
        for (int side = 0; side < 2; side++) {
            int p = side == 0 ? model.first[m] : model.second[m];
            if (state.scheduledOf[p] < model.minMeetings[p]) {
                gain += model.missingWeight[p];
            }
        }
        return gain;
    }

    /** Tries m in each slot of its domain with ejection, keeps the best if it beats the current score. */
    private boolean tryInsert(int m) {
        SlotScore best = SlotScore.of(state);
        int bestSlot = UNSCHEDULED;
        // A full side makes every slot start a chain: try the one where both sides are free (if any), not all.
        int free = isFull(model.first[m]) || isFull(model.second[m]) ? freeSlot(m) : UNSCHEDULED;
        int[] slots = free != UNSCHEDULED ? new int[] {free} : model.domain[m];
        for (int s : slots) {
            insertAt(m, s);
            SlotScore score = SlotScore.of(state);
            if (score.isBetterThan(best)) {
                best = score;
                bestSlot = s;
            }
            log.rollback();
        }
        int bestVictim = -1;
        for (int side = 0; side < 2; side++) {
            int p = side == 0 ? model.first[m] : model.second[m];
            for (int v : model.meetingsOf[p]) {
                if (!replaces(m, v)) {
                    continue;
                }
                replace(m, v);
                SlotScore score = SlotScore.of(state);
                if (score.isBetterThan(best)) {
                    best = score;
                    bestVictim = v;
                }
                log.rollback();
            }
        }
        // Re-applied as evaluated: every step is deterministic.
        if (bestVictim >= 0) {
            replace(m, bestVictim);
        } else if (bestSlot != UNSCHEDULED) {
            insertAt(m, bestSlot);
        } else {
            return false;
        }
        log.clear();
        inserted++;
        return true;
    }

    /** Whether m may take the place of v: an optional meeting sharing a participant, in a slot m may use. */
    private boolean replaces(int m, int v) {
        int s = state.slot[v];
        return v != m && s != UNSCHEDULED && !model.fixed[v] && !model.required[v] && model.allows(m, s);
    }

    /**
     * Swaps m in for v in v's slot; v's other participant, if that leaves it below its minimum, gets one of its
     * left-out candidates where one fits without ejection.
     */
    private void replace(int m, int v) {
        int s = state.slot[v];
        apply(v, UNSCHEDULED);
        insertAt(m, s);
        compensate(model.first[v]);
        compensate(model.second[v]);
    }

    /** Gives p, when below its minimum, the left-out candidate that scores best in a slot where it fits as is. */
    private void compensate(int p) {
        if (state.scheduledOf[p] >= model.minMeetings[p]) {
            return;
        }
        SlotScore bestScore = SlotScore.of(state);
        int best = -1;
        int bestSlot = UNSCHEDULED;
        for (int d : model.meetingsOf[p]) {
            if (state.slot[d] != UNSCHEDULED || model.fixed[d] || model.excluded[d]) {
                continue;
            }
            for (int t : model.domain[d]) {
                state.move(d, t);
                SlotScore score = SlotScore.of(state);
                if (score.isBetterThan(bestScore)) {
                    bestScore = score;
                    best = d;
                    bestSlot = t;
                }
                state.move(d, UNSCHEDULED);
            }
        }
        if (best >= 0) {
            apply(best, bestSlot);
        }
    }

    private void insertAt(int m, int s) {
        apply(m, s);
        for (int side = 0; side < 2; side++) {
            int p = side == 0 ? model.first[m] : model.second[m];
            while (state.count(p, s) > model.representatives[p]) {
                int c = cheapestAt(p, s, m);
                if (c < 0) {
                    break;
                }
                relocate(c, s);
            }
            if (state.scheduledOf[p] > model.maxMeetings[p]) {
                int c = cheapestOf(p, m);
                if (c >= 0) {
                    apply(c, UNSCHEDULED);
                    int other = model.first[c] == p ? model.second[c] : model.first[c];
                    compensate(other);
                    reseat(other);
                }
            }
        }
        if (state.load[s] > model.tableCount) {
            int c = cheapestInSlot(s, m);
            if (c >= 0) {
                relocate(c, s);
            }
        }
    }

    private boolean isFull(int p) {
        return state.scheduledOf[p] >= model.maxMeetings[p];
    }

    /**
     * The next link of an ejection chain, after p gave up a meeting: p gets the left-out candidate that scores best in
     * a slot where both sides are free (below its minimum any candidate, target pairs and the most valuable first,
     * {@link #CHAIN_WIDTH} of them; otherwise only its target pairs); a counterpart at its maximum gives up a meeting,
     * which may re-seat someone else in turn. Nothing changes unless the score gets better.
     */
    private void reseat(int p) {
        if (chain >= CHAIN_DEPTH) {
            return;
        }
        int[] candidates = chainCandidates(p, state.scheduledOf[p] >= model.minMeetings[p]);
        if (candidates.length == 0) {
            return;
        }
        chain++;
        try {
            int mark = log.mark();
            SlotScore best = SlotScore.of(state);
            int bestMeeting = -1;
            int bestSlot = UNSCHEDULED;
            for (int d : candidates) {
                int s = freeSlot(d);
                if (s == UNSCHEDULED) {
                    continue;
                }
                insertAt(d, s);
                SlotScore score = SlotScore.of(state);
                if (score.isBetterThan(best)) {
                    best = score;
                    bestMeeting = d;
                    bestSlot = s;
                }
                log.rollbackTo(mark);
            }
            if (bestMeeting >= 0) {
                insertAt(bestMeeting, bestSlot); // deterministic: the same chain as evaluated
            }
        } finally {
            chain--;
        }
    }

    /**
     * Up to {@link #CHAIN_WIDTH} left-out candidates of p (only target pairs when {@code targetsOnly}): target pairs
     * first, then by weight, then by index.
     */
    private int[] chainCandidates(int p, boolean targetsOnly) {
        int[] picked = new int[CHAIN_WIDTH];
        int n = 0;
        for (int d : model.meetingsOf[p]) {
            if (state.slot[d] != UNSCHEDULED || model.fixed[d] || model.excluded[d] || model.domain[d].length == 0
                    || targetsOnly && !target[d]) {
                continue;
            }
            int i = n < CHAIN_WIDTH ? n++ : CHAIN_WIDTH;
            while (i > 0 && ranksBefore(d, picked[i - 1])) {
                if (i < CHAIN_WIDTH) {
                    picked[i] = picked[i - 1];
                }
                i--;
            }
            if (i < CHAIN_WIDTH) {
                picked[i] = d;
            }
        }
        return Arrays.copyOf(picked, n);
    }

    private boolean ranksBefore(int a, int b) {
        if (target[a] != target[b]) {
            return target[a];
        }
        return model.weight[a] != model.weight[b] ? model.weight[a] > model.weight[b] : a < b;
    }

    /**
     * The slot of m's domain where both participants have a free representative and a table is free that scores best
     * with m in it, or UNSCHEDULED when there is none.
     */
    private int freeSlot(int m) {
        int a = model.first[m];
        int b = model.second[m];
        int was = state.slot[m];
        SlotScore best = SlotScore.WORST;
        int bestSlot = UNSCHEDULED;
        for (int s : model.domain[m]) {
            if (s == was || state.count(a, s) >= model.representatives[a]
                    || state.count(b, s) >= model.representatives[b] || state.load[s] >= model.tableCount) {
                continue;
            }
            state.move(m, s);
            SlotScore score = SlotScore.of(state);
            if (score.isBetterThan(best)) {
                best = score;
                bestSlot = s;
            }
            state.move(m, was);
        }
        return bestSlot;
    }

    /** Moves c out of slot {@code from} to the slot (or, if optional, the absence) that scores best. */
    private void relocate(int c, int from) {
        apply(c, UNSCHEDULED);
        SlotScore best = model.required[c] ? SlotScore.WORST : SlotScore.of(state);
        int bestSlot = UNSCHEDULED;
        for (int t : model.domain[c]) {
            if (t == from) {
                continue;
            }
            state.move(c, t);
            SlotScore score = SlotScore.of(state);
            if (score.isBetterThan(best)) {
                best = score;
                bestSlot = t;
            }
            state.move(c, UNSCHEDULED);
        }
        if (bestSlot != UNSCHEDULED) {
            state.move(c, bestSlot); // the move log already holds c's original slot
        } else {
            compensate(model.first[c]);
            compensate(model.second[c]);
        }
    }

    /** The least valuable movable meeting of p in slot s other than m, or -1. */
    private int cheapestAt(int p, int s, int m) {
        int cheapest = -1;
        for (int c : model.meetingsOf[p]) {
            if (c != m && state.slot[c] == s && !model.fixed[c] && (cheapest < 0 || value(c) < value(cheapest))) {
                cheapest = c;
            }
        }
        return cheapest;
    }

    /**
     * The scheduled optional meeting of p other than m that costs least to leave out, pairs outside the target set
     * first, or -1.
     */
    private int cheapestOf(int p, int m) {
        int cheapest = -1;
        long cheapestLoss = Long.MAX_VALUE;
        for (int c : model.meetingsOf[p]) {
            if (c == m || state.slot[c] == UNSCHEDULED || model.fixed[c] || model.required[c]) {
                continue;
            }
            int other = model.first[c] == p ? model.second[c] : model.first[c];
            long loss = model.weight[c]
                    + (state.scheduledOf[other] <= model.minMeetings[other] ? model.missingWeight[other] : 0);
            if (target[c]) {
                loss += Long.MAX_VALUE >> 2; // a target pair goes last: the best set needs it
            }
            if (loss < cheapestLoss) {
                cheapest = c;
                cheapestLoss = loss;
            }
        }
        return cheapest;
    }

    /** The least valuable movable meeting of slot s other than m, or -1. */
    private int cheapestInSlot(int s, int m) {
        int cheapest = -1;
        for (int i = 0; i < state.load[s]; i++) {
            int c = state.member(s, i);
            if (c != m && !model.fixed[c] && (cheapest < 0 || value(c) < value(cheapest)
                    || value(c) == value(cheapest) && c < cheapest)) {
                cheapest = c;
            }
        }
        return cheapest;
    }

    private long value(int c) {
        return model.required[c] ? Long.MAX_VALUE : model.weight[c];
    }

    private void apply(int m, int to) {
        log.apply(m, to);
    }
}
