package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;

import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Finds slots for the meetings: a greedy {@link Construction}, then simulated annealing in repeated {@link Cooling}
 * cycles over a weighted sum of the score levels (hard points weigh more while the search stays infeasible), plus
 * idle slots inside a participant's day as a hint towards closing breaks, and penalties on the breaks it keeps
 * settling on (guided local search, {@link #penalizeMostBroken}). The moves are {@link SlotMoves}; the best
 * schedule is kept by {@link BestSlots}; when to stop is the {@link Termination}'s call. A search still without a schedule
 * that keeps every rule restarts once: after {@link #ADOPT_AFTER} moves from one another copy found (under a time
 * limit), else after {@link #SAT_AFTER} from the {@link SatPlacement}'s (under a time limit either also once
 * {@link #SAT_SHARE} of the time is spent; a proof that none exists ends the search); one that is still
 * above its lower bound on breaks {@link #BOUND_SAT_AFTER} moves after its first valid one climbs from the bound
 * with it ({@link #restartAtBound}).
 *
 * <p>Under a move limit every decision depends on the seed and the move count only, so runs are repeatable; under
 * a time limit the clock also shortens the cooling cycles to the time left.
 */
final class SlotSearch {

    /** Receives every new best (hard, medium, breaks) as it is found. */
    interface Listener {
        void improved(SlotState state, long moves);
    }

    /**
     * Moves after which a search that has found no schedule keeping every rule asks the {@link SatPlacement} for one
     * (about a tenth of a second); the conflicts Sat4j may spend on it (about a second at most). An
     * {@link ExternalSat} solver gets the climb's conflicts: it is faster, and the time limit stops it too.
     */
    private static final long SAT_AFTER = 200_000L;
    /**
     * Under a time limit, the share of the search's time after which a search without a valid schedule asks the SAT
     * solver even before {@link #SAT_AFTER} moves: a fresh process at a 1 s limit anneals for about half a second, at a
     * few hundred thousand moves a second while the code warms up.
     */
    private static final double SAT_SHARE = 0.25;
    private static final int SAT_CONFLICTS = 20_000;
    /**
     * Moves a copy searches on its own before it takes the first valid schedule another copy found, by annealing or
     * from the SAT solver ({@link #validFound}): long enough that copies which find one themselves (the research
     * originals: within 25,000 to 110,000 moves) keep their own, short against the seconds a copy without one wasted.
     */
    private static final long ADOPT_AFTER = 50_000L;
    /**
     * Moves, counted from its first valid schedule, after which a search whose best is above the lower bound on
     * breaks climbs from the bound with the {@link SatPlacement} ({@link #restartAtBound}), on events whose meetings
     * are all required (the encoding leaves optional ones out); the conflicts each step may spend (the time limit and
     * the other copies' proof stop it sooner). Counted from the start, the climb once began 50,000 moves after a SAT
     * solver's valid schedule of 126 breaks arrived, and held the copy there to the end. Events without precedences climb only with an {@link ExternalSat} solver: on the research originals
     * Sat4j decides the same formulas five to ten times slower, and the copy's time did more good annealing.
     */
    private static final long BOUND_SAT_AFTER = 250_000L;
    private static final int BOUND_SAT_CONFLICTS = 1_000_000;
    /**
     * The least time left for a climb to start: below it the encoding and the SAT solver's process take the cores
     * from the annealing for nothing (at a 1 s limit, ticf-14crafa ended with 17 breaks and overran by 1.5 s).
     */
    private static final long CLIMB_MIN_NANOS = 2_000_000_000L;
    /** Moves after which a search that left a valid best schedule and found no valid one since goes back to it. */
    private static final long RETURN_AFTER = 500_000L;
    /** Weight of one idle slot inside a participant's day, in breaks. */
    private static final double IDLE_WEIGHT = 0.1;
    /**
     * Guided local search: every {@link #PENALIZE_EVERY} moves the participant whose breaks have been penalised least
     * for their number gets one more penalty, and each penalty makes each of its breaks weigh {@link #PENALTY_WEIGHT}
     * more in the cost (never in the score), so that the annealing stops settling on the same breaks.
     */
    private static final double PENALTY_WEIGHT = 0.3;
    private static final long PENALIZE_EVERY = 16_384; // a power of two: checked with a mask, like the others
    /**
     * Penalties are laid only on events without precedences: on the 20 {@code prec50} variants they left 7 and 14
     * breaks more in two 10 s runs (under a move limit they were even), while they pay on the research originals
     * and on fixed meetings.
     */
    private final boolean guided;

    private final SearchModel model;
    private final SlotState state;
    private final SplittableRandom random;
    private final Termination termination;
    private final Listener listener;
    private final int[] movable;
    private final MoveLog log;
    private final SlotMoves slotMoves;
    private final BestSlots best;

    private final double mediumWeight;
    private double hardWeight;
    private final double minHardWeight;
    private long moves;
    private boolean satTried;
    /** This copy asks the SAT solver for a schedule at the bound (one copy of a portfolio does, the others anneal). */
    private final boolean triesBound;
    private boolean boundTried;
    /**
     * The {@link ExternalSat} solver, under a time limit only: under a move limit a run must give the same schedule on
     * every machine, with or without one installed (and a SAT step is bounded by conflicts, not by the clock).
     */
    private final Optional<Path> external;
    /** Whether this copy asks the {@link #external} solver for a valid schedule (the portfolio's last copy). */
    private final boolean asksExternal;
    /** Which of the {@link #external} solver's two formulas leads the climb's next step ({@link RaceLead}). */
    private final RaceLead raceLead = new RaceLead();
    /** The last move at which the state broke no rule. */
    private long lastValid;
    /** The move at which the best schedule first broke no rule, or -1 before. */
    private long firstValid = -1;
    /**
     * The first valid schedule any copy found, by annealing or from the SAT solver, for the copies still without one
     * (see the constructor); under a time limit only, since which copy gets there first depends on the clock.
     */
    private final AtomicReference<int[]> validFound;

    SlotSearch(SearchModel model, long seed, Termination termination, Listener listener) {
        this(model, seed, termination, listener, true, new AtomicReference<>());
    }

    /**
     * @param triesBound whether this copy may ask the SAT solver for a schedule at the lower bound, and ask the
     *     external one (if any) for a valid schedule
     * @param validFound where the first copy to find a valid schedule leaves it for the copies still without one
     *     after {@link #ADOPT_AFTER} moves ({@link #restartFrom})
     */
    SlotSearch(SearchModel model, long seed, Termination termination, Listener listener, boolean triesBound,
            AtomicReference<int[]> validFound) {
        this.model = model;
        this.state = new SlotState(model);
        this.log = new MoveLog(state);
        this.random = new SplittableRandom(seed);
        this.termination = termination;
        this.listener = listener;
        this.movable = IntStream.range(0, model.meetingCount)
                .filter(m -> !model.fixed[m] && model.domain[m].length > 0).toArray();
        this.slotMoves = new SlotMoves(state, log, random, movable);
        this.best = new BestSlots(state);
        this.guided = !slotMoves.ordered();
        this.external = termination.byMoves() ? Optional.empty() : ExternalSat.executable();
        this.asksExternal = triesBound;
        this.validFound = validFound;
        this.triesBound = triesBound && SatPlacement.encodesWhole(model)
                && (slotMoves.ordered() || external.isPresent());
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
        for (int m = 0; m < model.meetingCount; m++) {
            // Nor is moving a published meeting (a repair's) worth a hard point: a required one that must move does.
            largest = Math.max(largest, model.moveCost[m]);
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
        Construction.complete(model, state, movable, random, this::cost);
        remember();
        if (!atLowerBound()) {
            anneal();
        }
        best.restore();
        return state.slot.clone();
    }

    /**
     * When the annealing has stayed {@link #SAT_AFTER} moves without a schedule that keeps every rule, restarts it
     * from the {@link SatPlacement}'s schedule (if it finds one), the optional meetings placed greedily around it,
     * when that schedule breaks fewer rules than the best so far.
     */
    private void restartFromSatPlacement() {
        // The clauses take longer to write than the native cardinalities: with less than the climb's least time left
        // (a limit of a second or two), the native form, as before. With an external solver only one copy asks (it
        // races two processes) and the others go on annealing; without one, every copy asks Sat4j.
        boolean asClauses = termination.nanosLeft() >= CLIMB_MIN_NANOS;
        Optional<Path> solver = asClauses && asksExternal ? external : Optional.empty();
        SatPlacement.Placement placement = SatPlacement.solve(model,
                solver.isPresent() ? BOUND_SAT_CONFLICTS : SAT_CONFLICTS, () -> termination.shouldStop(0), asClauses,
                solver);
        if (placement.impossible() && !termination.byMoves()) {
            boolean butForTheBreakCap = model.breakCap >= 0 && SatPlacement.solveWithoutBreakCap(model,
                    solver.isPresent() ? BOUND_SAT_CONFLICTS : SAT_CONFLICTS, () -> termination.shouldStop(0),
                    asClauses, solver).slots() != null;
            termination.noValidSchedule(butForTheBreakCap);
        }
        int[] valid = placement.slots();
        if (valid == null) {
            return;
        }
        if (solver.isPresent()) {
            validFound.compareAndSet(null, valid);
        }
        restartFrom(valid);
    }

    /**
     * Restarts from {@code valid} (slots of the required meetings), the optional meetings placed greedily around it,
     * when that breaks fewer rules than the best so far. Also what a copy still without a valid schedule after
     * {@link #ADOPT_AFTER} moves does with the first one another copy found ({@code validFound}), by annealing or from the
     * external solver: without it, ticf-14crafa's {@code prec33} variant of seed 13 kept 2 hard points in that copy
     * for all of its 10 s, and forum-14's {@code prec50} variant of seed 37 kept the annealing to one copy, the other
     * infeasible for all of its 10 s (39 breaks, 23 to 26 with the schedule shared).
     */
    private void restartFrom(int[] valid) {
        if (best.isPending()) {
            best.copy();
        }
        for (int m : movable) {
            state.move(m, UNSCHEDULED);
        }
        for (int m : movable) {
            if (valid[m] != UNSCHEDULED) {
                state.move(m, valid[m]);
            }
        }
        Construction.greedy(model, state, movable, random, this::cost);
        if (state.hard >= best.hard()) {
            best.restore(); // a rule that no schedule keeps (a required meeting without a slot, say): go on as before
            return;
        }
        hardWeight = minHardWeight;
        remember();
    }

    /**
     * Climbs from the lower bound with the {@link SatPlacement}: asks for a schedule with every participant at its own
     * bound on breaks, then with one break above those bounds, two, ..., while that is below the best. A refutation
     * raises the bound (which may prove the best optimal); a schedule found is optimal, every smaller total having
     * been refuted. True when the search is over; false when the solver ran out of conflicts or time first, or when
     * too little time is left for a step ({@link #nextTarget}), and the search goes on from its best.
     */
    private boolean restartAtBound() {
        BreakBound bound = termination.bound();
        while (best.score().breaks() > bound.total()) {
            long target = nextTarget();
            if (target < 0) {
                boundTried = false;
                return false;
            }
            int extra = (int) (target - bound.sum());
            SatPlacement.AtBound found;
            termination.climbing(true);
            try {
                found = SatPlacement.atBound(model, bound, extra, BOUND_SAT_CONFLICTS, () -> termination.shouldStop(0),
                        external, raceLead);
            } finally {
                termination.climbing(false);
            }
            int[] slots = found.slots();
            if (best.isPending()) {
                best.copy();
            }
            if (slots == null) {
                best.restore();
                if (!found.impossible()) {
                    return false;
                }
                bound.raise(extra); // the best may now be proved optimal
                if (atLowerBound()) {
                    return true;
                }
                continue;
            }
            for (int m : movable) {
                state.move(m, slots[m]);
            }
            if (!best.isBeaten()) {
                best.restore(); // a rule the encoding does not see (tables of several seats, say): go on as before
                return false;
            }
            remember();
            if (atLowerBound()) {
                return true;
            }
        }
        return atLowerBound();
    }

    /**
     * The total of breaks to ask the SAT solver for, the bound, or -1 with less than {@link #CLIMB_MIN_NANOS} left.
     * (Until the table limits were raced in two forms ({@code SatPlacement.tables}), a total above the bound was asked
     * for only within 2 breaks of the best, each step up taking longer. Climbing all the way now proves 18 of the 20
     * research originals at 10 s, against 14 with that limit, medians of 3 runs in the same session.)
     */
    private long nextTarget() {
        return termination.nanosLeft() < CLIMB_MIN_NANOS ? -1 : termination.bound().total();
    }

    private void anneal() {
        if (movable.length == 0) {
            termination.nothingToSearch();
            return;
        }
        termination.annealingStarted();
        Cooling cooling = new Cooling(movable.length, termination);
        while (true) {
            if ((moves & 1023) == 0 && termination.shouldStop(moves)) {
                return;
            }
            moves++;
            double before = cost();
            if (!slotMoves.randomMove()) {
                log.rollback();
                continue;
            }
            double delta = cost() - before;
            if (delta <= 0 || random.nextDouble() < Math.exp(-delta / cooling.temperature())) {
                best.keepBeforeLeaving(log);
                log.clear();
                if (best.isBeaten()) {
                    remember();
                    if (atLowerBound()) {
                        return;
                    }
                }
            } else {
                log.rollback();
            }
            if ((moves & 4095) == 0) {
                adaptHardWeight();
                if (triesBound && !boundTried && firstValid >= 0 && moves - firstValid >= BOUND_SAT_AFTER
                        && nextTarget() >= 0) {
                    boundTried = true;
                    if (restartAtBound()) {
                        return;
                    }
                    cooling.restart();
                    continue;
                }
            }
            if (guided && (moves & (PENALIZE_EVERY - 1)) == 0) {
                penalizeMostBroken();
            }
            if (state.hard == 0) {
                lastValid = moves;
            } else if (best.hard() == 0 && moves - lastValid > RETURN_AFTER) {
                // Trapped behind a broken rule that the moves cannot mend (precedences refuse the way back).
                best.restore();
                hardWeight = minHardWeight;
                lastValid = moves;
                continue;
            }
            boolean late = !satTried && best.hard() > 0 && (moves & 4095) == 0
                    && termination.spentShare() >= SAT_SHARE;
            if (!satTried && (moves >= ADOPT_AFTER || late) && best.hard() > 0) {
                if ((moves & 4095) == 0 && validFound.get() != null) {
                    satTried = true;
                    restartFrom(validFound.get());
                    cooling.restart();
                    continue;
                }
                if ((moves >= SAT_AFTER || late) && (asksExternal || external.isEmpty()) && validFound.get() == null) {
                    satTried = true;
                    restartFromSatPlacement();
                    cooling.restart();
                    continue;
                }
            }
            cooling.step();
        }
    }

    /**
     * Lays a penalty on the participant with the most breaks per penalty it already carries (the first such, so that
     * runs repeat): the breaks the search keeps returning to become dearer until it looks elsewhere.
     */
    private void penalizeMostBroken() {
        int chosen = -1;
        double most = 0;
        for (int i = 0; i < state.participantsWithBreaks(); i++) {
            int p = state.participantWithBreaks(i);
            double utility = state.breaksOf[p] / (1.0 + state.penaltyOf(p));
            if (utility > most) {
                most = utility;
                chosen = p;
            }
        }
        if (chosen >= 0) {
            state.penalize(chosen);
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
        return state.hard * hardWeight + state.medium * mediumWeight + state.breaks + IDLE_WEIGHT * state.idle
                + PENALTY_WEIGHT * state.penalized;
    }

    private void remember() {
        if (firstValid < 0 && state.hard == 0) {
            firstValid = moves;
            if (!termination.byMoves()) {
                validFound.compareAndSet(null, state.slot.clone());
            }
        }
        best.takeCurrent();
        listener.improved(state, moves);
    }

    /** After {@link #run}: true when the schedule found cannot be improved (no penalty, breaks at their bound). */
    boolean reachedLowerBound() {
        return atLowerBound();
    }

    private boolean atLowerBound() {
        return termination.isOptimal(state);
    }
}

