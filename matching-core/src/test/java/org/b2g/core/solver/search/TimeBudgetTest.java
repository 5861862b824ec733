package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.solver.SampleEvents;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.SolveReport;
import org.b2g.core.solver.StopReason;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

    @Test
    void wholeSolveEndsWithinItsTimeLimit() {
        MeetingSchedule problem = SampleEvents.b2g(4, 40, 12);
        long start = System.nanoTime();
        SolveReport report = Scheduler.create(new SolveOptions(Duration.ofSeconds(3), 4, 0, Duration.ofMinutes(1)))
                .solveReporting(problem, progress -> { });
        long elapsed = System.nanoTime() - start;
        // Building the solver, both OptaPlanner scores and table assignment fit in the limit, not after it.
        assertTrue(elapsed <= Duration.ofMillis(3_300).toNanos(), "took " + elapsed / 1_000_000 + " ms");
        assertTrue(report.schedule().getScore().isFeasible(), report.schedule().getScore().toString());
        // The limit ends it, unless the search meets the demand bound without breaks first (nothing left to gain).
        assertTrue(report.stopReason() == StopReason.TIME_LIMIT
                || report.stopReason() == StopReason.DEMAND_AT_ITS_BOUND, report.stopReason().toString());
    }

    @Test
    void aShortLimitStillGivesTheConstructionAndSomeSearch() {
        MeetingSchedule problem = SampleEvents.b2g(4, 40, 12);
        // The first solve of a process builds OptaPlanner's solver factory (seconds on a busy machine); later
        // solves reuse it, and that is what a short limit is about.
        Scheduler.create(new SolveOptions(Duration.ofMillis(100), 1, 1)).solve(SampleEvents.b2g(1, 3, 2), p -> { });
        long start = System.nanoTime();
        SolveReport report = Scheduler.create(new SolveOptions(Duration.ofMillis(300), 4, 0))
                .solveReporting(problem, progress -> { });
        long elapsed = System.nanoTime() - start;
        assertTrue(report.moves() > 0, "the search ran");
        assertTrue(report.schedule().getMeetings().stream().anyMatch(m -> m.getSlot() != null));
        assertTrue(elapsed <= Duration.ofSeconds(3).toNanos(), "took " + elapsed / 1_000_000 + " ms");
    }

    @Test
    void stopsWhenNoBetterScheduleComesForTheUnimprovedTime() {
        MeetingSchedule problem = SampleEvents.b2g(4, 40, 12);
        long start = System.nanoTime();
        SolveReport report = Scheduler.create(new SolveOptions(Duration.ofMinutes(2), 4, 0, Duration.ofMillis(500)))
                .solveReporting(problem, progress -> { });
        long elapsed = System.nanoTime() - start;
        assertTrue(report.stopReason() == StopReason.UNIMPROVED || report.provedOptimal()
                || report.stopReason() == StopReason.DEMAND_AT_ITS_BOUND, report.stopReason()
                .toString());
        assertTrue(elapsed < Duration.ofSeconds(60).toNanos(), "took " + elapsed / 1_000_000 + " ms");
    }

    @Test
    void searchStopsBeforeTheEndToLeaveTimeForTablesAndTheFinalScore() {
        TimeBudget budget = TimeBudget.startingNow(Duration.ofSeconds(10));
        long searchStart = System.nanoTime();
        assertTrue(budget.searchEnd(searchStart) < budget.tablesEnd());
        assertTrue(budget.tablesEnd() <= budget.end());
        assertTrue(budget.searchEnd(searchStart) >= searchStart);
    }

    @Test
    void theSearchGetsAMinimumEvenWhenTheBudgetIsSpent() {
        TimeBudget budget = TimeBudget.startingNow(Duration.ofSeconds(1));
        long late = budget.end() + Duration.ofSeconds(2).toNanos();
        assertTrue(budget.searchEnd(late) - late >= Duration.ofMillis(50).toNanos());
    }

    @Test
    void theFinishIsEstimatedFromTheFirstScoreOnceMeasured() {
        TimeBudget budget = TimeBudget.startingNow(Duration.ofSeconds(10));
        long guessed = budget.tablesEnd();
        budget.solverBuilt(false);
        budget.firstScoreDone(); // a first score of about nothing: the finish is short
        assertTrue(budget.tablesEnd() > guessed, "a measured quick first score leaves more time to search");
    }

    @Test
    void aColdFirstScoreLeavesMoreTimeToSearchThanAWarmOneAsLong() {
        TimeBudget cold = TimeBudget.startingNow(Duration.ofSeconds(10));
        TimeBudget warm = TimeBudget.startingNow(Duration.ofSeconds(10));
        cold.solverBuilt(true);
        warm.solverBuilt(false);
        cold.firstScoreTook(Duration.ofMillis(400).toNanos());
        warm.firstScoreTook(Duration.ofMillis(400).toNanos());
        // The cold score also loaded and compiled the scoring code, which the final score does not do again.
        assertEquals(Duration.ofMillis(400).toNanos(), cold.end() - cold.tablesEnd());
        assertEquals(Duration.ofMillis(1_000).toNanos(), warm.end() - warm.tablesEnd());
    }
}
