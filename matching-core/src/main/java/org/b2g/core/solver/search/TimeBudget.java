package org.b2g.core.solver.search;

import java.time.Duration;

/**
 * Shares a solve's wall-clock limit between its parts, so that the whole solve (building the solver, OptaPlanner's
 * first score, the search, table assignment and OptaPlanner's final score) ends within the limit, not only the
 * search. The final score is assumed to cost 2.5 times the first one (it sees every meeting change, then the best
 * schedule is cloned); measured on 2,000 x 300 it was 1.5 to 2 times.
 */
public final class TimeBudget {

    /** Share of the time left to the kernel that table assignment gets, within these bounds. */
    private static final double TABLE_SHARE = 0.05;
    private static final long MIN_TABLE_NANOS = 20_000_000L;
    private static final long MAX_TABLE_NANOS = 2_000_000_000L;
    /** The final score's assumed cost, in first scores: a margin over the 1.5 to 2 measured. */
    private static final double FINAL_SCORE_FACTOR = 2.5;

    private final long began;
    private final long limit;
    private volatile long solving;

    private TimeBudget(long began, Duration limit) {
        this.began = began;
        this.limit = limit.toNanos();
        this.solving = began;
    }

    /** A budget of {@code limit} from now. */
    public static TimeBudget startingNow(Duration limit) {
        return new TimeBudget(System.nanoTime(), limit);
    }

    /** Notes that the solver is built and is about to compute its first score. */
    public void solverBuilt() {
        solving = System.nanoTime();
    }

    /** When the whole solve should be over ({@link System#nanoTime()}). */
    long end() {
        return began + limit;
    }

    /** When table assignment must stop, for a kernel phase that started at {@code phaseStart}. */
    long tablesEnd(long phaseStart) {
        return end() - (long) (FINAL_SCORE_FACTOR * Math.max(0, phaseStart - solving));
    }

    /** When the slot search must stop, leaving time for tables and the final score. */
    long searchEnd(long phaseStart) {
        long tablesEnd = tablesEnd(phaseStart);
        long left = Math.max(0, tablesEnd - phaseStart);
        long tables = Math.min(MAX_TABLE_NANOS, Math.max(MIN_TABLE_NANOS, (long) (TABLE_SHARE * left)));
        return Math.max(phaseStart, tablesEnd - tables);
    }
}
