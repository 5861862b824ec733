package org.b2g.core.solver.search;

import java.util.concurrent.Phaser;

/**
 * Lets the copies of a {@link SearchPortfolio} meet at fixed points of each annealing cycle (every quarter), where a
 * copy whose best is worse than another's takes that schedule over and goes on with its own random stream: a copy
 * stuck a few breaks behind stops wasting its core.
 *
 * <p>The copies meet by move count, not by time, so with a move limit the exchanges, and so the results, stay
 * repeatable. A copy that has stopped leaves the exchange; the others no longer wait for it.
 */
final class EliteExchange implements SlotSearch.Rendezvous {

    private final Phaser phaser;
    private final int[][] slots;
    private final long[][] scores;
    private final long[] pointOf;

    EliteExchange(int copies, int meetings) {
        this.phaser = new Phaser(copies);
        this.slots = new int[copies][meetings];
        this.scores = new long[copies][3];
        this.pointOf = new long[copies];
    }

    /** Publishes the copy's best, waits for the others at the same point and adopts the best of all if better. */
    @Override
    public void reached(int copy, long point, SlotSearch search) {
        search.bestInto(slots[copy], scores[copy]);
        pointOf[copy] = point;
        phaser.arriveAndAwaitAdvance();
        int best = copy;
        for (int i = 0; i < slots.length; i++) {
            if (i != copy && pointOf[i] == point && compare(scores[i], scores[best]) < 0) {
                best = i;
            }
        }
        if (best != copy) {
            search.adopt(slots[best]);
        }
        // Nobody publishes the next point's best before everyone has read this one.
        phaser.arriveAndAwaitAdvance();
    }

    @Override
    public void left(int copy) {
        phaser.arriveAndDeregister();
    }

    private static int compare(long[] a, long[] b) {
        for (int level = 0; level < a.length; level++) {
            if (a[level] != b[level]) {
                return Long.compare(a[level], b[level]);
            }
        }
        return 0;
    }
}
