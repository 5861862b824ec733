package org.b2g.core.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.EventBuilder;
import org.b2g.core.matching.Relevance;
import org.b2g.core.repair.PublishedMeeting.Status;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.search.KernelPhase;
import org.junit.jupiter.api.Test;

class RepairTest {

    private static final SolveOptions REPEATABLE = new SolveOptions(Duration.ofSeconds(20), 3L, 30_000L);

    /** Two slots, one table: s-1 meets a-1 in slot 1 as published; slot 2 is free. */
    private static EventBuilder twoSlotsOneTable() {
        return EventBuilder.slots(2).tables(1)
                .startup("s-1").startup("s-2").agency("a-1").agency("a-2")
                .request("s-1", "a-1", Priority.NORMAL);
    }

    private static final ScheduleFile S1_A1_IN_SLOT_1 = published(
            new Placement("c-s-1-a-1", "s-1", "a-1", 1, "T1", Origin.REQUEST));

    private static ScheduleFile published(Placement... placements) {
        return new ScheduleFile("test", null, List.of(placements));
    }

    private static Result repair(Event event, ScheduleFile published, RepairMode mode) {
        RepairPlan plan = Repair.plan(event, published, mode, "published.json");
        MeetingSchedule solved = Scheduler.create(REPEATABLE).solve(plan.problem(), progress -> { });
        return new Result(plan, solved, ChangeReport.of(plan, solved));
    }

    private record Result(RepairPlan plan, MeetingSchedule solved, Changes changes) {
        boolean meetingScheduledBetween(String a, String b) {
            return solved.getMeetings().stream().anyMatch(m -> m.isScheduled()
                    && m.involves(solved.getEvent().participant(a)) && m.involves(solved.getEvent().participant(b)));
        }

        Meeting meeting(String a, String b) {
            return solved.getMeetings().stream().filter(m -> m.involves(solved.getEvent().participant(a))
                    && m.involves(solved.getEvent().participant(b))).findFirst().orElseThrow();
        }
    }

    @Test
    void keepsEveryMeetingWhenNothingChanged() {
        Event event = EventBuilder.slots(4).tables(2)
                .startup("s-1").startup("s-2").startup("s-3").agency("a-1").agency("a-2")
                .request("s-1", "a-1", Priority.NORMAL).request("s-2", "a-1", Priority.HIGH)
                .request("s-3", "a-2", Priority.NORMAL).request("a-2", "s-1", Priority.NORMAL)
                .build();
        MeetingSchedule first = Scheduler.create(REPEATABLE)
                .solve(new MeetingSchedule(event, org.b2g.core.matching.Candidates.forEvent(event)), p -> { });
        ScheduleFile published = ScheduleJson.read(ScheduleJson.write(first), "published.json");

        Result result = repair(event, published, RepairMode.MINIMAL);

        assertEquals(published.meetings().size(), result.changes().kept());
        assertEquals(List.of(), result.changes().moved());
        assertEquals(List.of(), result.changes().cancelled());
        assertEquals(List.of(), result.changes().added());
        assertEquals(Map.of(), result.changes().participants());
        assertEquals(0, result.solved().getScore().hardScore());
    }

    @Test
    void movesAMeetingWhoseParticipantIsNoLongerAvailableAndSaysWhy() {
        Event event = twoSlotsOneTable().unavailable("a-1", 1).build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL);

