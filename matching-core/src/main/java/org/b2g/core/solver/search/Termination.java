package org.b2g.core.solver.search;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongUnaryOperator;

import org.b2g.core.solver.StopReason;

/**
 * When the slot searches stop, decided once for all copies of a portfolio: on request; at the move limit, and then
 * nothing else counts, so that a move-limited run repeats exactly; at a proved optimum; when no better schedule came
 * for the unimproved time (but not while a step of the SAT climb runs, {@link #climbing}); at the end of the search's
 * share of the time budget. The first reason met is kept.
 *
 * <p>The automatic unimproved time waits at least {@link #AUTO_MIN_NANOS}, at least a millisecond per meeting (a
 * bigger event needs longer to climb out of a local optimum), at least as long as the search took to find its
 * best so far (a search that needed 4 s to get there may need 4 s more; this also scales with a busy machine), and
 * until a whole cooling cycle has passed without a better schedule.
 */
final class Termination {

    private static final long AUTO_MIN_NANOS = 2_000_000_000L;
    private static final long AUTO_NANOS_PER_MEETING = 1_000_000L;

    private final long moveLimit;
    private final BreakBound bound;
    private final LongUnaryOperator searchEnd;
    /** When the first copy began annealing; its time limit counts from there. */
    private volatile long annealingStart;
    private volatile boolean annealing;
    /** Explicit unimproved time, or 0 for the automatic one. */
    private final long unimprovedNanos;
    /** The automatic unimproved time's floor for this event. */
    private final long autoFloorNanos;
    private final BooleanSupplier stop;
    private final long started;
    private volatile long lastImprovement;
    /** The latest start of a cooling cycle some copy has finished ({@link Long#MIN_VALUE} before the first). */
    private volatile long quietCycleStart = Long.MIN_VALUE;
    private volatile boolean proved;
    /** The SAT solver proved that no schedule keeps every hard rule ({@link #noValidSchedule}). */
    private volatile boolean impossible;
    /** See {@link #mediumFloor(long)}. */
    private volatile long mediumFloor = -1;
    /** Copies in a step of the climb from the bound; the automatic unimproved time waits for them. */
    private final AtomicInteger climbing = new AtomicInteger();
    private volatile boolean aborted;
    private final AtomicReference<StopReason> reason = new AtomicReference<>();

    /**
     * @param moveLimit moves per copy, 0 for none; when positive only the moves and {@code stop} end a copy
     * @param bound a schedule that reaches it is optimal
     * @param searchEnd from the time annealing started to the {@link System#nanoTime()} at which to stop, asked
     *        again at every check (the budget moves when OptaPlanner's first score is measured)
     * @param unimprovedNanos stop after this long without a better schedule; 0 for the automatic time
     * @param meetings the event's meetings, for the automatic unimproved time
     * @param stop polled at every check; true ends the search
     */
    Termination(long moveLimit, BreakBound bound, LongUnaryOperator searchEnd, long unimprovedNanos, int meetings,
            BooleanSupplier stop) {
        this.moveLimit = moveLimit;
        this.bound = bound;
        this.searchEnd = searchEnd;
        this.unimprovedNanos = unimprovedNanos;
        this.autoFloorNanos = Math.max(AUTO_MIN_NANOS, AUTO_NANOS_PER_MEETING * meetings);
        this.stop = stop;
        this.started = System.nanoTime();
        this.lastImprovement = started;
    }

    /** Ends only after {@code moveLimit} moves per copy (or on request): the deterministic mode of tests. */
    static Termination afterMoves(long moveLimit, BreakBound bound, BooleanSupplier stop) {
        if (moveLimit <= 0) {
            throw new IllegalArgumentException("The move limit (" + moveLimit + ") must be positive.");
        }
        return new Termination(moveLimit, bound, start -> Long.MAX_VALUE, 0, 0, stop);
    }

    /**
     * True when the slot search has nothing left to gain from {@code state}: its breaks reached their lower bound with
     * every meeting in (see {@link BreakBound}), or, where optional meetings are left out, its medium penalty is the
     * least any schedule can have ({@link #mediumFloor}) and nobody has a break.
     */
    boolean isOptimal(SlotState state) {
        return bound.reachedBy(state) || atDemandFloor(state);
    }

    /** Which of {@link #isOptimal}'s two cases {@code state} is in, as the solve's reason to stop. */
    StopReason optimalReason(SlotState state) {
        return bound.reachedBy(state) ? StopReason.PROVED_OPTIMAL : StopReason.DEMAND_AT_ITS_BOUND;
    }

    private boolean atDemandFloor(SlotState state) {
        long floor = mediumFloor;
        return floor >= 0 && state.hard == 0 && state.medium <= floor && state.breaks == 0;
    }

    /**
     * The least medium penalty any schedule can have, from the demand bound's best set of pairs, or -1 when unknown.
     * On B2G events the demand search often reaches it in the first second, with no breaks; without it the search
     * then ran to its unimproved time and a whole quiet cooling cycle (the HCMC sample: best after 0.7 to 1.1 s,
     * stopped after 10.6 and 28.0 s).
     */
    void mediumFloor(long floor) {
        mediumFloor = floor;
    }

