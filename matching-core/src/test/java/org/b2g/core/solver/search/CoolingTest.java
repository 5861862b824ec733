package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The annealing's temperature schedule. */
class CoolingTest {

    @Test
    void aTimeLimitShortensTheCycleToTheMovesLeft() {
        // 1 M moves in 1 s, 0.5 s left: 400,000 moves made in this cycle and 500,000 to come.
        assertEquals(900_000, Cooling.fittedCycle(5_000_000, 400_000, 1_000_000, 1_000_000_000, 500_000_000));
    }

    @Test
    void aFittedCycleIsNeverLongerThanItsNominalLengthNorShorterThanTheFloor() {
        assertEquals(5_000_000, Cooling.fittedCycle(5_000_000, 0, 1_000_000, 1_000_000_000, 60_000_000_000L));
        assertEquals(200_000, Cooling.fittedCycle(5_000_000, 0, 1_000_000, 1_000_000_000, 1_000_000));
    }

    @Test
    void aMoveLimitKeepsTheNominalCycle() {
        assertEquals(5_000_000, Cooling.fittedCycle(5_000_000, 0, 1_000, 1_000_000_000, Long.MAX_VALUE));
    }

    @Test
    void theFirstCycleIsCoolAndShortAndTheNextStartHot() {
        Termination moves = Termination.afterMoves(10_000_000, BreakBound.of(ResearchEvent.tight(1)), () -> false);
        Cooling cooling = new Cooling(10, moves);
        assertEquals(0.3, cooling.temperature(), 1e-9);
        double last = cooling.temperature();
        for (int i = 1; i < 1_000_000; i++) {
            cooling.step();
            assertTrue(cooling.temperature() < last, "cools at every move of a cycle");
            last = cooling.temperature();
        }
        assertEquals(0.01, last, 1e-4);
        cooling.step();
        assertEquals(1.0, cooling.temperature(), 1e-9);
    }
}
