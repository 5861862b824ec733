package org.b2g.core.solver;

import java.time.Duration;

/**
 * How long and how reproducibly to solve.
 *
 * @param timeLimit wall-clock limit; the solver may stop earlier when it proves nothing better exists
 * @param seed random seed; with a {@code moveLimit} the same input gives the same schedule
 * @param moveLimit stop after this many evaluated moves (0 = no limit): makes runs repeatable across machines
 */
public record SolveOptions(Duration timeLimit, long seed, long moveLimit) {

    public static final SolveOptions DEFAULT = new SolveOptions(Duration.ofSeconds(30), 0L, 0L);

    public SolveOptions {
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("The time limit (" + timeLimit + ") must be positive.");
        }
        if (moveLimit < 0) {
            throw new IllegalArgumentException("The move limit (" + moveLimit + ") must be 0 or more.");
        }
    }

    public SolveOptions withTimeLimit(Duration limit) {
        return new SolveOptions(limit, seed, moveLimit);
    }
}
