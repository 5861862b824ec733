package org.b2g.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.matching.Explanations;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

class ScheduleJsonTest {

    /**
     * The completed example of docs/formats.md: required m-1 (fixed to slot 3) at T01, required m-0 left out, and a
     * requested meeting of s-001 and a-dost in the first afternoon slot at T02.
     */
    static MeetingSchedule example() throws IOException {
        Event event = EventJson.read(EventJsonTest.resource("formats-example-completed.json"), "event.json");
        List<Meeting> meetings = new ArrayList<>(Meetings.required(event));
        Participant startup = event.participant("s-001");
        Participant agency = event.participant("a-dost");
        meetings.add(new Meeting("c-1", startup, agency, Origin.REQUEST, 10, 0.82,
                List.of("both tagged smart-traffic"), null, Meetings.allowedSlots(event, startup, agency, null),
                event.tables(), List.of()));
        MeetingSchedule schedule = new MeetingSchedule(event, meetings);
        place(schedule, "c-1", 11, "T02");
        place(schedule, "m-1", 3, "T01");
        schedule.setScore(HardMediumSoftLongScore.of(-1, -40, -7));
        return schedule;
    }

    static void place(MeetingSchedule schedule, String id, int slot, String table) {
        Meeting meeting = schedule.getMeetings().stream().filter(m -> m.getId().equals(id)).findFirst().orElseThrow();
        meeting.setSlot(schedule.getEvent().slot(slot));
        meeting.setTable(schedule.getEvent().table(table));
    }

    @Test
    void writesTheGoldenScheduleOfTheFormatsExample() throws IOException {
        assertEquals(EventJsonTest.resource("formats-example-schedule.json"), ScheduleJson.write(example()));
    }

    @Test
    void writesTimesWithTheOffsetOfTheEventsTimeZone() throws IOException {
        JsonObject first = ScheduleJson.toJson(example()).getJsonArray("meetings").getJsonObject(0);
        assertEquals("m-1", first.getString("id"), "sorted by slot: slot 3 before slot 11");
        assertEquals("2024-10-10T09:10:00+07:00", first.getString("start"));
        assertEquals("2024-10-10T09:30:00+07:00", first.getString("end"));
    }

    @Test
    void listsAnUnscheduledRequiredMeetingUnderItsInputIdWithOriginRequired() throws IOException {
        JsonObject left = ScheduleJson.toJson(example()).getJsonArray("unscheduled").getJsonObject(0);
        assertEquals("m-0", left.getString("id"));
        assertEquals("required", left.getString("origin"));
        assertEquals("not placed, although slot 4 (09:30) was open for both and a table was free",
                left.getString("reason"));
    }

    @Test
    void writesTheScoreAndTheMetrics() throws IOException {
        JsonObject json = ScheduleJson.toJson(example());
        assertEquals("-1hard/-40medium/-7soft", json.getString("score"));
        JsonObject metrics = json.getJsonObject("metrics");
        assertEquals(2, metrics.getInt("scheduled"));
        assertEquals(1, metrics.getInt("requiredUnscheduled"));
        assertEquals(2, metrics.getInt("breaks"), "s-001 and a-dost both meet in slots 3 and 11 of one day");
        assertEquals(1, metrics.getInt("participantsWithoutMeetings"), "s-002 has none");
    }

