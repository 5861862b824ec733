package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.DznReader;
import org.b2g.core.matching.Candidates;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    @Test
    void theAssignmentIsTheCheapestOne() {
        long[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        int[] columnOf = new int[3];
        long total = new WindowPlacement.Hungarian(3).solve(cost, 3, columnOf);
        assertEquals(5, total); // 1 + 2 + 2: rows 0, 1, 2 to columns 1, 0, 2
        assertArrayEquals(new int[] {1, 0, 2}, columnOf);
    }

    @Test
    void closesAParticipantsBreaksWithoutBreakingARule() {
        // Participant 1 meets 2, 3 and 4 in slots 1, 3 and 5: two breaks; participant 2 is busy in slot 2 elsewhere.
        String text = """
                nBusiness = 5;
                nMeetings = 4;
                nTables = 3;
                nTotalSlots = 5;
                nMorningSlots = 5;
                requested = [|1, 2, 3 |1, 3, 3 |1, 4, 3 |2, 5, 3 |];
                meetingsxBusiness = [{1, 2, 3, 4}, {1, 2, 5}, {1, 3}, {1, 4}, {1, 5}];
                nMeetingsBusiness = [3, 2, 1, 1, 1];
                forbidden = [{0}, {0}, {0}, {0}, {0}];
                fixed = [0, 0, 0, 0];
                precedences = [{}, {}, {}, {}];
                """;
        Event event = DznReader.read(text, "window.dzn");
        SearchModel model = SearchModel.of(new MeetingSchedule(event, Candidates.forEvent(event)));
        SlotState state = new SlotState(model);
        state.load(new int[] {0, 2, 4, 1});
        assertEquals(2, state.breaks);
        MoveLog log = new MoveLog(state);
        assertTrue(new WindowPlacement(state, log).apply(0));
        assertEquals(0, state.hard);
        assertEquals(0, state.breaks, "participant 1's meetings in a row, participant 2's meetings side by side");
        log.rollback();
        assertArrayEquals(new int[] {0, 2, 4, 1}, state.slot, "the move can be taken back");
    }
}
