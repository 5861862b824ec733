package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which formula of a race starts ahead, from the races before. */
class RaceLeadTest {

    private static final long CLEAR = RaceLead.CLEAR_NANOS;

    @Test
    void racesAreEvenUntilAFormulaWinsClearly() {
        RaceLead lead = new RaceLead();
        assertEquals(-1, lead.leader());
        assertFalse(lead.behind(0));
        assertFalse(lead.behind(1));
    }

    @Test
    void aFormulaThatAnsweredAfterHalfASecondWhileTheOtherSolvedAsLongLeads() {
        RaceLead lead = new RaceLead();
        lead.record(1, CLEAR, true);
        assertEquals(1, lead.leader());
        assertTrue(lead.behind(0));
        assertFalse(lead.behind(1));
    }

    @Test
    void aQuickAnswerOrAWinByAHeadStartSaysNothing() {
        RaceLead lead = new RaceLead();
        lead.record(0, CLEAR - 1, true);
        assertEquals(-1, lead.leader(), "too quick");
        lead.record(0, 3 * CLEAR, false);
        assertEquals(-1, lead.leader(), "the other formula had not solved as long");
    }

    @Test
    void aLeaderKeepsTheLeadWhileItWinsAndGivesItUpWhenItLoses() {
        RaceLead lead = new RaceLead();
        lead.record(1, 2 * CLEAR, true);
        lead.record(1, CLEAR / 10, true);
        assertEquals(1, lead.leader(), "a quick win of the leader keeps its lead");
        lead.record(0, CLEAR / 10, true);
        assertEquals(-1, lead.leader(), "beaten, even quickly: the next race is even");
        lead.record(0, CLEAR, true);
        assertEquals(0, lead.leader());
    }
}
