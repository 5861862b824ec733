package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.b2g.core.solver.StopReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The annealing as a whole: on research instances, with move limits so that every run is the same. */
class SlotSearchTest {

    @ParameterizedTest
    @ValueSource(strings = {"forum-13crafc", "ticf-14crafa"})
    void returnsTheBestScheduleItReported(String instance) {
        SearchModel model = ResearchEvent.original(instance);
        for (long seed = 1; seed <= 2; seed++) {
            assertReturnsTheBestReported(model, seed);
        }
    }

    /** The schedule a search returns scores as the last best it reported to its listener. */
    private static void assertReturnsTheBestReported(SearchModel model, long seed) {
        SlotScore[] reported = {SlotScore.WORST};
        SlotSearch search = new SlotSearch(model, seed,
                Termination.afterMoves(500_000, BreakBound.of(model), () -> false),
                (state, moves) -> reported[0] = SlotScore.of(state));
        int[] empty = new int[model.meetingCount];
        Arrays.fill(empty, UNSCHEDULED);
        SlotState returned = new SlotState(model);
        returned.load(search.run(empty));
        assertEquals(reported[0], SlotScore.of(returned), "seed " + seed);
    }

    @Test
    void aSearchWithNoMeetingToMoveStopsAtOnceAndSaysThereWasNothingToSearch() {
        // Participant 1 meets 2 and 3, who can each come in slot 1 only: the clash is a hard point no move can mend.
        SearchModel model = ResearchEvent.of(4, 2).meeting(1, 2).meeting(1, 3)
                .forbidden(2, 2, 3, 4).forbidden(3, 2, 3, 4).model();
        Termination termination = new Termination(0, BreakBound.of(model), start -> start + 60_000_000_000L, 0,
                model.meetingCount, () -> false);
        SlotSearch search = new SlotSearch(model, 1, termination, (state, moves) -> { });
        int[] empty = new int[model.meetingCount];
        Arrays.fill(empty, UNSCHEDULED);
        long start = System.nanoTime();
        search.run(empty);
        assertEquals(1, search.state().hard, "the clash stays");
        assertEquals(StopReason.NOTHING_TO_SEARCH, termination.reason());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "not after the minute's limit");
    }

    @Test
    void underATimeLimitTheFirstValidScheduleIsLeftForTheCopiesStillWithoutOne() {
        SearchModel model = ResearchEvent.of(4, 2).meeting(1, 2).meeting(1, 3).meeting(2, 3).model();
        AtomicReference<int[]> validFound = new AtomicReference<>();
        Termination termination = new Termination(0, BreakBound.of(model), start -> start + 60_000_000_000L, 0,
                model.meetingCount, () -> false);
        new SlotSearch(model, 1, termination, (state, moves) -> { }, false, validFound).run(unscheduled(model));
        SlotState shared = new SlotState(model);
        shared.load(validFound.get());
        assertEquals(0, shared.hard, "a schedule that keeps every rule");
        assertEquals(model.meetingCount, Arrays.stream(validFound.get()).filter(s -> s != UNSCHEDULED).count());
    }

    @Test
    void underAMoveLimitNoScheduleIsSharedSoThatRunsRepeat() {
        SearchModel model = ResearchEvent.of(4, 2).meeting(1, 2).meeting(1, 3).meeting(2, 3).model();
        AtomicReference<int[]> validFound = new AtomicReference<>();
        new SlotSearch(model, 1, Termination.afterMoves(10_000, BreakBound.of(model), () -> false),
                (state, moves) -> { }, false, validFound).run(unscheduled(model));
        assertNull(validFound.get());
    }

    private static int[] unscheduled(SearchModel model) {
        int[] empty = new int[model.meetingCount];
        Arrays.fill(empty, UNSCHEDULED);
        return empty;
    }
}
