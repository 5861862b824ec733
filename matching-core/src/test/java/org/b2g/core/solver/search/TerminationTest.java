package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.b2g.core.solver.StopReason;
import org.junit.jupiter.api.Test;

/** When the searches stop on their own: the automatic unimproved time. */
class TerminationTest {

    @Test
    void theAutomaticUnimprovedTimeWaitsForAWholeCycleWithoutABetterSchedule() throws InterruptedException {
        SearchModel model = ResearchEvent.tight(1);
        Termination termination = new Termination(0, BreakBound.of(model), start -> Long.MAX_VALUE, 0,
                model.meetingCount, () -> false);
        termination.annealingStarted();
        long cycleBeforeTheBest = System.nanoTime();
        termination.improved();
        Thread.sleep(2_100); // past the automatic floor of 2 s, and past the time to best
        assertFalse(termination.shouldStop(1024), "no cycle has ended");
        termination.cycleEnded(cycleBeforeTheBest);
        assertFalse(termination.shouldStop(2048), "the only cycle that ended found the best");
        termination.cycleEnded(System.nanoTime() - 1_000_000_000L);
        assertTrue(termination.shouldStop(3072), "a whole cycle after the best found nothing better");
        assertEquals(StopReason.UNIMPROVED, termination.reason());
    }

    @Test
    void theShareOfTimeSpentCountsFromTheStartOfAnnealingToTheLimitAndIsNothingUnderAMoveLimit() {
        SearchModel model = ResearchEvent.tight(1);
        // A limit one minute after annealing starts: the share is 0 before, and barely above it after.
        Termination minute = new Termination(0, BreakBound.of(model), start -> start + 60_000_000_000L, 0,
                model.meetingCount, () -> false);
        assertEquals(0, minute.spentShare());
        minute.annealingStarted();
        assertTrue(minute.spentShare() >= 0 && minute.spentShare() < 0.5, String.valueOf(minute.spentShare()));
        // A limit already reached: all of it is spent.
        Termination over = new Termination(0, BreakBound.of(model), start -> start, 0, model.meetingCount,
                () -> false);
        over.annealingStarted();
        assertTrue(over.spentShare() >= 1, String.valueOf(over.spentShare()));
        Termination moves = Termination.afterMoves(1_000, BreakBound.of(model), () -> false);
        moves.annealingStarted();
        assertEquals(0, moves.spentShare(), "the clock plays no part under a move limit");
    }

    @Test
    void anExplicitUnimprovedTimeDoesNotWaitForTheCycle() throws InterruptedException {
        Termination termination = improvedJustNow(50_000_000L);
        Thread.sleep(100);
        assertTrue(termination.shouldStop(1024));
        assertEquals(StopReason.UNIMPROVED, termination.reason());
    }

    @Test
    void theAutomaticUnimprovedTimeWaitsWhileAStepOfTheClimbRuns() throws InterruptedException {
        Termination termination = improvedJustNow(0);
        Thread.sleep(2_100);
        termination.cycleEnded(System.nanoTime() - 1_000_000_000L);
        termination.climbing(true);
        assertFalse(termination.shouldStop(0), "the SAT solver may still prove the best or beat it");
        termination.climbing(false);
        assertTrue(termination.shouldStop(1024));
        assertEquals(StopReason.UNIMPROVED, termination.reason());
    }

    @Test
    void anExplicitUnimprovedTimeDoesNotWaitForTheClimb() throws InterruptedException {
        Termination termination = improvedJustNow(50_000_000L);
        termination.climbing(true);
        Thread.sleep(100);
        assertTrue(termination.shouldStop(0));
    }

    /** A termination without a move limit or time limit whose search started and found a better schedule just now. */
    private static Termination improvedJustNow(long unimprovedNanos) {
        SearchModel model = ResearchEvent.tight(1);
        Termination termination = new Termination(0, BreakBound.of(model), start -> Long.MAX_VALUE, unimprovedNanos,
                model.meetingCount, () -> false);
        termination.annealingStarted();
        termination.improved();
        return termination;
    }

    @Test
    void aMoveLimitLeavesNoTimeToCount() {
        SearchModel model = ResearchEvent.tight(1);
        assertEquals(Long.MAX_VALUE, Termination.afterMoves(10, BreakBound.of(model), () -> false).nanosLeft());
    }
}
