package org.b2g.core.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleFile.Placement;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.junit.jupiter.api.Test;

/** Repairs that depend on the clock: slots that have started, a corrected time zone, slots renumbered. */
class RepairInTimeTest {

    private static final SolveOptions REPEATABLE = new SolveOptions(Duration.ofSeconds(20), 3L, 30_000L);

    /** Slots 1..4 at 08:30, 08:50, 09:10, 09:30 on 2024-10-10; s-1 asks a-1, s-2 asks a-2. */
    private static final String EVENT = """
            {"format": "b2g-event/1",
             "event": {"id": "day", "timeZone": "%s", "slotMinutes": 20,
                       "sessions": [%s{"id": "am", "day": "2024-10-10", "start": "08:30", "slots": 4}], "tables": 2},
             "participants": [{"id": "s-1", "role": "startup"%s}, {"id": "s-2", "role": "startup"},
                              {"id": "a-1", "role": "agency"%s}, {"id": "a-2", "role": "agency"}],
             "requests": [{"from": "s-1", "to": "a-1"}%s]}
            """;

    private static final String ZONE = "Asia/Ho_Chi_Minh";
    /** s-2's request, without which its published meeting with a-2 has no reason to stand. */
    private static final String S2 = ", {\"from\": \"s-2\", \"to\": \"a-2\"}";

    /** s-1 + a-1 in slot 1 (08:30), s-2 + a-2 in slot 2 (08:50), both at table 1, as this engine writes them. */
    private static final ScheduleFile PUBLISHED = published("+07:00", "08:30", "08:50");

    private static ScheduleFile published(String offset, String first, String second) {
        return new ScheduleFile("day", null, List.of(
                new Placement("c-s-1-a-1", "s-1", "a-1", 1, "1", Origin.REQUEST, "2024-10-10T" + first + ":00" + offset),
                new Placement("c-s-2-a-2", "s-2", "a-2", 2, "1", Origin.REQUEST,
                        "2024-10-10T" + second + ":00" + offset)));
    }

    private static Event event(String zone, String earlierSession, String s1, String a1, String moreRequests) {
        return EventJson.read(EVENT.formatted(zone, earlierSession, s1, a1, moreRequests), "event.json");
    }

    private static Event event(String a1, String moreRequests) {
        return event(ZONE, "", "", a1, moreRequests);
    }

    private record Result(RepairPlan plan, MeetingSchedule solved, Changes changes) {
        Meeting meeting(String a, String b) {
            return solved.getMeetings().stream().filter(m -> m.isScheduled()
                    && m.involves(solved.getEvent().participant(a)) && m.involves(solved.getEvent().participant(b)))
                    .findFirst().orElse(null);
        }
    }

    private static Result repair(Event event, ScheduleFile published, Instant now) {
        RepairPlan plan = Repair.plan(event, published, RepairMode.MINIMAL, "published.json", now);
        MeetingSchedule solved = Scheduler.create(REPEATABLE).solve(plan.problem(), progress -> { });
        return new Result(plan, solved, ChangeReport.of(plan, solved));
    }

    @Test
    void aRepairAfterTheEventKeepsEveryPublishedMeetingAndPlacesNothingNew() {
        // a-1 can no longer attend slot 1, and s-1 now must meet a-2: before the event both would change the schedule.
        Event changed = event(", \"unavailableSlots\": [1]",
                ", {\"from\": \"s-1\", \"to\": \"a-2\", \"priority\": \"must\"}, {\"from\": \"s-2\", \"to\": \"a-2\"}");

        Result result = repair(changed, PUBLISHED, Instant.parse("2024-10-11T02:00:00Z"));

        assertEquals(2, result.changes().kept());
        assertEquals(List.of(), result.changes().moved());
        assertEquals(List.of(), result.changes().added());
        assertEquals(List.of(), result.changes().cancelled());
        assertEquals(0, result.solved().getScore().hardScore());
        assertTrue(result.plan().notes().get(0).startsWith("the event is over at 2024-10-11T09:00+07:00 (all 4 slots"
                + " have started, the last slot 4 at 2024-10-10 09:30 Asia/Ho_Chi_Minh): the 2 published meetings"
                + " there stay where they were and nothing new can be placed"), result.plan().notes().get(0));
    }