    @Test
    void sortsMeetingsBySlotThenTable() {
        Event event = DznReaderTest.small();
        MeetingSchedule schedule = new MeetingSchedule(event, Meetings.required(event));
        place(schedule, "1", 2, "2");
        place(schedule, "2", 2, "1");
        place(schedule, "3", 1, "2");
        List<String> order = ScheduleJson.toJson(schedule).getJsonArray("meetings").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of("3", "2", "1"), order);
    }

    @Test
    void omitsClockTimesAndScoreWhenTheEventHasNone() {
        Event event = DznReaderTest.small();
        MeetingSchedule schedule = new MeetingSchedule(event, Meetings.required(event));
        place(schedule, "1", 1, "1");
        JsonObject json = ScheduleJson.toJson(schedule);
        assertFalse(json.containsKey("score"));
        JsonObject meeting = json.getJsonArray("meetings").getJsonObject(0);
        assertFalse(meeting.containsKey("start"));
        assertEquals(1, meeting.getInt("slot"));
    }

    @Test
    void readsBackWhatItWroteAndPlacesItOnFreshMeetings() throws IOException {
        MeetingSchedule original = example();
        String text = ScheduleJson.write(original);
        ScheduleFile file = ScheduleJson.read(text, "schedule.json");
        assertEquals("hcmc-dx-day-2024", file.event());
        assertEquals("-1hard/-40medium/-7soft", file.score());
        assertEquals(List.of(
                new ScheduleFile.Placement("m-1", "s-001", "a-dost", 3, "T01", Origin.REQUIRED,
                        "2024-10-10T09:10:00+07:00"),
                new ScheduleFile.Placement("c-1", "s-001", "a-dost", 11, "T02", Origin.REQUEST,
                        "2024-10-10T13:30:00+07:00")), file.meetings());

        MeetingSchedule fresh = example();
        fresh.getMeetings().forEach(m -> m.setSlot(null));
        assertEquals(List.of(), file.applyTo(fresh, "schedule.json"));
        assertEquals(text, ScheduleJson.write(fresh));
    }

    @Test
    void reportsPlacementsThatMatchNoMeeting() throws IOException {
        ScheduleFile file = ScheduleJson.read(ScheduleJson.write(example()).replace("\"c-1\"", "\"c-9\""), "s.json");
        MeetingSchedule fresh = example();
        List<ScheduleFile.Placement> unmatched = file.applyTo(fresh, "s.json");
        assertEquals(List.of("c-9"), unmatched.stream().map(ScheduleFile.Placement::id).toList());
    }

    @Test
    void rejectsAScheduleOfAnotherFormat() {
        InputException e = assertThrows(InputException.class,
                () -> ScheduleJson.read("{\"format\": \"b2g-event/1\", \"meetings\": []}", "s.json"));
        assertEquals("s.json: format (\"b2g-event/1\") is not supported; expected \"b2g-schedule/1\".",
                e.getMessage());
    }

    @Test
    void rejectsAPlacementOutsideTheEventsSlotsOrTables() throws IOException {
        String text = ScheduleJson.write(example());
        ScheduleFile lateSlot = ScheduleJson.read(text.replace("\"slot\": 11", "\"slot\": 21"), "s.json");
        InputException e = assertThrows(InputException.class, () -> lateSlot.applyTo(example(), "s.json"));
        assertEquals("s.json: meetings[1].slot (21) is outside 1..20.", e.getMessage());
        ScheduleFile badTable = ScheduleJson.read(text.replace("\"T02\"", "\"T99\""), "s.json");
        e = assertThrows(InputException.class, () -> badTable.applyTo(example(), "s.json"));
        assertEquals("s.json: meetings[1].table: unknown table \"T99\".", e.getMessage());
    }

    @Test
    void refusesToPlaceAMeetingWhoseSlotNumberNoLongerMeansTheTimeWritten() throws IOException {
        String text = ScheduleJson.write(example());
        ScheduleFile renumbered = ScheduleJson.read(text.replace("09:10:00+07:00", "09:30:00+07:00"), "s.json");
        InputException e = assertThrows(InputException.class, () -> renumbered.applyTo(example(), "s.json"));
        assertEquals("s.json: meetings[0].slot (3): the slot at 2024-10-10T09:30:00+07:00 is slot 4 now; the slots"
                + " were renumbered since the schedule was written.", e.getMessage());
        ScheduleFile gone = ScheduleJson.read(text.replace("09:10:00+07:00", "09:12:00+07:00"), "s.json");
        e = assertThrows(InputException.class, () -> gone.applyTo(example(), "s.json"));
        assertEquals("s.json: meetings[0].start (2024-10-10T09:12:00+07:00): no slot of the event starts then (its"
                + " slot 3 is at 2024-10-10T09:10 now); the sessions changed since the schedule was written.",
                e.getMessage());
    }

    @Test
    void rejectsTextAfterTheEndOfTheSchedule() {
        InputException e = assertThrows(InputException.class, () -> ScheduleJson.read(
                "{\"format\": \"b2g-schedule/1\", \"event\": \"e\", \"meetings\": []}\n]", "s.json"));
        assertEquals("s.json:2:1: text after the end of the JSON document, at offset 59 (]); expected one JSON"
                + " document only.", e.getMessage());
    }

    @Test
    void rejectsAMeetingListedTwice() {
        InputException e = assertThrows(InputException.class, () -> ScheduleJson.read("""
                {"format": "b2g-schedule/1", "event": "e",
                 "meetings": [{"id": "m-1", "participants": ["1", "2"], "slot": 1},
                              {"id": "m-1", "participants": ["1", "2"], "slot": 1}]}""", "s.json"));
        assertEquals("s.json: meetings[1].id: duplicate meeting id \"m-1\" (also at meetings[0]).", e.getMessage());
    }

    @Test
    void rejectsAMeetingOfAParticipantWithItselfInsteadOfCrashingTheRepair() {
        InputException e = assertThrows(InputException.class, () -> ScheduleJson.read("""
                {"format": "b2g-schedule/1", "event": "e",
                 "meetings": [{"id": "m-1", "participants": ["s-1", "s-1"], "slot": 1}]}""", "s.json"));
        assertEquals("s.json: meetings[0].participants: a meeting of \"s-1\" with itself; expected the ids of two"
                + " different participants.", e.getMessage());
    }

    @Test
    void rejectsAStartThatIsNoDateAndTimeAndReadsLocalAndOffsetOnes() {
        String meeting = "{\"format\": \"b2g-schedule/1\", \"event\": \"e\", \"meetings\": [{\"id\": \"m-1\","
                + " \"participants\": [\"1\", \"2\"], \"slot\": 1, \"start\": \"%s\"}]}";
        InputException e = assertThrows(InputException.class,
                () -> ScheduleJson.read(meeting.formatted("10/10/2024 09:10"), "s.json"));
        assertEquals("s.json: meetings[0].start (\"10/10/2024 09:10\") is not a date and time; expected one such as"
                + " \"2024-10-10T09:10:00+07:00\", as a schedule writes it.", e.getMessage());
        assertEquals("2024-10-10T09:10:00+07:00",
                ScheduleJson.read(meeting.formatted("2024-10-10T09:10:00+07:00"), "s.json").meetings().get(0).start());
        assertEquals("2024-10-10T09:10:00",
                ScheduleJson.read(meeting.formatted("2024-10-10T09:10:00"), "s.json").meetings().get(0).start());
    }

    @Test
    void rejectsAStartBeyondFourDigitYearsInsteadOfCrashingTheRepair() {
        String meeting = "{\"format\": \"b2g-schedule/1\", \"event\": \"e\", \"meetings\": [{\"id\": \"m-1\","
                + " \"participants\": [\"1\", \"2\"], \"slot\": 1, \"start\": \"%s\"}]}";
        InputException e = assertThrows(InputException.class,
                () -> ScheduleJson.read(meeting.formatted("+999999999-12-31T23:59:59-18:00"), "s.json"));
        assertEquals("s.json: meetings[0].start (\"+999999999-12-31T23:59:59-18:00\") is not a date and time;"
                + " expected one such as \"2024-10-10T09:10:00+07:00\", as a schedule writes it.", e.getMessage());
    }

    @Test
    void rejectsAPlacementWithoutSlot() {
        InputException e = assertThrows(InputException.class, () -> ScheduleJson.read("""
                {"format": "b2g-schedule/1", "event": "e",
                 "meetings": [{"id": "1", "participants": ["1", "2"], "table": "1"}]}""", "s.json"));
        assertEquals("s.json: meetings[0].slot is missing; expected a whole number.", e.getMessage());
    }

    @Test
    void explainsAnUnscheduledMeetingWhoseParticipantIsFullyBooked() {
        Event event = DznReaderTest.small();
        Participant one = event.participant("1");
        Participant capped = new Participant("1", 0, one.role(), null, 1, 0, 1, one.unavailableSlots(), null,
                List.of(), List.of());
        List<Participant> participants = new ArrayList<>(event.participants());
        participants.set(0, capped);
        Event cappedEvent = new Event(event.id(), event.name(), null, 0, event.sessions(), event.slots(),
                event.tables(), participants, event.meetings(), List.of(), List.of(), event.rules());
        MeetingSchedule schedule = new MeetingSchedule(cappedEvent, Meetings.required(cappedEvent));
        place(schedule, "1", 1, "1");
        Meeting left = schedule.getMeetings().get(1);
        assertNull(left.getSlot());
        assertEquals("1 is fully booked (1 of 1)", Explanations.whyUnscheduled(schedule, left));
    }

    @Test
    void explainsAnUnscheduledMeetingWhenEveryCommonSlotIsTaken() {
        Event event = DznReaderTest.small();
        MeetingSchedule schedule = new MeetingSchedule(event, Meetings.required(event));
        place(schedule, "1", 1, "1");
        place(schedule, "3", 2, "1");
        String reason = Explanations.whyUnscheduled(schedule, schedule.getMeetings().get(1));
        assertTrue(reason.contains("slot"), reason);
    }
}