    BreakBound bound() {
        return bound;
    }

    /** A copy has built its first schedule and starts annealing. */
    synchronized void annealingStarted() {
        if (!annealing) {
            annealingStart = System.nanoTime();
            annealing = true;
        }
    }

    /** Moves tried by all copies so far, counted in the thousands between two checks (for progress reports). */
    private final LongAdder tried = new LongAdder();

    /** Moves tried by all copies so far, to the nearest thousand or so; safe from any thread. */
    long movesTried() {
        return tried.sum();
    }

    /** True under a move limit, where the clock plays no part and runs repeat on every machine. */
    boolean byMoves() {
        return moveLimit > 0;
    }

    /** Whether a copy that made {@code moves} moves should stop; checked every 1,024 moves. */
    boolean shouldStop(long moves) {
        if (moves > 0) {
            tried.add(1024);
        }
        if (aborted || stop.getAsBoolean()) {
            return end(StopReason.TERMINATED);
        }
        if (moveLimit > 0) {
            return moves >= moveLimit && end(StopReason.MOVE_LIMIT);
        }
        if (proved || impossible) {
            return true; // the copy that proved it gave the reason
        }
        long now = System.nanoTime();
        if (annealing && now - searchEnd.applyAsLong(annealingStart) >= 0) {
            return end(StopReason.TIME_LIMIT);
        }
        return unimprovedTooLong(now) && end(StopReason.UNIMPROVED);
    }

    /**
     * Nanoseconds left until the time limit, or {@link Long#MAX_VALUE} under a move limit (where the clock plays no
     * part), before annealing starts, or without a limit.
     */
    long nanosLeft() {
        if (moveLimit > 0 || !annealing) {
            return Long.MAX_VALUE;
        }
        long end = searchEnd.applyAsLong(annealingStart);
        return end == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, end - System.nanoTime());
    }

    /**
     * The share of the search's time spent so far, from the start of annealing to the time limit; 0 under a move
     * limit (where the clock plays no part), before annealing starts, or without a limit.
     */
    double spentShare() {
        if (moveLimit > 0 || !annealing) {
            return 0;
        }
        long start = annealingStart;
        long end = searchEnd.applyAsLong(start);
        if (end == Long.MAX_VALUE) {
            return 0;
        }
        return (double) (System.nanoTime() - start) / Math.max(1, end - start);
    }

    private boolean unimprovedTooLong(long now) {
        long last = lastImprovement;
        long idle = now - last;
        if (unimprovedNanos > 0) {
            return idle >= unimprovedNanos;
        }
        if (climbing.get() > 0) {
            return false;
        }
        return idle >= autoFloorNanos && idle >= last - started && quietCycleStart >= last;
    }

    /**
     * A copy finished a cooling cycle that began at {@code cycleStart} ({@link System#nanoTime()}). The automatic
     * unimproved time ends only once a whole cycle, hot start to cold end, found nothing better: the hot part of a
     * cycle rarely improves on the best, its cold end does.
     */
    synchronized void cycleEnded(long cycleStart) {
        quietCycleStart = Math.max(quietCycleStart, cycleStart);
    }

    private boolean end(StopReason why) {
        reason.compareAndSet(null, why);
        return true;
    }

    /**
     * A copy starts ({@code true}) or ends a step of the SAT climb from the lower bound. While one runs, the automatic
     * unimproved time does not end the search: the step may prove the best optimal or find a better one, and the
     * annealing's quiet says nothing about it (tic-13crafc: proved after 4.4 s, its best found after 0.3 s). An
     * explicit {@code --unimproved} is kept to the letter, and the time limit still ends the step.
     */
    void climbing(boolean started) {
        climbing.addAndGet(started ? 1 : -1);
    }

    /** A copy has no meeting it could move: the search is over at once, whatever the limits. */
    void nothingToSearch() {
        end(StopReason.NOTHING_TO_SEARCH);
    }

    /** A better schedule than any before was found (by any copy). */
    void improved() {
        lastImprovement = System.nanoTime();
    }

    /** A copy reached the lower bound: without a move limit, every copy stops. */
    void proved(SlotState state) {
        proved = true;
        if (moveLimit == 0) {
            end(optimalReason(state));
        }
    }

    /**
     * A copy's SAT solver proved that no schedule keeps every hard rule ({@code butForTheBreakCap}: though one keeps
     * every rule but the cap on breaks): without a move limit every copy stops, since no time would mend the rules
     * (under one the copies go on, so that a run repeats whatever its move limit).
     */
    void noValidSchedule(boolean butForTheBreakCap) {
        if (moveLimit == 0) {
            impossible = true;
            end(butForTheBreakCap ? StopReason.NO_VALID_SCHEDULE_UNDER_THE_BREAK_CAP : StopReason.NO_VALID_SCHEDULE);
        }
    }

    /** Stops every copy at its next check, in any mode (a copy failed, or the caller was interrupted). */
    void abort() {
        aborted = true;
    }

    /** The first reason a copy stopped for, or null when none stopped by this termination. */
    StopReason reason() {
        return reason.get();
    }

    /** Nanoseconds from this termination's creation to the last better schedule. */
    long timeToBestNanos() {
        return lastImprovement - started;
    }
}