    @Test
    void theSameChangesBeforeTheEventMoveTheMeetingAndAddTheMustMeeting() {
        Event changed = event(", \"unavailableSlots\": [1]",
                ", {\"from\": \"s-1\", \"to\": \"a-2\", \"priority\": \"must\"}, {\"from\": \"s-2\", \"to\": \"a-2\"}");

        Result result = repair(changed, PUBLISHED, Instant.parse("2024-10-01T00:00:00Z"));

        assertEquals(1, result.changes().moved().size());
        assertEquals(1, result.changes().added().size());
        assertEquals(List.of(), result.plan().notes());
    }

    @Test
    void onTheDayAStartedSlotKeepsItsMeetingsWhateverChangedAndTakesNoNewOne() {
        // At 09:00 slots 1 and 2 have started. Since publication a-1 says it cannot attend slot 1 and s-2's
        // request was withdrawn; s-1 now must meet a-2, which table 2 would allow in slot 2, but that is past.
        Event changed = event(", \"unavailableSlots\": [1]",
                ", {\"from\": \"s-1\", \"to\": \"a-2\", \"priority\": \"must\"}");

        Result result = repair(changed, PUBLISHED, Instant.parse("2024-10-10T02:00:00Z"));

        assertEquals(2, result.changes().kept(), () -> result.changes().toString());
        assertEquals(List.of(), result.changes().moved());
        assertEquals(List.of(), result.changes().cancelled());
        Meeting must = result.meeting("s-1", "a-2");
        assertTrue(must != null && must.getSlot().index() >= 3, () -> "the must meeting is at " + must);
        for (Meeting m : result.solved().getMeetings()) {
            if (m.isScheduled() && m.getSlot().index() <= 2) {
                assertTrue(m.isPinned(), () -> m + " was placed in a slot that has started");
            }
        }
        assertTrue(result.plan().notes().get(0).startsWith("2 of 4 slots have started at 2024-10-10T09:00+07:00"),
                result.plan().notes().get(0));
        assertEquals(0, result.solved().getScore().hardScore());
    }

    @Test
    void aStartedSlotKeepsTheMeetingOfAPairExcludedSinceAndOnlyItsFutureMeetingsAreCancelled() {
        // At 09:00 slots 1 and 2 have started. Since publication both pairs were excluded: s-1 + a-1 met in slot 1,
        // which stays history; s-2 + a-2, published in slot 3, no longer takes place.
        ScheduleFile published = new ScheduleFile("day", null, List.of(
                new Placement("c-s-1-a-1", "s-1", "a-1", 1, "1", Origin.REQUEST, "2024-10-10T08:30:00+07:00"),
                new Placement("c-s-2-a-2", "s-2", "a-2", 3, "1", Origin.REQUEST, "2024-10-10T09:10:00+07:00")));
        Event excluded = EventJson.read(EVENT.formatted(ZONE, "", "", "", S2).replace("\"requests\"",
                "\"exclusions\": [{\"participants\": [\"a-1\", \"s-1\"]}, {\"participants\": [\"s-2\", \"a-2\"],"
                        + " \"reason\": \"conflict of interest\"}], \"requests\""), "event.json");

        Result result = repair(excluded, published, Instant.parse("2024-10-10T02:00:00Z"));

        assertEquals(1, result.changes().kept(), () -> result.changes().toString());
        assertEquals(List.of("c-s-2-a-2"), result.changes().cancelled().stream().map(Changes.Cancelled::id).toList());
        assertEquals("s-2 and a-2 must no longer meet (conflict of interest)",
                result.changes().cancelled().get(0).reason());
        Meeting past = result.meeting("s-1", "a-1");
        assertTrue(past != null && past.getSlot().index() == 1 && past.isPinned(), () -> "s-1 + a-1 is " + past);
        assertEquals(List.of(), result.changes().added());
        assertEquals(0, result.solved().getScore().hardScore(), () -> result.solved().getScore().toString());
    }

