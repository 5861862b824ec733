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
}
