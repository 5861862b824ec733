package org.b2g.core.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Priority;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleFile.Placement;
import org.b2g.core.matching.EventBuilder;
import org.junit.jupiter.api.Test;

class OpeningsTest {

    /** Five slots, two tables; s-1 meets a-1 in slots 1 and 3 (T1), s-2 meets a-2 in slot 2 (T2). */
    private static MeetingSchedule schedule(EventBuilder builder) {
        Event event = builder.build();
        List<Meeting> meetings = new ArrayList<>();
        meetings.add(placed(event, "m-1", "s-1", "a-1", 1, "T1"));
        meetings.add(placed(event, "m-2", "s-2", "a-2", 2, "T2"));
        meetings.add(placed(event, "m-3", "s-1", "a-2", 3, "T1"));
        return new MeetingSchedule(event, meetings);
    }

    private static EventBuilder fiveSlots() {
        return EventBuilder.slots(5).tables(2).startup("s-1").startup("s-2").startup("s-3").agency("a-1")
                .agency("a-2").agency("a-3");
    }

    private static Meeting placed(Event event, String id, String a, String b, int slot, String table) {
        Meeting meeting = new Meeting(id, event.participant(a), event.participant(b), Origin.REQUEST, 1000, 0,
                List.of(), null, event.slots(), event.tables(), List.of());
        meeting.setSlot(event.slot(slot));
        meeting.setTable(event.table(table));
        return meeting;
    }

    @Test
    void ranksTheSlotThatClosesABreakFirst() {
        Openings.Result result = Openings.of(schedule(fiveSlots())).find("s-1", "a-2", 5);
        // s-1 meets a-2 already in slot 3: no new meeting for that pair.
        assertFalse(result.found());
        assertEquals("s-1 and a-2 already meet in slot 3", result.reason());

        Openings.Result forS2 = Openings.of(schedule(fiveSlots())).find("s-2", "a-1", 5);
        // a-1 is busy in slot 1; s-2 in slot 2. Slot 3 puts s-2 right after its meeting and a-1 with a gap (1 break);
        // slots 4 and 5 give each of them a break.
        assertEquals(List.of(3, 4, 5), forS2.openings().stream().map(o -> o.slot().index()).toList());
        assertEquals(List.of(1, 2, 2), forS2.openings().stream().map(Openings.Opening::breakChange).toList());

        // s-1 meets in slots 1 and 3: a meeting in slot 2 closes its break.
        Openings.Opening best = Openings.of(schedule(fiveSlots())).find("s-1", "a-3", 5).openings().get(0);
        assertEquals(2, best.slot().index());
        assertEquals(-1, best.breakChange());
    }

    @Test
    void picksAFreeTableNearWhereAParticipantSits() {
        Openings.Result result = Openings.of(schedule(fiveSlots())).find("s-3", "a-1", 5);
        Openings.Opening slot2 = result.openings().stream().filter(o -> o.slot().index() == 2).findFirst()
                .orElseThrow();
        // a-1 sits at T1 in slot 1, and T1 is free in slot 2.
        assertEquals("T1", slot2.table().id());
    }

    @Test
    void saysWhenAParticipantIsFullyBooked() {
        Openings.Result result = Openings.of(schedule(fiveSlots().limits("a-1", 1, 1))).find("s-2", "a-1", 3);
        assertEquals("a-1 is fully booked (1 of 1)", result.reason());
    }

    @Test
    void saysWhenNoSlotHasBothFree() {
        Openings.Result result = Openings.of(schedule(fiveSlots().unavailable("s-3", 2, 4, 5).unavailable("a-1", 3)))
                .find("s-3", "a-1", 3);
        assertEquals("no slot where both s-3 and a-1 are free", result.reason());
    }

    @Test
    void saysWhenTheTablesAreTaken() {
        MeetingSchedule full = schedule(fiveSlots().unavailable("s-3", 3, 4, 5));
        full.getMeetings().add(placed(full.getEvent(), "m-4", "s-3", "a-1", 2, "T1"));
        Openings.Result result = Openings.of(full).find("s-2", "a-1", 3);
        // s-2 is free in 1, 3, 4, 5; a-1 in 3, 4, 5 (busy 1 and 2): slots 3, 4 and 5 have tables.
        assertEquals(3, result.openings().size());
        Openings.Result none = Openings.of(schedule(fiveSlots().tables(1).unavailable("a-1", 2, 4, 5)))
                .find("s-3", "a-1", 3);
        assertEquals("no table is free in the 1 slot where both are free", none.reason());
    }

    @Test
    void respectsTheBreakCap() {
        Openings.Result result = Openings.of(schedule(fiveSlots().rules(0, 3, 0.2))).find("s-2", "a-1", 5);
        assertEquals(List.of(), result.openings().stream().filter(o -> o.breakChange() > 0).toList());
    }

    @Test
    void refusesAnExcludedPairUnknownPeopleAndMeetingOneself() {
        MeetingSchedule schedule = schedule(fiveSlots().exclude("s-2", "a-1").request("s-2", "a-1", Priority.HIGH));
        assertEquals("s-2 and a-1 must not meet (an exclusion)", Openings.of(schedule).find("s-2", "a-1", 1).reason());
        InputException unknown = assertThrows(InputException.class, () -> Openings.of(schedule).find("s-9", "a-1", 1));
        assertEquals("Unknown participant (s-9) in event test.", unknown.getMessage());
        assertThrows(InputException.class, () -> Openings.of(schedule).find("a-1", "a-1", 1));
    }

