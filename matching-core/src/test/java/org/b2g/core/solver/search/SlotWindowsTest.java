package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.ResearchEvent.windowOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.junit.jupiter.api.Test;

/** What {@link SlotWindows} leaves each meeting, read through {@link SearchModel#of}, which narrows as it builds. */
class SlotWindowsTest {

    @Test
    void eachMeetingOfAChainKeepsTheSlotsItsPlaceInTheChainLeaves() {
        SearchModel model = ResearchEvent.of(5, 3).meeting(1, 2).meeting(3, 4).meeting(5, 6).chain(1, 2, 3).model();
        assertTrue(model.narrowed);
        assertArrayEquals(new int[] {1, 2, 3}, windowOf(model, 1), "two meetings must follow it");
        assertArrayEquals(new int[] {2, 3, 4}, windowOf(model, 2), "one before it, one after it");
        assertArrayEquals(new int[] {3, 4, 5}, windowOf(model, 3), "two meetings must precede it");
    }

    @Test
    void aMeetingOutsideTheChainKeepsEverySlot() {
        SearchModel model = ResearchEvent.of(4, 3).meeting(1, 2).meeting(3, 4).meeting(1, 3).chain(1, 2).model();
        assertArrayEquals(new int[] {1, 2, 3, 4}, windowOf(model, 3));
    }

    @Test
    void aFixedMeetingsWindowIsItsSlotAndItBoundsTheMeetingsAroundIt() {
        SearchModel model = ResearchEvent.of(6, 3).meeting(1, 2).meeting(3, 4).meeting(5, 6).fixed(2, 3)
                .chain(1, 2, 3).model();
        assertArrayEquals(new int[] {3}, windowOf(model, 2));
        assertTrue(model.fixed[1]);
        assertArrayEquals(new int[] {1, 2}, windowOf(model, 1), "before slot 3");
        assertArrayEquals(new int[] {4, 5, 6}, windowOf(model, 3), "after slot 3");
    }

    @Test
    void aChainAsLongAsTheDayFixesEveryMeetingOfIt() {
        SearchModel model = ResearchEvent.of(3, 3).meeting(1, 2).meeting(3, 4).meeting(5, 6).chain(3, 1, 2).model();
        assertArrayEquals(new int[] {2}, windowOf(model, 1));
        assertArrayEquals(new int[] {3}, windowOf(model, 2));
        assertArrayEquals(new int[] {1}, windowOf(model, 3));
        assertTrue(model.fixed[0] && model.fixed[1] && model.fixed[2], "one slot left: nothing for the search to move");
    }

    @Test
    void aSlotAParticipantsFixedMeetingHoldsIsClosedToItsOtherMeetings() {
        SearchModel model = ResearchEvent.of(4, 3).meeting(1, 2).meeting(1, 3).meeting(2, 3).fixed(1, 2).model();
        assertArrayEquals(new int[] {1, 3, 4}, windowOf(model, 2), "participant 1 is busy in slot 2");
        assertArrayEquals(new int[] {1, 3, 4}, windowOf(model, 3), "participant 2 is busy in slot 2");
    }

    @Test
    void aSlotThatFixedMeetingsFillAtEveryTableIsClosedToAllOthers() {
        SearchModel model = ResearchEvent.of(3, 2).meeting(1, 2).meeting(3, 4).meeting(5, 6).fixed(1, 1).fixed(2, 1)
                .model();
        assertArrayEquals(new int[] {2, 3}, windowOf(model, 3), "both tables are taken in slot 1");
    }

    @Test
    void aClosedSlotNarrowsTheChainThatFollowsItTooUntilNothingChanges() {
        // Participant 1's fixed meeting in slot 1 pushes meeting 2 to slot 2 or later, hence meeting 3 to 3 or later.
        SearchModel model = ResearchEvent.of(5, 3).meeting(1, 2).meeting(1, 3).meeting(4, 5).fixed(1, 1)
                .chain(2, 3).model();
        assertArrayEquals(new int[] {2, 3, 4}, windowOf(model, 2));
        assertArrayEquals(new int[] {3, 4, 5}, windowOf(model, 3));
    }

    @Test
    void forbiddenSlotsAtTheEndOfAChainPullItsStartEarlier() {
        // Participant 6 cannot come in slots 4 and 5: meeting 3 ends the chain by slot 3, so meeting 1 starts it in 1.
        SearchModel model = ResearchEvent.of(5, 3).meeting(1, 2).meeting(3, 4).meeting(5, 6).forbidden(6, 4, 5)
                .chain(1, 2, 3).model();
        assertArrayEquals(new int[] {1}, windowOf(model, 1));
        assertArrayEquals(new int[] {2}, windowOf(model, 2));
        assertArrayEquals(new int[] {3}, windowOf(model, 3));
    }

    @Test
    void aChainLongerThanTheDayLeavesEveryWindowAsItWas() {
        SearchModel model = ResearchEvent.of(3, 3).meeting(1, 2).meeting(3, 4).meeting(5, 6).meeting(7, 8)
                .chain(1, 2, 3, 4).model();
        assertFalse(model.narrowed, "no schedule keeps the order: the search minimises what breaks");
        for (int m = 1; m <= 4; m++) {
            assertArrayEquals(new int[] {1, 2, 3}, windowOf(model, m), "meeting " + m);
        }
    }

