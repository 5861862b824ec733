package org.b2g.core.solver.search;

import java.time.Duration;

/**
 * Shares a solve's wall-clock limit between its parts, so that the whole solve (building the solver, OptaPlanner's
 * first score, the search, table assignment and OptaPlanner's final score) ends within the limit, not only the
 * search. The search starts at once and runs while OptaPlanner builds its solver and computes its first score; the
 * final score is assumed to cost 2.5 times the first one (it sees every meeting change, then the best schedule is
 * cloned; measured on 2,000 x 300 it was 1.5 to 2 times), or as much as the first one in a process that has just
 * built its solver, where the first score also loads and compiles the scoring code (measured there: a quarter to half
 * of it). Until the first score is known, the finish is assumed to take a tenth of the limit.
 *
 * <p>When building the solver alone takes longer than the limit (a cold start with a limit of a second), the solve
 * overruns by that much; the search still gets its construction and {@link #MIN_SEARCH_SHARE} of the limit.
 */
public final class TimeBudget {

    /** Share of the time left to the kernel that table assignment gets, within these bounds. */
    private static final double TABLE_SHARE = 0.05;
    private static final long MIN_TABLE_NANOS = 20_000_000L;
    private static final long MAX_TABLE_NANOS = 2_000_000_000L;
    /** The final score's assumed cost, in first scores: a margin over the 1.5 to 2 measured. */
    private static final double FINAL_SCORE_FACTOR = 2.5;
    /**
     * The same where the first score was the process's first (a cold start, as every {@code b2g solve}): forum-14's
     * {@code prec50} variant 0.35 to 0.56 s first, 0.1 s final; 600 x 90 1.0 s and 0.55 s; 2,000 x 300 3.1 s and 1.4 s.
     * With 2.5 such a solve at 10 s left 1.6 s of its limit unused.
     */
    private static final double COLD_FINAL_SCORE_FACTOR = 1.0;
    /** Before the first score is measured: the finish's assumed share of the limit, within these bounds. */
    private static final double GUESSED_FINISH_SHARE = 0.1;
    private static final long MIN_GUESSED_FINISH_NANOS = 50_000_000L;
    private static final long MAX_GUESSED_FINISH_NANOS = 1_000_000_000L;
    /** The search always gets this share of the limit after it starts, whatever the rest took. */
    private static final double MIN_SEARCH_SHARE = 0.05;

    private final long began;
    private final long limit;
    private volatile long solving;
    /** OptaPlanner's first score, in nanoseconds, or -1 while not measured. */
    private volatile long firstScore = -1;
    /** Whether the solver was built for this solve, the first of its process ({@link #COLD_FINAL_SCORE_FACTOR}). */
    private volatile boolean cold;

    private TimeBudget(long began, Duration limit) {
        this.began = began;
        this.limit = limit.toNanos();
        this.solving = began;
    }

    /** A budget of {@code limit} from now. */
    public static TimeBudget startingNow(Duration limit) {
        return new TimeBudget(System.nanoTime(), limit);
    }

    /**
     * Notes that the solver is built and is about to compute its first score; {@code firstOfProcess} when it was built
     * for this solve rather than reused, so that the first score is a cold one.
     */
    public void solverBuilt(boolean firstOfProcess) {
        cold = firstOfProcess;
        solving = System.nanoTime();
    }

    /** Notes that OptaPlanner's first score is done (its custom phase starts): the finish can now be estimated. */
    void firstScoreDone() {
        firstScoreTook(System.nanoTime() - solving);
    }

    void firstScoreTook(long nanos) {
        firstScore = Math.max(0, nanos);
    }

    /** When the solve began ({@link System#nanoTime()}). */
    long began() {
        return began;
    }

    /** When the whole solve should be over ({@link System#nanoTime()}). */
    long end() {
        return began + limit;
    }

    /** When table assignment must stop: the final score's time before the end. */
    long tablesEnd() {
        long measured = firstScore;
        long finish = measured >= 0 ? (long) ((cold ? COLD_FINAL_SCORE_FACTOR : FINAL_SCORE_FACTOR) * measured)
                : Math.min(MAX_GUESSED_FINISH_NANOS, Math.max(MIN_GUESSED_FINISH_NANOS,
                        (long) (GUESSED_FINISH_SHARE * limit)));
        return end() - finish;
    }

    /** When a slot search that started at {@code searchStart} must stop, leaving time for tables and the final score. */
    long searchEnd(long searchStart) {
        long tablesEnd = tablesEnd();
        long left = Math.max(0, tablesEnd - searchStart);
        long tables = Math.min(MAX_TABLE_NANOS, Math.max(MIN_TABLE_NANOS, (long) (TABLE_SHARE * left)));
        return Math.max(searchStart + (long) (MIN_SEARCH_SHARE * limit), tablesEnd - tables);
    }
}