    @Test
    void findsAStoredMeetingBySlotTimeAfterASessionWasAddedBeforeIt() {
        // Published when 08:30 was slot 1; two slots at 07:30 and 07:50 come first now, so it is slot 3.
        Event event = org.b2g.core.io.EventJson.read("""
                {"format": "b2g-event/1",
                 "event": {"id": "day", "timeZone": "Asia/Ho_Chi_Minh", "slotMinutes": 20,
                           "sessions": [{"id": "early", "day": "2024-10-10", "start": "07:30", "slots": 2},
                                        {"id": "am", "day": "2024-10-10", "start": "08:30", "slots": 3}], "tables": 1},
                 "participants": [{"id": "s-1", "role": "startup"}, {"id": "s-2", "role": "startup"},
                                  {"id": "a-1", "role": "agency"}]}
                """, "event.json");
        org.b2g.core.io.ScheduleFile published = new org.b2g.core.io.ScheduleFile("day", null, List.of(
                new org.b2g.core.io.ScheduleFile.Placement("m-1", "s-1", "a-1", 1, "1", Origin.REQUEST,
                        "2024-10-10T08:30:00+07:00")));

        Openings.Result result = Openings.of(event, published, "published.json").find("s-2", "a-1", 5);

        assertEquals(List.of(1, 2, 4, 5), result.openings().stream().map(o -> o.slot().index()).sorted().toList());
    }

    /** Two sessions of three slots, two tables; s-1 must meet a-1 in the afternoon, s-2 meet a-2 in slot 5 at T2. */
    private static final Event TWO_SESSIONS = EventJson.read("""
            {"format": "b2g-event/1",
             "event": {"id": "day", "timeZone": "Asia/Ho_Chi_Minh", "slotMinutes": 20,
                       "sessions": [{"id": "am", "day": "2024-10-10", "start": "09:00", "slots": 3},
                                    {"id": "pm", "day": "2024-10-10", "start": "13:00", "slots": 3}],
                       "tables": [{"id": "T1"}, {"id": "T2"}]},
             "participants": [{"id": "s-1", "role": "startup"}, {"id": "s-2", "role": "startup"},
                              {"id": "s-3", "role": "startup"}, {"id": "a-1", "role": "agency"},
                              {"id": "a-2", "role": "agency"}],
             "meetings": [{"id": "m-pm", "participants": ["s-1", "a-1"], "session": "pm"},
                          {"id": "m-fixed", "participants": ["s-2", "a-2"], "fixedSlot": 5, "fixedTable": "T2"},
                          {"id": "m-first", "participants": ["s-3", "a-2"]},
                          {"id": "m-then", "participants": ["s-3", "a-1"], "after": ["m-first"]}]}
            """, "event.json");

    private static ScheduleFile publishedWith(Placement... placements) {
        return new ScheduleFile("day", null, List.of(placements));
    }

    private static List<Integer> slots(Openings.Result result) {
        return result.openings().stream().map(o -> o.slot().index()).sorted().toList();
    }

    @Test
    void aPairWhoseRequiredMeetingIsNotPlacedYetMeetsOnlyWhereThatMeetingMay() {
        Openings openings = Openings.of(TWO_SESSIONS, publishedWith(), "published.json");

        assertEquals(List.of(4, 5, 6), slots(openings.find("s-1", "a-1", 6)), "its session");
        assertEquals("their required meeting m-pm must take place in session pm",
                openings.at("s-1", "a-1", 2).reason());
        Openings.Result fixed = openings.find("s-2", "a-2", 6);
        assertEquals(List.of(5), slots(fixed), "its fixed slot");
        assertEquals("T2", fixed.openings().get(0).table().id(), "at its fixed table");
        assertEquals("their required meeting m-fixed is fixed in " + TWO_SESSIONS.slot(5),
                openings.at("s-2", "a-2", 4).reason());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), slots(openings.find("s-3", "a-1", 6)), "m-first is not placed");
    }

    @Test
    void aRequiredMeetingComesAfterThoseItFollowsWhereTheScheduleHoldsThem() {
        Openings openings = Openings.of(TWO_SESSIONS, publishedWith(new Placement("m-first", "s-3", "a-2", 4, "T1",
                Origin.REQUIRED, "2024-10-10T13:00:00+07:00")), "published.json");

        assertEquals(List.of(5, 6), slots(openings.find("s-3", "a-1", 6)));
        assertEquals("their required meeting m-then must come after m-first (" + TWO_SESSIONS.slot(4) + ")",
                openings.at("s-3", "a-1", 2).reason());
    }

    @Test
    void saysWhyOneSlotDoesNotFitByTheRuleThatFindsThemAll() {
        MeetingSchedule schedule = schedule(fiveSlots().unavailable("s-3", 4).tables(1));
        Openings openings = Openings.of(schedule);

        assertEquals("s-3 is not available then", openings.at("s-3", "a-1", 4).reason());
        assertEquals("a-1 has a meeting then", openings.at("s-3", "a-1", 1).reason());
        assertEquals("no table is free then", openings.at("s-3", "a-3", 3).reason());
        assertEquals("s-1 and a-1 already meet in slot 1", openings.at("s-1", "a-1", 5).reason());
        Openings.Result free = openings.at("s-3", "a-1", 5);
        assertEquals(openings.find("s-3", "a-1", 5).openings().stream().filter(o -> o.slot().index() == 5).toList(),
                free.openings());
        assertEquals("it has started", Openings.of(TWO_SESSIONS, publishedWith(), "published.json", Set.of(4))
                .at("s-1", "a-1", 4).reason());
        assertThrows(InputException.class, () -> openings.at("s-3", "a-1", 6));
    }
}
