package org.b2g.core.solver.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs independent {@link SlotSearch} copies with different seeds, one per core, and keeps the best schedule. The
 * searches get stuck in different places, so the best of two is worth more than one search run twice as fast.
 *
 * <p>Repeatable: copy {@code i} always has the same seed, each copy makes the same moves whatever the other does,
 * and ties go to the lower copy. Only without a move limit does a copy that reaches the lower bound stop the others
 * (see {@link Termination}).
 */
final class SearchPortfolio {

    /** Most copies run at once; more did not pay on the benchmark's two cores. */
    private static final int MAX_COPIES = 2;

    /** The best copy's final state and the moves made by all copies. */
    record Result(SlotState state, int[] slots, long moves) {
    }

    private SearchPortfolio() {
    }

    /** Copies to run on this machine: one per available core, at most {@link #MAX_COPIES}. */
    static int copies() {
        return Math.max(1, Math.min(MAX_COPIES, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param listener hears every schedule better than all found so far by any copy, from the copy's thread
     */
    static Result run(SearchModel model, int[] initial, int copies, long seed, Termination termination,
            SlotSearch.Listener listener) {
        if (copies < 1) {
            throw new IllegalArgumentException("The copies (" + copies + ") must be at least 1.");
        }
        SharedBest shared = new SharedBest(listener, termination);
        List<SlotSearch> searches = new ArrayList<>(copies);
        int[][] results = new int[copies][];
        AtomicReference<int[]> validFound = new AtomicReference<>();
        for (int i = 0; i < copies; i++) {
            // The last copy alone asks the SAT solver for a schedule at the bound; the others keep annealing.
            searches.add(new SlotSearch(model, seedOf(seed, i), termination, shared::offer, i == copies - 1,
                    validFound));
        }
        List<Thread> threads = new ArrayList<>(copies - 1);
        RuntimeException[] failures = new RuntimeException[copies];
        for (int i = 1; i < copies; i++) {
            int copy = i;
            Thread thread = new Thread(() -> {
                try {
                    results[copy] = runCopy(searches.get(copy), initial, termination);
                } catch (RuntimeException e) {
                    failures[copy] = e;
                    termination.abort();
                }
            }, "b2g-search-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        results[0] = runCopy(searches.get(0), initial, termination);
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    // Ask the copies to stop, but wait for them: their states are read below.
                    termination.abort();
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        int bestCopy = 0;
        long moves = 0;
        for (int i = 0; i < copies; i++) {
            moves += searches.get(i).moves();
            if (results[i] != null
                    && SlotScore.of(searches.get(i).state()).isBetterThan(SlotScore.of(searches.get(bestCopy).state()))) {
                bestCopy = i;
            }
        }
        return new Result(searches.get(bestCopy).state(), results[bestCopy], moves);
    }

    private static int[] runCopy(SlotSearch search, int[] initial, Termination termination) {
        int[] slots = search.run(initial.clone());
        if (search.reachedLowerBound()) {
            termination.proved(search.state());
        }
        return slots;
    }

    /** Copy 0 keeps the caller's seed, so that one copy behaves as a lone search. */
    static long seedOf(long seed, int copy) {
        return copy == 0 ? seed : seed ^ (0x9E3779B97F4A7C15L * copy);
    }

    /** Passes on only the schedules that beat every copy's best so far. */
    private static final class SharedBest {

        private final SlotSearch.Listener listener;
        private final Termination termination;
        private SlotScore best = SlotScore.WORST;

        SharedBest(SlotSearch.Listener listener, Termination termination) {
            this.listener = listener;
            this.termination = termination;
        }

        synchronized void offer(SlotState state, long moves) {
            SlotScore score = SlotScore.of(state);
            if (score.isBetterThan(best)) {
                best = score;
                termination.improved();
                listener.improved(state, moves);
            }
        }
    }
}
