package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.solver.SampleEvents;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

    @Test
    void wholeSolveEndsWithinItsTimeLimit() {
        MeetingSchedule problem = SampleEvents.b2g(4, 40, 12);
        long start = System.nanoTime();
        MeetingSchedule solved = Scheduler.create(new SolveOptions(Duration.ofSeconds(3), 4, 0))
                .solve(problem, progress -> { });
        long elapsed = System.nanoTime() - start;
        // Building the solver, both OptaPlanner scores and table assignment fit in the limit, not after it.
        assertTrue(elapsed <= Duration.ofMillis(3_300).toNanos(), "took " + elapsed / 1_000_000 + " ms");
        assertTrue(solved.getScore().isFeasible(), solved.getScore().toString());
    }

    @Test
    void searchStopsBeforeTheEndToLeaveTimeForTablesAndTheFinalScore() {
        TimeBudget budget = TimeBudget.startingNow(Duration.ofSeconds(10));
        long phaseStart = System.nanoTime();
        assertTrue(budget.searchEnd(phaseStart) < budget.tablesEnd(phaseStart));
        assertTrue(budget.tablesEnd(phaseStart) <= budget.end());
        assertTrue(budget.searchEnd(phaseStart) >= phaseStart);
    }
}
