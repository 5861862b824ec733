package org.b2g.core.solver;

import java.time.Duration;

/**
 * How long and how reproducibly to solve.
 *
 * @param timeLimit wall-clock limit of the whole solve; it may stop earlier (a proved optimum, no improvement)
 * @param seed random seed; with a {@code moveLimit} the same input gives the same schedule
 * @param moveLimit stop after this many evaluated moves (0 = no limit): makes runs repeatable across machines, so
 *        the clock (time limit, unimproved time) is then ignored
 * @param unimproved stop when no better schedule came for this long; null for the automatic default, which grows
 *        with the event and with the time the search needed to find its best so far
 */
public record SolveOptions(Duration timeLimit, long seed, long moveLimit, Duration unimproved) {

    public static final SolveOptions DEFAULT = new SolveOptions(Duration.ofSeconds(30), 0L, 0L);
    /** The preparation before a solve that its own finish reserve absorbs ({@link #afterPreparation}). */
    public static final Duration ABSORBED = Duration.ofMillis(500);

    public SolveOptions {
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("The time limit (" + timeLimit + ") must be positive.");
        }
        if (moveLimit < 0) {
            throw new IllegalArgumentException("The move limit (" + moveLimit + ") must be 0 or more.");
        }
        if (unimproved != null && (unimproved.isNegative() || unimproved.isZero())) {
            throw new IllegalArgumentException("The unimproved time (" + unimproved + ") must be positive.");
        }
    }

    /** Options with the automatic unimproved time. */
    public SolveOptions(Duration timeLimit, long seed, long moveLimit) {
        this(timeLimit, seed, moveLimit, null);
    }

    public SolveOptions withTimeLimit(Duration limit) {
        return new SolveOptions(limit, seed, moveLimit, unimproved);
    }

    public SolveOptions withUnimproved(Duration time) {
        return new SolveOptions(timeLimit, seed, moveLimit, time);
    }

    /**
     * The options for a solve that starts {@code preparation} after the clock of its time limit did (reading the event,
     * choosing its candidates, a repair's plan), so that whoever asked for 20 s waits about 20 s. The solve already
     * ends a little early, keeping a reserve for its final score, and that absorbs the first {@link #ABSORBED} (a cold
     * {@code b2g solve --time-limit 10s} of a research instance, 0.15 s of preparation, ran 9.4 to 10.0 s in all).
     * The rest comes off the limit, which never falls below a tenth of itself, so that a schedule is still built and
     * searched: on a generated event of 4,354 participants, 2.8 s of preparation made a 20 s solve run 23.4 s.
     */
    public SolveOptions afterPreparation(Duration preparation) {
        Duration counted = preparation.minus(ABSORBED);
        if (counted.isNegative() || counted.isZero()) {
            return this;
        }
        Duration floor = timeLimit.dividedBy(10);
        Duration left = timeLimit.minus(counted);
        Duration limit = left.compareTo(floor) > 0 ? left : floor;
        return withTimeLimit(limit.isZero() ? Duration.ofNanos(1) : limit);
    }
}
