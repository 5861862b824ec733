package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The best schedule a search keeps while it moves on. */
class BestSlotsTest {

    /** Participant 1 meets 2, 3 and 4 at one table in four slots. */
    private final SearchModel model = ResearchEvent.of(4, 1).meeting(1, 2).meeting(1, 3).meeting(1, 4).model();
    private final SlotState state = new SlotState(model);
    private final MoveLog log = new MoveLog(state);
    private final BestSlots best = new BestSlots(state);

    @Test
    void keepsTheBestWhenAnAcceptedMoveBreaksARuleThatTheCostWeighedAgainstBreaks() {
        state.load(new int[] {0, 1, 3}); // one break, no clash
        best.takeCurrent();
        log.apply(2, 1); // closes the break by a clash at the one table: a move the search's cost may accept
        assertTrue(state.hard > 0);
        best.keepBeforeLeaving(log);
        log.clear();
        best.restore();
        assertArrayEquals(new int[] {0, 1, 3}, state.slot);
        assertEquals(0, state.hard);
    }

    @Test
    void takesNoCopyWhenTheMoveBeatsTheBest() {
        state.load(new int[] {0, 1, 3});
        best.takeCurrent();
        log.apply(2, 2); // closes the break without a clash
        best.keepBeforeLeaving(log);
        assertTrue(best.isPending(), "the new state, not the old, is the one to keep");
        assertTrue(best.isBeaten());
        log.clear();
        best.takeCurrent();
        log.apply(1, UNSCHEDULED);
        best.keepBeforeLeaving(log);
        assertFalse(best.isPending());
        log.clear();
        best.restore();
        assertArrayEquals(new int[] {0, 1, 2}, state.slot);
    }
}