    @Test
    void aRequiredMeetingThatTookPlaceStaysAsHeldWhenItIsLaterFixedToAnotherTableOrSession() {
        // At 09:00 slots 1 and 2 have started. m-1 took place in slot 1 at table 1, m-2 in slot 2 at table 1; since
        // then the organizer fixed m-1 to table 2 and bound m-2 to a new afternoon session.
        ScheduleFile published = new ScheduleFile("day", null, List.of(
                new Placement("m-1", "s-1", "a-1", 1, "1", Origin.REQUIRED, "2024-10-10T08:30:00+07:00"),
                new Placement("m-2", "s-2", "a-2", 2, "1", Origin.REQUIRED, "2024-10-10T08:50:00+07:00")));
        Event changed = EventJson.read(EVENT.formatted(ZONE, "", "", "", "")
                .replace("\"slots\": 4}]", "\"slots\": 4}, {\"id\": \"pm\", \"day\": \"2024-10-10\", \"start\":"
                        + " \"13:30\", \"slots\": 2}]")
                .replace("\"requests\"", "\"meetings\": [{\"id\": \"m-1\", \"participants\": [\"s-1\", \"a-1\"],"
                        + " \"fixedTable\": \"2\"}, {\"id\": \"m-2\", \"participants\": [\"s-2\", \"a-2\"],"
                        + " \"session\": \"pm\"}], \"requests\""), "event.json");

        Result result = repair(changed, published, Instant.parse("2024-10-10T02:00:00Z"));

        assertEquals(2, result.changes().kept(), () -> result.changes().toString());
        assertEquals("1", result.meeting("s-1", "a-1").getTable().id());
        assertEquals(2, result.meeting("s-2", "a-2").getSlot().index());
        assertEquals(0, result.solved().getScore().hardScore(), () -> result.solved().getScore().toString());
    }

    @Test
    void aCorrectedTimeZoneKeepsEveryMeetingInItsSlotOfTheDay() {
        // Published at +07:00; the organizer then finds the event was entered in the wrong zone and says UTC.
        Event corrected = event("UTC", "", "", "", S2);

        Result result = repair(corrected, PUBLISHED, null);

        assertEquals(2, result.changes().kept());
        assertEquals(List.of(), result.changes().moved());
        assertEquals(List.of(), result.changes().cancelled());
        assertEquals(List.of("the published times are at +07:00 and the event's time zone (UTC) now puts them at Z:"
                + " each meeting keeps its slot and time of day (a corrected time zone), so its instant moves by +7 h;"
                + " calendars in other zones will show the corrected time"), result.plan().notes());
    }

    @Test
    void aScheduleAnotherToolWroteInUtcIsReadByInstant() {
        // 01:30Z and 01:50Z are 08:30 and 08:50 in Ho Chi Minh City.
        ScheduleFile utc = published("Z", "01:30", "01:50");
        Event same = event("", S2);

        assertFalse(utc.readsWallClock(same));
        Result result = repair(same, utc, null);

        assertEquals(2, result.changes().kept());
        assertEquals(List.of(), result.plan().notes());
    }

    @Test
    void warnsWhenASessionAddedBeforeTheOthersShiftsWhatUnavailableSlotsMean() {
        // Two slots at 07:30 and 07:50 come first now: the published slot 1 (08:30) is slot 3, and s-1's
        // "unavailableSlots": [3], written for 09:10, now means 08:30.
        Event renumbered = event(ZONE, "{\"id\": \"early\", \"day\": \"2024-10-10\", \"start\": \"07:30\", \"slots\": 2},",
                ", \"unavailableSlots\": [3]", "", S2);

        RepairPlan plan = Repair.plan(renumbered, PUBLISHED, RepairMode.MINIMAL, "published.json", null);

        assertEquals(List.of("the slots were renumbered since the schedule was published (its slot 1 is now slot 3 at"
                + " 2024-10-10 08:30): unavailableSlots are slot numbers, so the same numbers now mean other times",
                "s-1: unavailableSlots 3 now mean 08:30-08:50; at the published numbering they meant 09:10-09:30, now"
                        + " slots 5; check which s-1 means"), plan.warnings());
    }

    @Test
    void noWarningWhenTheNumberingStands() {
        Event same = event(ZONE, "", ", \"unavailableSlots\": [3]", "", S2);

        assertEquals(List.of(), Repair.plan(same, PUBLISHED, RepairMode.MINIMAL, "published.json", null).warnings());
    }
}
