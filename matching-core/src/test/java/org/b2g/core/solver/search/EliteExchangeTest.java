package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;

import org.b2g.core.solver.SampleEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EliteExchangeTest {

    private static SlotSearch searched(SearchModel model, long seed, long moves) {
        SlotSearch search = new SlotSearch(model, seed, moves, Long.MAX_VALUE, () -> false, (s, m) -> { });
        int[] initial = new int[model.meetingCount];
        Arrays.fill(initial, UNSCHEDULED);
        search.run(initial);
        return search;
    }

    @Test
    @Timeout(20)
    void theCopyBehindTakesOverTheBetterBestAndTheOtherKeepsItsOwn() throws InterruptedException {
        SearchModel model = SearchModel.of(SampleEvents.b2g(9, 60, 20));
        SlotSearch first = searched(model, 1, 1);
        SlotSearch second = searched(model, 2, 300_000);
        int order = SearchPortfolio.compare(first.state(), second.state());
        assertNotEquals(0, order, "the two searches end with different scores");
        SlotSearch ahead = order < 0 ? first : second;
        SlotSearch behind = order < 0 ? second : first;
        int[] aheadSlots = ahead.state().slot.clone();
        long aheadBreaks = ahead.state().breaks;

        EliteExchange exchange = new EliteExchange(2, model.meetingCount);
        Thread other = new Thread(() -> exchange.reached(1, 1, ahead));
        other.start();
        exchange.reached(0, 1, behind);
        other.join();

        assertArrayEquals(aheadSlots, behind.state().slot);
        assertEquals(aheadBreaks, behind.state().breaks);
        assertArrayEquals(aheadSlots, ahead.state().slot);
        int[] slots = new int[model.meetingCount];
        long[] score = new long[3];
        behind.bestInto(slots, score);
        assertArrayEquals(aheadSlots, slots, "the adopted schedule is the copy's best");
        assertEquals(aheadBreaks, score[2]);
    }

    @Test
    @Timeout(20)
    void aCopyThatLeftIsNotWaitedFor() {
        SearchModel model = SearchModel.of(SampleEvents.b2g(5, 30, 12));
        SlotSearch search = searched(model, 1, 1);
        int[] slots = search.state().slot.clone();
        EliteExchange exchange = new EliteExchange(2, model.meetingCount);
        exchange.left(1);
        exchange.reached(0, 1, search);
        assertArrayEquals(slots, search.state().slot);
    }
}
