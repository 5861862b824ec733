package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.b2g.core.solver.SampleEvents;
import org.junit.jupiter.api.Test;

class SearchPortfolioTest {

    private static final long MOVES = 200_000;

    private static SearchPortfolio.Result run(SearchModel model, int copies, long seed) {
        int[] initial = new int[model.meetingCount];
        Arrays.fill(initial, UNSCHEDULED);
        return SearchPortfolio.run(model, initial, copies, seed, Termination.afterMoves(MOVES, BreakBound.of(model), () -> false),
                (s, m) -> { });
    }

    @Test
    void sameSeedAndMoveLimitGiveTheSameSlotsWithTwoCopies() {
        SearchModel model = SearchModel.of(SampleEvents.b2g(5, 30, 12));
        SearchPortfolio.Result first = run(model, 2, 7);
        SearchPortfolio.Result second = run(model, 2, 7);
        assertArrayEquals(first.slots(), second.slots());
        assertEquals(first.moves(), second.moves());
        assertTrue(first.moves() >= 2 * MOVES, "both copies make their moves");
    }

    @Test
    void twoCopiesAreNeverWorseThanTheFirstCopyAlone() {
        SearchModel model = SearchModel.of(SampleEvents.b2g(9, 30, 12));
        SearchPortfolio.Result alone = run(model, 1, 3);
        SearchPortfolio.Result pair = run(model, 2, 3);
        assertTrue(SlotScore.of(pair.state()).compareTo(SlotScore.of(alone.state())) <= 0);
    }

    @Test
    void theBestCopysStateMatchesItsSlots() {
        SearchModel model = SearchModel.of(SampleEvents.b2g(4, 20, 8));
        SearchPortfolio.Result result = run(model, 2, 1);
        assertArrayEquals(result.slots(), result.state().slot);
    }
}
