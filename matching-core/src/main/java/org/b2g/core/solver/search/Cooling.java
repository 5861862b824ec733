package org.b2g.core.solver.search;

/**
 * The annealing's temperature, in breaks: repeated cooling cycles from a start to an end temperature. The first cycle
 * is short and cool and solves easy events at once; the others start hot, which is what events whose precedences or
 * fixed meetings refuse most moves need. Under a time limit each cycle is shortened to the moves the time left allows,
 * so that a short limit still ends cold; under a move limit the clock plays no part.
 */
final class Cooling {

    /** Moves per cycle (at least; more for big events), from the start to the end temperature. */
    private static final long CYCLE = 5_000_000L;
    private static final long CYCLE_PER_MEETING = 400L;
    /**
     * At the start of a cycle a move that adds a break passes one time in three. A colder start (0.3) did as well on
     * the research instances and left a third more breaks where precedences or fixed meetings refuse most moves.
     */
    private static final double START_TEMPERATURE = 1.0;
    private static final double END_TEMPERATURE = 0.01;
    /** The first cycle: a hot start would keep easy events waiting for its cold end. */
    private static final long QUENCH = 1_000_000L;
    private static final double QUENCH_TEMPERATURE = 0.3;
    /** Moves after which the speed is measured (under a time limit) to fit the first cycle into the time left. */
    private static final long CALIBRATION = 1L << 16;
    /** The shortest cycle a time limit leaves. */
    private static final long MIN_CYCLE = 200_000L;

    private final Termination termination;
    private final long fullCycle;
    private final long started = System.nanoTime();
    private long cycle;
    private double top;
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
        this.top = QUENCH_TEMPERATURE;
        setCycle(Math.min(QUENCH, fullCycle));
    }

    double temperature() {
        return temperature;
    }

    /** One move done: cools a step; at the end of a cycle, tells the termination and starts the next. */
    void step() {
        cooled++;
        if (++inCycle >= cycle) {
            termination.cycleEnded(cycleStart);
            restart();
            return;
        }
        if (!calibrated && cooled >= CALIBRATION) {
            calibrated = true;
            long fitted = fittedCycle(cycle, inCycle, cooled, System.nanoTime() - started, termination.nanosLeft());
            if (fitted != cycle) {
                setCycle(fitted);
            }
        }
        temperature *= factor;
    }

    /** Starts a full cycle from the start temperature (at the end of a cycle, or when the search starts over). */
    void restart() {
        calibrated = true;
        inCycle = 0;
        cycleStart = System.nanoTime();
        top = START_TEMPERATURE;
        setCycle(fittedCycle(fullCycle, 0, cooled, cycleStart - started, termination.nanosLeft()));
        temperature = top;
    }

    /** Cycles of {@code length} moves from {@link #top}, keeping the place reached in the current one. */
    private void setCycle(long length) {
        cycle = length;
        factor = Math.pow(END_TEMPERATURE / top, 1.0 / length);
        temperature = top * Math.pow(factor, inCycle);
    }

    /**
     * The length of a cycle of {@code nominal} moves that has made {@code inCycle}: the nominal length, or when
     * {@code nanosLeft} is not {@link Long#MAX_VALUE} (a time limit) what the time left allows at the speed so far
     * ({@code moves} in {@code nanos}), at least {@link #MIN_CYCLE}.
     */
    static long fittedCycle(long nominal, long inCycle, long moves, long nanos, long nanosLeft) {
        if (nanosLeft == Long.MAX_VALUE || nanos <= 0) {
            return nominal;
        }
        double movesLeft = (double) moves / nanos * nanosLeft;
        return (long) Math.max(MIN_CYCLE, Math.min(nominal, inCycle + movesLeft));
    }
}
