package org.b2g.core.solver.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.DznReader;
import org.b2g.core.matching.Candidates;
import org.junit.jupiter.api.Test;

class SlotMovesTest {

    /** Meetings 1, 2 and 3 in that order (2 after 1, 3 after 2), each between different people; 6 slots. */
    private static final String CHAIN = """
            nBusiness = 6;
            nMeetings = 4;
            nTables = 3;
            nTotalSlots = 6;
            nMorningSlots = 6;
            requested = [|1, 2, 3 |3, 4, 3 |5, 6, 3 |1, 3, 3 |];
            nMeetingsBusiness = [2, 1, 2, 1, 1, 1];
            forbidden = [{0}, {0}, {0}, {0}, {0}, {0}];
            fixed = [0, 0, 0, 0];
            precedences = [{}, {1}, {2}, {}];
            """;

    @Test
    void aMoveThatBreaksAnOrderPushesTheLaterMeetingsAlong() {
        SlotState state = stateOf(CHAIN, 0, 1, 2, 5);
        MoveLog log = new MoveLog(state);
        SlotMoves moves = new SlotMoves(state, log, new SplittableRandom(1), new int[] {0, 1, 2, 3});
        log.apply(0, 2); // meeting 1 to the slot of meeting 3: meeting 2 no longer follows it
        assertEquals(1, state.precedencesBroken);
        moves.pushAlong(0);
        assertEquals(0, state.precedencesBroken);
        assertArrayEquals(new int[] {2, 3, 4, 5}, state.slot, "2 goes to the slot after 1, 3 to the slot after 2");
        log.rollback();
        assertArrayEquals(new int[] {0, 1, 2, 5}, state.slot, "the pushes are taken back with the move");
    }

    @Test
    void aMoveThatBreaksAnOrderPushesTheEarlierMeetingsBack() {
        SlotState state = stateOf(CHAIN, 2, 3, 4, 5);
        MoveLog log = new MoveLog(state);
        SlotMoves moves = new SlotMoves(state, log, new SplittableRandom(1), new int[] {0, 1, 2, 3});
        log.apply(2, 2); // meeting 3 to the slot of meeting 1
        moves.pushAlong(0);
        assertEquals(0, state.precedencesBroken);
        assertArrayEquals(new int[] {0, 1, 2, 5}, state.slot, "2 goes to the slot before 3, 1 to the slot before 2");
    }

    @Test
    void aPushStopsAtTheLastSlotAndLeavesTheOrderBroken() {
        SlotState state = stateOf(CHAIN, 0, 1, 2, 5);
        MoveLog log = new MoveLog(state);
        SlotMoves moves = new SlotMoves(state, log, new SplittableRandom(1), new int[] {0, 1, 2, 3});
        log.apply(0, 5); // meeting 2 has no slot after the last one
        moves.pushAlong(0);
        assertEquals(1, state.precedencesBroken, "the caller refuses the move");
    }

    private static SlotState stateOf(String dzn, int... slots) {
        Event event = DznReader.read(dzn, "chain.dzn");
        SearchModel model = SearchModel.of(new MeetingSchedule(event, Candidates.forEvent(event)));
        SlotState state = new SlotState(model);
        state.load(slots);
        return state;
    }
}
