package org.b2g.core.solver.search;

/**
 * The annealing's temperature, in breaks: repeated cooling cycles from a start to an end temperature. The first cycle
 * starts cool and solves easy events at once; when there is time for more, it is cut short and the others start hot,
 * which is what events whose precedences or fixed meetings refuse most moves need. Under a time limit a hot cycle is
 * shortened to the moves the time left allows, so that it still ends cold; under a move limit the clock plays no
 * part.
 */
final class Cooling {

    /** Moves per cycle (at least; more for big events), from the start to the end temperature. */
    private static final long CYCLE = 5_000_000L;
    private static final long CYCLE_PER_MEETING = 400L;
    /**
     * At the start of a hot cycle a move that adds a break passes one time in three. A cool start (0.3) did as well
     * on the research instances and left a third more breaks where precedences or fixed meetings refuse most moves.
     */
    private static final double START_TEMPERATURE = 1.0;
    private static final double END_TEMPERATURE = 0.01;
    /**
     * The first cycle starts cool, and ends after {@link #QUENCH} moves (at about half its start temperature) when
     * the time left holds half a hot cycle more. Started hot, easy events waited seconds for a cycle's cold end; and
     * the first million moves of a cool cycle found better schedules than a whole cycle squeezed into them.
     */
    private static final double QUENCH_TEMPERATURE = 0.3;
    private static final long QUENCH = 1_000_000L;
    /** Moves after which the speed is measured, under a time limit, to decide whether the first cycle is cut short. */
    private static final long CALIBRATION = 1L << 16;
    /** The shortest cycle a time limit leaves. */
    private static final long MIN_CYCLE = 200_000L;

    private final Termination termination;
    private final long fullCycle;
    private final long started = System.nanoTime();
    /** The move at which the current cycle ends, and its cooling per move (set by the cycle's full length). */
    private long end;
    private double factor;
    private double temperature;
    private long inCycle;
    private long cycleStart = started;
    /** Moves cooled so far, over all cycles: the speed a fitted cycle is measured in. */
    private long cooled;
    private boolean calibrated;

    /** Cycles for a search over {@code movable} meetings, stopped by {@code termination}. */
    Cooling(int movable, Termination termination) {
        this.termination = termination;
        this.fullCycle = Math.max(CYCLE, CYCLE_PER_MEETING * movable);
        end = Math.min(QUENCH, fullCycle);
        factor = Math.pow(END_TEMPERATURE / QUENCH_TEMPERATURE, 1.0 / fullCycle);
        temperature = QUENCH_TEMPERATURE;
    }

    double temperature() {
        return temperature;
    }

    /** One move done: cools a step; at the end of a cycle, tells the termination and starts the next. */
    void step() {
        cooled++;
        if (++inCycle >= end) {
            termination.cycleEnded(cycleStart);
            restart();
            return;
        }
        if (!calibrated && cooled >= CALIBRATION) {
            calibrated = true;
            end = firstCycleEnd(end, fullCycle, inCycle, cooled, System.nanoTime() - started,
                    termination.nanosLeft());
        }
        temperature *= factor;
    }

    /** Starts a hot cycle (at the end of a cycle, or when the search starts over from elsewhere). */
    void restart() {
        calibrated = true;
        inCycle = 0;
        cycleStart = System.nanoTime();
        end = fittedCycle(fullCycle, cooled, cycleStart - started, termination.nanosLeft());
        factor = Math.pow(END_TEMPERATURE / START_TEMPERATURE, 1.0 / end);
        temperature = START_TEMPERATURE;
    }

    /**
     * Where the first cycle ends, {@code quenchEnd} moves unless the time left (when {@code nanosLeft} is not
     * {@link Long#MAX_VALUE}) cannot hold half a {@code fullCycle} after it at the speed so far ({@code moves} in
     * {@code nanos}): then the first cycle goes on until the time is up.
     */
    static long firstCycleEnd(long quenchEnd, long fullCycle, long inCycle, long moves, long nanos, long nanosLeft) {
        if (nanosLeft == Long.MAX_VALUE || nanos <= 0) {
            return quenchEnd;
        }
        double total = inCycle + (double) moves / nanos * nanosLeft;
        return total < quenchEnd + fullCycle / 2 ? Long.MAX_VALUE : quenchEnd;
    }

    /**
     * The length of a hot cycle: {@code fullCycle} moves, or when {@code nanosLeft} is not {@link Long#MAX_VALUE} (a
     * time limit) what the time left allows at the speed so far ({@code moves} in {@code nanos}), at least
     * {@link #MIN_CYCLE}.
     */
    static long fittedCycle(long fullCycle, long moves, long nanos, long nanosLeft) {
        if (nanosLeft == Long.MAX_VALUE || nanos <= 0) {
            return fullCycle;
        }
        double movesLeft = (double) moves / nanos * nanosLeft;
        return (long) Math.max(MIN_CYCLE, Math.min(fullCycle, movesLeft));
    }
}
