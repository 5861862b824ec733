package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The annealing's temperature schedule. */
class CoolingTest {

    @Test
    void aTimeLimitShortensAHotCycleToTheMovesLeft() {
        // 1 M moves in 1 s, 0.5 s left.
        assertEquals(500_000, Cooling.fittedCycle(5_000_000, 1_000_000, 1_000_000_000, 500_000_000));
    }

    @Test
    void aFittedCycleIsNeverLongerThanAFullOneNorShorterThanTheFloor() {
        assertEquals(5_000_000, Cooling.fittedCycle(5_000_000, 1_000_000, 1_000_000_000, 60_000_000_000L));
        assertEquals(200_000, Cooling.fittedCycle(5_000_000, 1_000_000, 1_000_000_000, 1_000_000));
    }

    @Test
    void aMoveLimitKeepsTheFullCycle() {
        assertEquals(5_000_000, Cooling.fittedCycle(5_000_000, 1_000, 1_000_000_000, Long.MAX_VALUE));
    }

    @Test
    void aLimitTooShortForAHotCycleKeepsTheCoolFirstCycleGoingUntilTheEnd() {
        // 1 M moves in 1 s, 1 s left: 2 M moves in all, less than the quench and half a full cycle.
        assertEquals(Long.MAX_VALUE, Cooling.firstCycleEnd(1_000_000, 5_000_000, 1_000_000, 1_000_000,
                1_000_000_000, 1_000_000_000));
        // 9 s left: room for hot cycles after the quench.
        assertEquals(1_000_000, Cooling.firstCycleEnd(1_000_000, 5_000_000, 65_536, 65_536, 65_536_000,
                9_000_000_000L));
        assertEquals(1_000_000, Cooling.firstCycleEnd(1_000_000, 5_000_000, 65_536, 65_536, 65_536_000,
                Long.MAX_VALUE));
    }

    @Test
    void theFirstCycleStartsCoolAndIsCutShortThenTheNextStartHotAndEndCold() {
        Termination moves = Termination.afterMoves(10_000_000, BreakBound.of(ResearchEvent.tight(1)), () -> false);
        Cooling cooling = new Cooling(10, moves);
        assertEquals(0.3, cooling.temperature(), 1e-9);
        for (int i = 1; i < 1_000_000; i++) {
            cooling.step();
        }
        assertTrue(cooling.temperature() > 0.1 && cooling.temperature() < 0.2, "cut at " + cooling.temperature());
        cooling.step();
        assertEquals(1.0, cooling.temperature(), 1e-9);
        double last = cooling.temperature();
        for (int i = 1; i < 5_000_000; i++) {
            cooling.step();
            assertTrue(cooling.temperature() < last, "cools at every move of a cycle");
            last = cooling.temperature();
        }
        assertEquals(0.01, last, 1e-4);
    }
}