        assertEquals(Status.AFFECTED, result.plan().published().get(0).status());
        Changes.Moved moved = result.changes().moved().get(0);
        assertEquals(1, moved.from().slot());
        assertEquals(2, moved.to().slot());
        assertEquals("a-1 is no longer available in slot 1", moved.reason());
        assertEquals(new Changes.Tally(0, 1, 0, 0), result.changes().participants().get("a-1"));
    }

    @Test
    void cancelsTheMeetingsOfAParticipantWhoLeft() {
        Event event = EventBuilder.slots(2).tables(1).startup("s-2").agency("a-1").agency("a-2").build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL);

        Changes.Cancelled cancelled = result.changes().cancelled().get(0);
        assertEquals(List.of("s-1", "a-1"), cancelled.participants());
        assertEquals("s-1 no longer takes part in the event", cancelled.reason());
        assertEquals(Status.GONE, result.plan().published().get(0).status());
    }

    @Test
    void cancelsAMeetingWhoseRequestWasWithdrawn() {
        Event event = EventBuilder.slots(2).tables(1).startup("s-1").agency("a-1").build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL);

        assertEquals("the request to meet was withdrawn", result.changes().cancelled().get(0).reason());
        assertFalse(result.meetingScheduledBetween("s-1", "a-1"));
    }

    @Test
    void cancelsAMeetingOfAPairNowExcluded() {
        Event event = twoSlotsOneTable().exclude("s-1", "a-1").build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.FREEZE);

        assertTrue(result.changes().cancelled().get(0).reason().startsWith("s-1 and a-1 must no longer meet"));
    }

    @Test
    void minimalMovesAPublishedMeetingForAMustRequest() {
        // s-2 can only come in slot 1, where the one table holds s-1 + a-1: only moving that meeting makes room.
        Event event = twoSlotsOneTable().unavailable("s-2", 2).request("s-2", "a-2", Priority.MUST).build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL);

        assertEquals(1, result.meeting("s-2", "a-2").getSlot().index());
        Changes.Moved moved = result.changes().moved().get(0);
        assertEquals(List.of("s-1", "a-1"), moved.participants());
        assertEquals("to free table T1 in slot 1 for the must meeting s-2 + a-2", moved.reason());
        assertEquals(1, result.changes().added().size());
    }

    @Test
    void aStandingMeetingIsNotCancelledToSaveOneTheChangeBroke() {
        // Published: s-1 + a-1 in slot 1, s-2 + a-1 in slot 2. Now s-1 can only come in slot 2 and
        // s-2 only in slot 2: one of the two meetings with a-1 must go. The one the change broke goes, not the
        // standing one, even though cancelling the standing one would let s-2 meet a-2 as it now asks.
        Event event = EventBuilder.slots(2).tables(2)
                .startup("s-1").startup("s-2").agency("a-1").agency("a-2")
                .request("s-1", "a-1", Priority.NORMAL).request("s-2", "a-1", Priority.NORMAL)
                .request("s-2", "a-2", Priority.HIGH)
                .unavailable("s-1", 1).unavailable("s-2", 1).build();
        ScheduleFile published = published(new Placement("c-s-1-a-1", "s-1", "a-1", 1, "T1", Origin.REQUEST),
                new Placement("c-s-2-a-1", "s-2", "a-1", 2, "T1", Origin.REQUEST));

        Result result = repair(event, published, RepairMode.MINIMAL);

        assertEquals(1, result.changes().kept());
        assertEquals(2, result.meeting("s-2", "a-1").getSlot().index());
        Changes.Cancelled cancelled = result.changes().cancelled().get(0);
        assertEquals(List.of("s-1", "a-1"), cancelled.participants());
        assertTrue(cancelled.reason().startsWith("s-1 is no longer available in slot 1"), cancelled.reason());
    }

    @Test
    void aStandingMeetingCancelledForARequiredOneSaysWhatTookItsPlace() {
        // s-2 and a-1 must now meet, and s-2 can only come in slot 1, where a-1 meets s-1, who cannot come later.
        Event event = twoSlotsOneTable().unavailable("s-1", 2).unavailable("s-2", 2).required("m-new", "s-2", "a-1")
                .build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL);

        Changes.Cancelled cancelled = result.changes().cancelled().get(0);
        assertEquals(List.of("s-1", "a-1"), cancelled.participants());
        assertTrue(cancelled.reason().startsWith("to make room for the required meeting s-2 + a-1 in slot 1; "),
                cancelled.reason());
    }

    @Test
    void minimalDoesNotMoveAPublishedMeetingForAnOrdinaryRequest() {
        Event event = twoSlotsOneTable().unavailable("s-2", 2).request("s-2", "a-1", Priority.HIGH).build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL);

        assertEquals(1, result.changes().kept());
        assertEquals(List.of(), result.changes().moved());
        assertFalse(result.meetingScheduledBetween("s-2", "a-1"));
    }

    @Test
    void freezeKeepsAPublishedMeetingEvenAgainstAMustRequest() {
        Event event = twoSlotsOneTable().unavailable("s-2", 2).request("s-2", "a-2", Priority.MUST).build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.FREEZE);

        assertEquals(1, result.changes().kept());
        assertEquals(List.of(), result.changes().moved());
        assertFalse(result.meetingScheduledBetween("s-2", "a-2"));
    }

    @Test
    void addsNewRequestsAroundPublishedMeetings() {
        Event event = twoSlotsOneTable().request("s-2", "a-2", Priority.NORMAL).build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.FREEZE);

        assertEquals(1, result.changes().kept());
        Changes.Added added = result.changes().added().get(0);
        assertEquals(List.of("s-2", "a-2"), added.participants());
        assertEquals(2, added.at().slot());
        assertEquals(Origin.REQUEST, added.origin());
    }

    @Test
    void matchesARequiredMeetingByIdAndKeepsItsSlot() {
        Event event = EventBuilder.slots(3).tables(2).company("x").company("y")
                .required("m-1", "x", "y").required("m-2", "x", "y").build();
        ScheduleFile published = published(new Placement("m-2", "x", "y", 3, "T2", Origin.REQUIRED),
                new Placement("m-1", "x", "y", 1, "T1", Origin.REQUIRED));

        Result result = repair(event, published, RepairMode.MINIMAL);

        assertEquals(2, result.changes().kept());
        assertEquals(3, result.solved().getMeetings().stream().filter(m -> m.getId().equals("m-2")).findFirst()
                .orElseThrow().getSlot().index());
    }

    @Test
    void cancelsOnlyTheWeakestMeetingsBeyondALowerMaximum() {
        Event event = EventBuilder.slots(3).tables(2).startup("s-1").agency("a-1").agency("a-2")
                .request("s-1", "a-1", Priority.MUST).request("s-1", "a-2", Priority.NORMAL)
                .limits("s-1", 1, 1).build();
        ScheduleFile published = published(new Placement("c-1", "s-1", "a-2", 1, "T1", Origin.REQUEST),
                new Placement("c-2", "s-1", "a-1", 2, "T1", Origin.MUST));

        Result result = repair(event, published, RepairMode.FREEZE);

        assertEquals(Status.AFFECTED, result.plan().published().get(0).status());
        assertEquals("s-1 now takes at most 1 meeting", result.plan().published().get(0).reason());
        assertEquals(List.of("s-1", "a-2"), result.changes().cancelled().get(0).participants());
        assertEquals(1, result.changes().kept());
        assertEquals(0, result.solved().getScore().hardScore());
    }

    @Test
    void whenAnAgencySendsFewerRepresentativesTheMeetingFixedToTheSlotStaysAndTheOtherMoves() {
        // a-1 held both meetings in slot 1 with two representatives; now it sends one. m-2 is fixed there, m-1 is not.
        Event event = EventJson.read("""
                {"format": "b2g-event/1",
                 "event": {"id": "test", "slotMinutes": 20, "sessions": [{"id": "s", "slots": 2}], "tables": 2},
                 "participants": [{"id": "s-1", "role": "startup"}, {"id": "s-2", "role": "startup"},
                                  {"id": "a-1", "role": "agency"}],
                 "meetings": [{"id": "m-1", "participants": ["s-1", "a-1"]},
                              {"id": "m-2", "participants": ["s-2", "a-1"], "fixedSlot": 1}]}
                """, "event.json");
        ScheduleFile published = published(new Placement("m-1", "s-1", "a-1", 1, "1", Origin.REQUIRED),
                new Placement("m-2", "s-2", "a-1", 1, "2", Origin.REQUIRED));

        Result result = repair(event, published, RepairMode.FREEZE);

        assertEquals(Status.AFFECTED, result.plan().published().get(0).status());
        assertEquals("a-1 now sends 1 representative", result.plan().published().get(0).reason());
        assertEquals(Status.UNAFFECTED, result.plan().published().get(1).status());
        assertEquals(0, result.solved().getScore().hardScore());
        assertEquals(2, result.meeting("s-1", "a-1").getSlot().index());
    }

    @Test
    void aMeetingThatMustNowComeAfterOneItWasPublishedBeforeIsAffectedAndFreezeMovesIt() {
        // Published: m-1 in slot 1, m-2 in slot 2. The organizer now says m-1 comes after m-2.
        Event event = EventJson.read("""
                {"format": "b2g-event/1",
                 "event": {"id": "test", "slotMinutes": 20, "sessions": [{"id": "s", "slots": 3}], "tables": 2},
                 "participants": [{"id": "x", "role": "company"}, {"id": "y", "role": "company"},
                                  {"id": "z", "role": "company"}],
                 "meetings": [{"id": "m-1", "participants": ["x", "y"], "after": ["m-2"]},
                              {"id": "m-2", "participants": ["x", "z"]}]}
                """, "event.json");
        ScheduleFile published = published(new Placement("m-1", "x", "y", 1, "1", Origin.REQUIRED),
                new Placement("m-2", "x", "z", 2, "1", Origin.REQUIRED));

        Result result = repair(event, published, RepairMode.FREEZE);

        assertEquals(Status.AFFECTED, result.plan().published().get(0).status());
        assertEquals("it must now come after m-2, which is in slot 2", result.plan().published().get(0).reason());
        assertEquals(Status.UNAFFECTED, result.plan().published().get(1).status());
        assertEquals(0, result.solved().getScore().hardScore());
        assertEquals(3, result.meeting("x", "y").getSlot().index());
        assertEquals(1, result.changes().kept());
    }

    @Test
    void whenTheLaterMeetingCannotMoveAfterTheEarlierOneTheEarlierOneIsAffectedAndMovesBefore() {
        // Published: m-1 (morning only) in slot 2, m-2 in slot 3. Now m-1 comes after m-2: only m-2 can give way.
        Event event = EventJson.read("""
                {"format": "b2g-event/1",
                 "event": {"id": "test", "slotMinutes": 20, "sessions": [{"id": "am", "slots": 2},
                           {"id": "pm", "slots": 2}], "tables": 2},
                 "participants": [{"id": "x", "role": "company"}, {"id": "y", "role": "company"},
                                  {"id": "z", "role": "company"}],
                 "meetings": [{"id": "m-1", "participants": ["x", "y"], "session": "am", "after": ["m-2"]},
                              {"id": "m-2", "participants": ["x", "z"]}]}
                """, "event.json");
        ScheduleFile published = published(new Placement("m-1", "x", "y", 2, "1", Origin.REQUIRED),
                new Placement("m-2", "x", "z", 3, "1", Origin.REQUIRED));

        Result result = repair(event, published, RepairMode.FREEZE);

        assertEquals(Status.UNAFFECTED, result.plan().published().get(0).status());
        assertEquals(Status.AFFECTED, result.plan().published().get(1).status());
        assertEquals("it must now come before m-1, which is in slot 2", result.plan().published().get(1).reason());
        assertEquals(0, result.solved().getScore().hardScore());
        assertEquals(1, result.meeting("x", "z").getSlot().index());
    }

    @Test
    void aMeetingNowFixedToAnotherTableIsAffectedAndGoesThereInEitherMode() {
        // Published at table 2; the organizer now fixes m-1 (slot 1 as before) and m-2 (any slot) to table 1.
        Event event = EventJson.read("""
                {"format": "b2g-event/1",
                 "event": {"id": "test", "slotMinutes": 20, "sessions": [{"id": "s", "slots": 2}], "tables": 2},
                 "participants": [{"id": "x", "role": "company"}, {"id": "y", "role": "company"},
                                  {"id": "z", "role": "company"}],
                 "meetings": [{"id": "m-1", "participants": ["x", "y"], "fixedSlot": 1, "fixedTable": "1"},
                              {"id": "m-2", "participants": ["x", "z"], "fixedTable": "1"}]}
                """, "event.json");
        ScheduleFile published = published(new Placement("m-1", "x", "y", 1, "2", Origin.REQUIRED),
                new Placement("m-2", "x", "z", 2, "2", Origin.REQUIRED));

        for (RepairMode mode : RepairMode.values()) {
            Result result = repair(event, published, mode);

            assertEquals(Status.AFFECTED, result.plan().published().get(0).status(), mode.code());
            assertEquals("it is now fixed at table 1", result.plan().published().get(0).reason());
            assertEquals(0, result.solved().getScore().hardScore(), mode.code());
            assertEquals("1", result.meeting("x", "y").getTable().id(), mode.code());
            assertEquals("1", result.meeting("x", "z").getTable().id(), mode.code());
            assertEquals(List.of("it is now fixed at table 1", "it is now fixed at table 1"),
                    result.changes().moved().stream().map(Changes.Moved::reason).toList(), mode.code());
        }
    }

    @Test
    void aRequiredMeetingThatMustMoveStillCountsTowardALowerMaximumSoFreezeGivesUpTheRequest() {
        // Published: x meets y (a request) in slot 1 and z (required) in slot 2. Now x takes at most 1 meeting and
        // the required meeting must take place in slot 3: it moves, and the request can no longer stand.
        Event event = EventJson.read("""
                {"format": "b2g-event/1",
                 "event": {"id": "test", "slotMinutes": 20, "sessions": [{"id": "s", "slots": 3}], "tables": 2},
                 "participants": [{"id": "x", "role": "company", "maxMeetings": 1}, {"id": "y", "role": "company"},
                                  {"id": "z", "role": "company"}],
                 "meetings": [{"id": "m-1", "participants": ["x", "z"], "fixedSlot": 3}],
                 "requests": [{"from": "x", "to": "y"}]}
                """, "event.json");
        ScheduleFile published = published(new Placement("c-x-y", "x", "y", 1, "1", Origin.REQUEST),
                new Placement("m-1", "x", "z", 2, "1", Origin.REQUIRED));

        Result result = repair(event, published, RepairMode.FREEZE);

        assertEquals(Status.AFFECTED, result.plan().published().get(0).status());
        assertEquals("x now takes at most 1 meeting", result.plan().published().get(0).reason());
        assertEquals(0, result.solved().getScore().hardScore());
        assertEquals(3, result.meeting("x", "z").getSlot().index());
        assertFalse(result.meetingScheduledBetween("x", "y"));
    }

    @Test
    void freezeMovesAMeetingNowFixedToTheTableAFrozenMeetingHoldsInItsSlotToAnotherSlot() {
        // Published in slot 1: m-1 at table 1, u + v at table 3. m-1 is now fixed to table 3, which u + v keep.
        Event event = EventJson.read("""
                {"format": "b2g-event/1",
                 "event": {"id": "test", "slotMinutes": 20, "sessions": [{"id": "s", "slots": 3}], "tables": 3},
                 "participants": [{"id": "x", "role": "company"}, {"id": "y", "role": "company"},
                                  {"id": "u", "role": "company"}, {"id": "v", "role": "company"}],
                 "meetings": [{"id": "m-1", "participants": ["x", "y"], "fixedTable": "3"}],
                 "requests": [{"from": "u", "to": "v"}]}
                """, "event.json");
        ScheduleFile published = published(new Placement("m-1", "x", "y", 1, "1", Origin.REQUIRED),
                new Placement("c-u-v", "u", "v", 1, "3", Origin.REQUEST));

        Result result = repair(event, published, RepairMode.FREEZE);

        assertEquals(0, result.solved().getScore().hardScore(), () -> result.solved().getScore().toString());
        Meeting moved = result.meeting("x", "y");
        assertEquals("3", moved.getTable().id());
        assertTrue(moved.getSlot().index() > 1, () -> "m-1 is in " + moved.getSlot());
        assertEquals(1, result.meeting("u", "v").getSlot().index());
    }

    @Test
    void kernelAndConstraintProviderAgreeOnARepairedSchedule() {
        Event event = twoSlotsOneTable().unavailable("s-2", 2).request("s-2", "a-2", Priority.MUST).build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL);

        assertEquals(result.solved().getScore(), KernelPhase.score(result.solved()));
    }

    @Test
    void rejectsAScheduleOfAnotherEvent() {
        ScheduleFile other = new ScheduleFile("another-event", null, S1_A1_IN_SLOT_1.meetings());

        InputException e = assertThrows(InputException.class,
                () -> Repair.plan(twoSlotsOneTable().build(), other, RepairMode.MINIMAL, "published.json"));

        assertEquals("published.json: event (\"another-event\") is not the event being repaired (\"test\");"
                + " expected a schedule published for test.", e.getMessage());
    }

    @Test
    void rejectsAScheduleThatSharesNoParticipantWithTheEvent() {
        ScheduleFile strangers = published(new Placement("c-1", "x-1", "x-2", 1, "T1", Origin.REQUEST));

        InputException e = assertThrows(InputException.class,
                () -> Repair.plan(twoSlotsOneTable().build(), strangers, RepairMode.MINIMAL, "published.json"));

        assertTrue(e.getMessage().startsWith("published.json: none of its 2 participants (x-1, x-2) takes part"),
                e.getMessage());
    }

    @Test
    void parsesModesAndRejectsOthers() {
        assertEquals(RepairMode.FREEZE, RepairMode.parse("freeze", "--mode"));
        InputException e = assertThrows(InputException.class, () -> RepairMode.parse("gentle", "--mode"));
        assertEquals("--mode (gentle) is not a repair mode; expected minimal or freeze.", e.getMessage());
    }

    @Test
    void leavesNewRecommendationsBetweenStandingAgendasOut() {
        Event event = twoSlotsOneTable().build();
        RepairPlan plan = Repair.plan(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL, "published.json");
        assertNotNull(plan.problem());
        assertTrue(plan.problem().getMeetings().stream().noneMatch(m -> m.getOrigin() == Origin.RECOMMENDED
                && m.involves(event.participant("s-1")) && m.involves(event.participant("a-1"))));
    }

    @Test
    void offersAStartupWithoutMeetingsACounterpartThatStillHasRoom() {
        // a-1 (one meeting at most) is booked by s-1; the newcomer s-2 asked for a-1, but a-2 fits its offering.
        Event event = EventBuilder.slots(2).tables(2)
                .startup("s-1").startup("s-2", EventBuilder.offering("Flood sensors", "River level sensors", "flooding"))
                .agency("a-1").agency("a-2", EventBuilder.need("Flood warning", "Warn residents of floods", 3,
                        "flooding"))
                .limits("a-1", 1, 1)
                .request("s-1", "a-1", Priority.NORMAL).request("s-2", "a-1", Priority.HIGH)
                .rules(-1, 0, 0.2)
                .build();

        Result result = repair(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL);

        // Whether the backup recommendations or the repair's own options for newcomers propose it, it takes place.
        assertTrue(result.meeting("s-2", "a-2").isScheduled());
        assertEquals(1, result.changes().kept());
        assertEquals(List.of(), result.changes().moved());
    }

    /** The audit's event: every pair shares only the tag "ai" (relevance 0.05, below the minRelevance of 0.2). */
    private static final String AUDIT_EVENT = """
            {"format": "b2g-event/1",
             "event": {"id": "rep", "timeZone": "Asia/Ho_Chi_Minh", "slotMinutes": 20,
                       "sessions": [{"id": "am", "day": "2024-10-10", "start": "09:00", "slots": 4},
                                    {"id": "pm", "day": "2024-10-10", "start": "13:00", "slots": 4}],
                       "tables": [{"id": "T1"}, {"id": "T2"}, {"id": "T3"}]},
             "participants": [%s
               {"id": "a-1", "role": "agency", "needs": [{"title": "AI", "tags": ["ai"]}]},
               {"id": "a-2", "role": "agency", "needs": [{"title": "AI", "tags": ["ai"]}]},
               {"id": "a-3", "role": "agency", "needs": [{"title": "AI", "tags": ["ai"]}]}],
             "meetings": [{"id": "R1", "participants": ["s1", "a-1"]},
                          {"id": "R2", "participants": ["s2", "a-2"], "session": "pm"}],
             "requests": [{"from": "s3", "to": "a-3", "priority": "high"}, {"from": "s4", "to": "a-1"},
                          {"from": "a-1", "to": "s4"}, {"from": "s5", "to": "a-2", "priority": "must"}],
             "rules": {"recommendationsPerParticipant": 2}}""".formatted(java.util.stream.IntStream.rangeClosed(1, 8)
            .mapToObj(i -> "{\"id\": \"s" + i + "\", \"role\": \"startup\", \"offerings\": [{\"title\":"
                    + " \"AI giao thông\", \"tags\": [\"ai\"]}]},")
            .collect(java.util.stream.Collectors.joining("\n")));

    private static Set<String> candidateIds(List<Meeting> meetings) {
        return meetings.stream().map(Meeting::getId).collect(java.util.stream.Collectors.toCollection(
                java.util.TreeSet::new));
    }

    @Test
    void aRepairOfAnEmptyPublishedScheduleProposesTheCandidatesOfASolve() {
        // The audit: 24 candidates where a solve has 8, most of them options at relevance 0.05 for startups whose
        // required meeting or request was at an agency with room to spare.
        Event event = EventJson.read(AUDIT_EVENT, "event.json");

        RepairPlan plan = Repair.plan(event, new ScheduleFile("rep", null, List.of()), RepairMode.MINIMAL,
                "published.json");

        assertEquals(candidateIds(org.b2g.core.matching.Candidates.forEvent(event)),
                candidateIds(plan.problem().getMeetings()));
    }

    @Test
    void aLateRegistrantWhoseRequestedAgencyHasRoomGetsNoOtherOption() {
        // s-2 registered late and asked for a-1, which has room besides its published meeting with s-1.
        Event event = EventBuilder.slots(4).tables(2)
                .startup("s-1", EventBuilder.offering("Flood sensors", "River level sensors", "flooding"))
                .startup("s-2", EventBuilder.offering("Flood sensors", "River level sensors", "flooding"))
                .agency("a-1", EventBuilder.need("Flood warning", "Warn residents of floods", 3, "flooding"))
                .agency("a-2", EventBuilder.need("Flood warning", "Warn residents of floods", 3, "flooding"))
                .request("s-1", "a-1", Priority.NORMAL).request("s-2", "a-1", Priority.NORMAL)
                .rules(-1, 0, 0.2)
                .build();

        RepairPlan plan = Repair.plan(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL, "published.json");

        assertTrue(plan.problem().getMeetings().stream().noneMatch(m -> m.involves(event.participant("s-2"))
                && m.involves(event.participant("a-2"))), () -> candidateIds(plan.problem().getMeetings()).toString());
        assertTrue(candidateIds(org.b2g.core.matching.Candidates.forEvent(event))
                .containsAll(candidateIds(plan.problem().getMeetings())));
    }

    @Test
    void aLateRegistrantWithARequiredMeetingGetsNoOption() {
        // a-1 (two meetings at most) keeps s-1 and is wanted by s-2 (required) and s-3 (mutual): contested. s-2's
        // required meeting takes place all the same, so only s-3, who may lose out, is offered a-2, which has room.
        Event event = EventBuilder.slots(4).tables(2)
                .startup("s-1").startup("s-2", EventBuilder.offering("Flood sensors", "River level sensors", "flooding"))
                .startup("s-3", EventBuilder.offering("Flood sensors", "River level sensors", "flooding"))
                .startup("s-4")
                .agency("a-1").agency("a-2", EventBuilder.need("Flood warning", "Warn residents of floods", 3,
                        "flooding"))
                .limits("a-1", 1, 2)
                .request("s-1", "a-1", Priority.NORMAL).required("R1", "s-2", "a-1")
                .request("s-3", "a-1", Priority.NORMAL).request("a-1", "s-3", Priority.NORMAL)
                .request("s-4", "a-2", Priority.NORMAL).request("a-2", "s-4", Priority.NORMAL)
                .rules(-1, 0, 0.2)
                .build();

        RepairPlan plan = Repair.plan(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL, "published.json");

        List<Meeting> s2 = plan.problem().getMeetings().stream().filter(m -> m.involves(event.participant("s-2")))
                .toList();
        assertEquals(List.of("R1"), s2.stream().map(Meeting::getId).toList(), s2.stream().map(m -> m.getId() + " "
                + m.getReasons()).toList()::toString);
        assertTrue(plan.problem().getMeetings().stream().anyMatch(m -> m.involves(event.participant("s-3"))
                && m.involves(event.participant("a-2"))), () -> candidateIds(plan.problem().getMeetings()).toString());
    }

    @Test
    void aBookedUpLateRegistrantIsOfferedNoCounterpartBelowMinRelevanceWhileOneAboveHasRoom() {
        // a-1 (one meeting at most) holds the published recommendation with s-1; the late s-2 asked for it. a-2 fits
        // s-2 well, a-3 barely (they share the tag "ai" only): s-2 is offered a-2, not a-3.
        Event event = bookedUpNewcomer(true);
        Relevance relevance = Relevance.of(event);
        assertTrue(relevance.score(event.participant("s-2"), event.participant("a-3")) > 0,
                () -> "" + relevance.score(event.participant("s-2"), event.participant("a-3")));
        assertTrue(relevance.score(event.participant("s-2"), event.participant("a-3")) < 0.2,
                () -> "" + relevance.score(event.participant("s-2"), event.participant("a-3")));

        RepairPlan plan = Repair.plan(event, S1_A1_RECOMMENDED, RepairMode.MINIMAL, "published.json");

        List<Meeting> s2 = plan.problem().getMeetings().stream().filter(m -> m.involves(event.participant("s-2")))
                .toList();
        assertTrue(s2.stream().anyMatch(m -> m.involves(event.participant("a-2"))), s2.stream().map(m -> m.getId()
                + " " + m.getReasons()).toList()::toString);
        assertTrue(s2.stream().noneMatch(m -> m.involves(event.participant("a-3"))), s2::toString);
    }

    @Test
    void aBookedUpLateRegistrantIsOfferedACounterpartBelowMinRelevanceWhenNoneAboveHasRoom() {
        Event event = bookedUpNewcomer(false);

        Result result = repair(event, S1_A1_RECOMMENDED, RepairMode.MINIMAL);

        Meeting option = result.meeting("s-2", "a-3");
        assertTrue(option.isScheduled());
        assertEquals("backup for s-2, whose other candidates are booked up: a-3 has free capacity",
                option.getReasons().get(0));
        assertEquals(1, result.changes().kept());
    }

    /**
     * a-1 can hold one meeting, published with s-1; s-2 asked for a-1. Everybody is tagged "ai", so that a-3, which
     * shares nothing else with s-2, is a poor fit (below the minRelevance of 0.2); a-2, if there, fits it well. a-2 and
     * a-3 have a meeting each with s-3.
     */
    private static Event bookedUpNewcomer(boolean withA2) {
        EventBuilder builder = EventBuilder.slots(2).tables(2)
                .startup("s-1", EventBuilder.offering("Flood sensors", "River level sensors", "flooding", "ai"))
                .startup("s-2", EventBuilder.offering("Flood sensors", "River level sensors", "flooding", "ai"))
                .startup("s-3", EventBuilder.offering("Traffic", "Cameras", "ai"))
                .agency("a-1", EventBuilder.need("Flood warning", "Warn residents of floods", 3, "flooding", "ai"))
                .agency("a-3", EventBuilder.need("Chatbot", "Answer citizens", 1, "ai", "chatbot"))
                .limits("a-1", 1, 1)
                .request("s-2", "a-1", Priority.NORMAL)
                .request("s-3", "a-3", Priority.NORMAL).request("a-3", "s-3", Priority.NORMAL)
                .rules(-1, 0, 0.2);
        if (withA2) {
            builder.agency("a-2", EventBuilder.need("Flood warning", "Warn residents of floods", 3, "flooding", "ai"))
                    .request("s-3", "a-2", Priority.NORMAL).request("a-2", "s-3", Priority.NORMAL);
        }
        return builder.build();
    }

    private static final ScheduleFile S1_A1_RECOMMENDED = published(
            new Placement("c-s-1-a-1", "s-1", "a-1", 1, "T1", Origin.RECOMMENDED));

    @Test
    void reportsWhatADraftWouldChangeInThePublishedSchedule() {
        Event event = twoSlotsOneTable().request("s-2", "a-2", Priority.MUST).build();
        ScheduleFile draft = published(new Placement("c-s-1-a-1", "s-1", "a-1", 2, "T1", Origin.REQUEST),
                new Placement("c-s-2-a-2", "s-2", "a-2", 1, "T1", Origin.MUST));

        Changes changes = ChangeReport.between(event, S1_A1_IN_SLOT_1, draft, DraftMode.MINIMAL, Set.of(), "draft");

        assertEquals(0, changes.kept());
        assertEquals("to free table T1 in slot 1 for the must meeting s-2 + a-2", changes.moved().get(0).reason());
        assertEquals(List.of("s-2", "a-2"), changes.added().get(0).participants());
        assertEquals(4, changes.peopleAffected());
    }

    @Test
    void aMeetingMovedWithNoMeetingInItsPlaceNamesWhatElseChangedForItsPeople() {
        Event event = EventBuilder.slots(3).tables(2).startup("s-1").startup("s-2").agency("a-1").agency("a-2")
                .request("s-1", "a-1", Priority.NORMAL).request("s-1", "a-2", Priority.MUST).build();
        ScheduleFile draft = published(new Placement("c-s-1-a-1", "s-1", "a-1", 3, "T1", Origin.REQUEST),
                new Placement("c-s-1-a-2", "s-1", "a-2", 2, "T2", Origin.MUST));

        Changes changes = ChangeReport.between(event, S1_A1_IN_SLOT_1, draft, DraftMode.MINIMAL, Set.of(), "draft");

        assertEquals("no meeting took its place in slot 1; what changed for its people besides: the must meeting"
                + " s-1 + a-2, new in slot 2", changes.moved().get(0).reason());
    }

    @Test
    void aMeetingMovedForNoReasonTheSchedulesShowSaysSoOrThatASolveKeepsNoPlace() {
        Event event = twoSlotsOneTable().build();
        ScheduleFile draft = published(new Placement("c-s-1-a-1", "s-1", "a-1", 2, "T1", Origin.REQUEST));

        assertEquals("no meeting took its place in slot 1, and nothing else changed for s-1 or a-1: the two"
                + " schedules show no reason", ChangeReport.between(event, S1_A1_IN_SLOT_1, draft, DraftMode.MINIMAL,
                        Set.of(), "draft").moved().get(0).reason());
        assertEquals("no meeting took its place in slot 1: the draft was solved anew, which keeps no published place"
                + " (a repair would)", ChangeReport.between(event, S1_A1_IN_SLOT_1, draft, DraftMode.SOLVE, Set.of(),
                        "draft").moved().get(0).reason());
    }

    @Test
    void theReportOfADraftSaysTheModeOfTheRepairThatMadeIt() {
        Event event = twoSlotsOneTable().request("s-2", "a-2", Priority.NORMAL).build();
        RepairPlan plan = Repair.plan(event, S1_A1_IN_SLOT_1, RepairMode.FREEZE, "published.json");
        MeetingSchedule solved = Scheduler.create(REPEATABLE).solve(plan.problem(), progress -> { });
        ScheduleFile draft = ScheduleJson.read(ScheduleJson.write(solved), "draft");

        Changes changes = ChangeReport.between(event, S1_A1_IN_SLOT_1, draft, DraftMode.FREEZE, Set.of(), "draft");

        assertEquals(DraftMode.FREEZE, changes.mode());
        assertEquals("freeze", org.b2g.core.io.ChangesJson.toJson(changes).getString("mode"));
        assertEquals(ChangeReport.of(plan, solved), changes, "the same report as the repair's own");
    }

    @Test
    void theReportOfAPlainSolvesDraftSaysSolveNotARepairMode() {
        Event event = twoSlotsOneTable().build();
        ScheduleFile draft = published(new Placement("c-s-1-a-1", "s-1", "a-1", 1, "T1", Origin.REQUEST));

        Changes changes = ChangeReport.between(event, S1_A1_IN_SLOT_1, draft, DraftMode.SOLVE, Set.of(), "draft");

        assertEquals(1, changes.kept());
        assertEquals("solve", org.b2g.core.io.ChangesJson.toJson(changes).getString("mode"));
        assertEquals(DraftMode.SOLVE, DraftMode.of(null));
        assertEquals(DraftMode.FREEZE, DraftMode.ofCode(DraftMode.of(RepairMode.FREEZE).code()));
    }

    @Test
    void keepsAMeetingBothSidesAgreedOnInSelfService() {
        Event event = EventBuilder.slots(2).tables(1).startup("s-1").agency("a-1").build();
        ScheduleFile agreed = published(new Placement(Repair.AGREED_PREFIX + "r-7", "s-1", "a-1", 2, "T1",
                Origin.REQUEST));

        Result result = repair(event, agreed, RepairMode.MINIMAL);

        assertEquals(1, result.changes().kept(), "no request in the event, but nobody withdrew it");
        assertEquals(List.of(), result.changes().cancelled());
    }

    private static final ScheduleFile AGREED_IN_SLOT_2 = published(new Placement(Repair.AGREED_PREFIX + "r-7", "s-1",
            "a-1", 2, "T1", Origin.REQUEST));

    @Test
    void cancelsAMeetingAgreedInSelfServiceWhenAParticipantLeft() {
        Event event = EventBuilder.slots(2).tables(1).startup("s-2").agency("a-1").build();

        Result result = repair(event, AGREED_IN_SLOT_2, RepairMode.MINIMAL);

        assertEquals("s-1 no longer takes part in the event", result.changes().cancelled().get(0).reason());
    }

    @Test
    void cancelsAMeetingAgreedInSelfServiceWhenThePairIsExcluded() {
        Event event = EventBuilder.slots(2).tables(1).startup("s-1").agency("a-1").exclude("s-1", "a-1").build();

        Result result = repair(event, AGREED_IN_SLOT_2, RepairMode.FREEZE);

        assertTrue(result.changes().cancelled().get(0).reason().startsWith("s-1 and a-1 must no longer meet"));
    }

    @Test
    void movesAMeetingAgreedInSelfServiceWhoseSlotIsGoneLikeAnyOther() {
        Event event = EventBuilder.slots(1).tables(1).startup("s-1").agency("a-1").build();

        Result result = repair(event, AGREED_IN_SLOT_2, RepairMode.MINIMAL);

        Changes.Moved moved = result.changes().moved().get(0);
        assertEquals(1, moved.to().slot());
        assertEquals("slot 2 no longer exists", moved.reason());
    }

    @Test
    void aMeetingAgreedInSelfServiceKeepsItsIdWhenItsPairHasBecomeACandidate() {
        // s-1 and a-1 agreed on slot 2 themselves; the event asks for the pair since (twoSlotsOneTable's request).
        Event event = twoSlotsOneTable().build();

        Result result = repair(event, AGREED_IN_SLOT_2, RepairMode.MINIMAL);

        Meeting meeting = result.meeting("s-1", "a-1");
        assertEquals(Repair.AGREED_PREFIX + "r-7", meeting.getId(), "its request names it by that id");
        assertEquals(2, meeting.getSlot().index());
        assertEquals(Origin.REQUEST, meeting.getOrigin());
        assertEquals(1, result.changes().kept());
        assertEquals(List.of(), result.changes().added());
        assertEquals(1, result.solved().getMeetings().stream().filter(m -> m.involves(event.participant("s-1"))
                && m.involves(event.participant("a-1"))).count(), "the pair's candidate is that meeting, not another");
    }

    @Test
    void keepsAMeetingAgreedInSelfServiceUnderItsPairsCandidateIdOnceThePairIsNoLongerACandidate() {
        // The service gives an agreed meeting its pair's candidate id (its reasons show); the request went since.
        Event event = EventBuilder.slots(2).tables(1).startup("s-1").agency("a-1").build();

        RepairPlan plan = Repair.plan(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL, "published.json", null,
                Set.of("c-s-1-a-1"));
        ScheduleFile draft = ScheduleJson.read(ScheduleJson.write(Scheduler.create(REPEATABLE).solve(plan.problem(),
                progress -> { })), "draft");
        Changes changes = ChangeReport.between(event, S1_A1_IN_SLOT_1, draft, DraftMode.MINIMAL,
                Set.of("c-s-1-a-1"), "draft");

        assertEquals(Status.UNAFFECTED, plan.published().get(0).status());
        assertEquals(1, changes.kept(), "agreed by both: nobody withdrew it");
        assertEquals(List.of(), changes.cancelled());
        assertEquals(List.of(), changes.added());
        assertEquals("the request to meet was withdrawn", Repair.plan(event, S1_A1_IN_SLOT_1, RepairMode.MINIMAL,
                "published.json").published().get(0).reason(), "a request's meeting the solver placed goes with it");
    }
}