    @Test
    void aMeetingThatFullTablesSqueezeOutOfEverySlotLeavesEveryWindowAsItWas() {
        // One table: the chain of three fills slots 1, 2 and 3, and meeting 4 has nowhere to go.
        SearchModel model = ResearchEvent.of(3, 1).meeting(1, 2).meeting(3, 4).meeting(5, 6).meeting(7, 8)
                .chain(1, 2, 3).model();
        assertFalse(model.narrowed);
        assertFalse(model.fixed[3], "meeting 4 must stay free to move to whichever clash costs least");
        assertArrayEquals(new int[] {1, 2, 3}, windowOf(model, 4));
    }

    @Test
    void aPrecedenceCycleLeavesEveryWindowAsItWas() {
        SearchModel model = ResearchEvent.of(4, 3).meeting(1, 2).meeting(3, 4).meeting(5, 6).chain(1, 2, 3, 1)
                .model();
        assertFalse(model.narrowed);
        assertArrayEquals(new int[] {1, 2, 3, 4}, windowOf(model, 2));
    }

    @Test
    void twoFixedMeetingsOfOneParticipantInOneSlotLeaveEveryWindowAsItWas() {
        // Meetings 1 and 2 clash in slot 2, which closes slot 2 to meeting 3; a fixed meeting in slot 1 then
        // leaves meeting 3 nothing, so the event is infeasible and nothing is narrowed.
        SearchModel model = ResearchEvent.of(2, 3).meeting(1, 2).meeting(1, 3).meeting(1, 4).meeting(1, 5)
                .fixed(1, 2).fixed(2, 2).fixed(4, 1).model();
        assertFalse(model.narrowed);
        assertArrayEquals(new int[] {1, 2}, windowOf(model, 3));
    }

    @Test
    void anAgencyWithTwoRepresentativesKeepsTheSlotOfOneFixedMeetingOpen() {
        SearchModel one = SearchModel.of(agencyEvent(1));
        SearchModel two = SearchModel.of(agencyEvent(2));
        assertArrayEquals(new int[] {1, 3, 4}, windowOf(one, 2), "its only representative is busy in slot 2");
        assertArrayEquals(new int[] {1, 2, 3, 4}, windowOf(two, 2), "its second representative is free");
    }

    @Test
    void aPrecedenceWithAnOptionalMeetingDoesNotNarrow() {
        // c-2 (optional) must come before r-3 (required): c-2 may stay out, so r-3 may still take slot 1.
        SearchModel model = SearchModel.of(agencyEvent(2));
        assertArrayEquals(new int[] {1, 2, 3, 4}, windowOf(model, 3));
    }

    @Test
    void anOptionalMeetingWithNoSlotLeftStaysOutWithoutUndoingTheOtherWindows() {
        // c-4 could only be held in slot 2, where the agency's only representative has its fixed meeting: it cannot
        // be held without a clash, which must not keep c-2 from losing slot 2 as well.
        SearchModel model = SearchModel.of(agencyEvent(1));
        assertTrue(model.narrowed);
        assertArrayEquals(new int[] {1, 3, 4}, windowOf(model, 2));
        assertArrayEquals(new int[0], windowOf(model, 4));
    }

    /**
     * Four slots, three tables; agency a-1 with {@code representatives}; r-1 (s-1 with a-1, required, fixed to slot
     * 2), c-2 (s-2 with a-1, optional), r-3 (s-3 with a-2, required, after c-2), c-4 (s-4 with a-1, optional, s-4
     * only free in slot 2).
     */
    private static MeetingSchedule agencyEvent(int representatives) {
        List<Slot> slots = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            slots.add(new Slot(s, "day", 0, null, null));
        }
        List<Table> tables = List.of(new Table("T1", null, 0), new Table("T2", null, 1), new Table("T3", null, 2));
        List<Participant> participants = List.of(startup("s-1", 0, Set.of()), startup("s-2", 1, Set.of()),
                startup("s-3", 2, Set.of()), startup("s-4", 3, Set.of(1, 3, 4)),
                new Participant("a-1", 4, Role.AGENCY, null, representatives, 0, Participant.UNLIMITED, Set.of(),
                        null, List.of(), List.of()),
                new Participant("a-2", 5, Role.AGENCY, null, 1, 0, Participant.UNLIMITED, Set.of(), null, List.of(),
                        List.of()));
        Event event = new Event("agency", "Agency", null, 20, List.of(new Session("day", "1", null, null, 4, 1)),
                slots, tables, participants,
                List.of(new RequiredMeeting("r-1", "s-1", "a-1", null, 2, null, List.of()),
                        new RequiredMeeting("r-3", "s-3", "a-2", null, 0, null, List.of("c-2"))),
                List.of(), List.of(), Rules.DEFAULT);
        List<Meeting> required = Meetings.required(event);
        List<Meeting> meetings = List.of(required.get(0), optional(event, "c-2", "s-2", "a-1"), required.get(1),
                optional(event, "c-4", "s-4", "a-1"));
        return new MeetingSchedule(event, meetings);
    }

    private static Participant startup(String id, int index, Set<Integer> unavailable) {
        return new Participant(id, index, Role.STARTUP, null, 1, 0, Participant.UNLIMITED, unavailable, null,
                List.of(), List.of());
    }

    private static Meeting optional(Event event, String id, String first, String second) {
        Participant a = event.participant(first);
        Participant b = event.participant(second);
        return new Meeting(id, a, b, Origin.REQUEST, 400, 0.5, List.of(), null,
                Meetings.allowedSlots(event, a, b, null), event.tables(), List.of());
    }
}
