package org.b2g.core.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleFile.Placement;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.EventBuilder;
import org.b2g.core.repair.PublishedMeeting.Status;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.junit.jupiter.api.Test;

/**
 * A published meeting whose reason to exist changed (its request withdrawn, its required meeting's id now naming
 * another pair) while its pair still meets: the change report matches meetings by required-meeting id, else by pair,
 * so the pair's meeting is kept (or moved), never cancelled and added again; and a required meeting whose id now
 * names another pair is cancelled for that reason, not as "removed from the event".
 */
class ReasonChangedTest {

    private static final SolveOptions REPEATABLE = new SolveOptions(Duration.ofSeconds(20), 3L, 30_000L);

    private static ScheduleFile schedule(Placement... placements) {
        return new ScheduleFile("test", null, List.of(placements));
    }

    /** s-1 asked a-1 (must); the two met in slot 1 at T1. */
    private static final ScheduleFile MUST_S1_A1_IN_SLOT_1 = schedule(
            new Placement("c-s-1-a-1", "s-1", "a-1", 1, "T1", Origin.MUST));

    /** The request is withdrawn: nothing in the event asks for the pair or recommends it (no shared topic). */
    private static Event requestWithdrawn() {
        return EventBuilder.slots(2).tables(1).startup("s-1").agency("a-1").build();
    }

    /** The audit's event (8 startups, 3 agencies, R1, R2, a must request s5 -> a-đ) as published, from resources. */
    private static final ScheduleFile AUDIT_PUBLISHED = ScheduleJson.read(resource(
            "published-before-withdraw-and-r1.json"), "published.json");

    private static String resource(String name) {
        try (InputStream in = ReasonChangedTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Changes repair(String eventResource) {
        Event event = EventJson.read(resource(eventResource), eventResource);
        RepairPlan plan = Repair.plan(event, AUDIT_PUBLISHED, RepairMode.MINIMAL, "published.json");
        MeetingSchedule solved = Scheduler.create(REPEATABLE).solve(plan.problem(), progress -> { });
        Changes changes = ChangeReport.of(plan, solved);
        for (Changes.Cancelled cancelled : changes.cancelled()) {
            assertTrue(changes.added().stream().noneMatch(a -> Set.copyOf(a.participants())
                    .equals(Set.copyOf(cancelled.participants()))), "cancelled and added again: " + cancelled);
        }
        return changes;
    }

    @Test
    void aPairStillMeetingInItsSlotAndTableAfterItsMustRequestWasWithdrawnIsKeptNotCancelledAndAdded() {
        // The audit's case: s5 withdraws its must request to a-đ; left without a meeting, s5 is offered a-đ again
        // (a recommendation), and the repair puts the pair where it was, slot 7 at T2.
        Changes changes = repair("withdraw-must.json");

        assertEquals(8, changes.kept(), "every published meeting, s5 + a-đ too");
        assertEquals(List.of(), changes.cancelled());
        assertEquals(List.of(), changes.moved());
        assertTrue(changes.added().stream().noneMatch(a -> a.participants().contains("a-đ")), changes.added()
                .toString());
        assertEquals(null, changes.participants().get("a-đ"), "a-đ is told nothing: its agenda is the same");
        assertEquals(1, changes.participants().get("s5").kept());
        assertEquals(0, changes.participants().get("s5").cancelled());
    }

    @Test
    void aDraftHoldingAWithdrawnRequestsPairInItsPlaceKeepsIt() {
        ScheduleFile draft = schedule(new Placement("c-s-1-a-1", "s-1", "a-1", 1, "T1", Origin.RECOMMENDED));

        Changes changes = ChangeReport.between(requestWithdrawn(), MUST_S1_A1_IN_SLOT_1, draft, DraftMode.MINIMAL,
                Set.of(), "draft");

        assertEquals(1, changes.kept());
        assertEquals(List.of(), changes.cancelled());
        assertEquals(List.of(), changes.added());
        assertEquals(0, changes.peopleAffected());
    }

    @Test
    void aWithdrawnRequestsPairMeetingElsewhereIsMovedAndSaysItsReasonChanged() {
        ScheduleFile draft = schedule(new Placement("c-s-1-a-1", "s-1", "a-1", 2, "T1", Origin.RECOMMENDED));

        Changes changes = ChangeReport.between(requestWithdrawn(), MUST_S1_A1_IN_SLOT_1, draft, DraftMode.MINIMAL,
                Set.of(), "draft");

        assertEquals(List.of(), changes.cancelled());
        assertEquals(List.of(), changes.added());
        Changes.Moved moved = changes.moved().get(0);
        assertEquals(List.of("s-1", "a-1"), moved.participants());
        assertEquals(1, moved.from().slot());
        assertEquals(2, moved.to().slot());
        assertEquals("the request to meet was withdrawn, but s-1 and a-1 still meet, now as a recommended meeting",
                moved.reason());
        assertEquals(new Changes.Tally(0, 1, 0, 0), changes.participants().get("s-1"));
    }

    @Test
    void aWithdrawnRequestsPairThatNoLongerMeetsIsCancelledBecauseTheRequestWasWithdrawn() {
        Changes changes = ChangeReport.between(requestWithdrawn(), MUST_S1_A1_IN_SLOT_1, schedule(),
                DraftMode.MINIMAL, Set.of(), "draft");

        assertEquals(0, changes.kept());
        assertEquals("the request to meet was withdrawn", changes.cancelled().get(0).reason());
    }

    /** Required meeting R1 was s-1 with a-1 in slot 1 at T1; the event's R1 now names s-1 and a-2. */
    private static final ScheduleFile R1_S1_A1_IN_SLOT_1 = schedule(
            new Placement("R1", "s-1", "a-1", 1, "T1", Origin.REQUIRED));

    private static Event r1NowNamesA2() {
        return EventBuilder.slots(2).tables(2).startup("s-1").agency("a-1").agency("a-2")
                .required("R1", "s-1", "a-2").build();
    }

    @Test
    void aRequiredMeetingWhoseIdNowNamesAnotherPairIsCancelledForThatReasonNotAsRemoved() {
        Event event = r1NowNamesA2();
        ScheduleFile draft = schedule(new Placement("R1", "s-1", "a-2", 2, "T1", Origin.REQUIRED));

        Changes changes = ChangeReport.between(event, R1_S1_A1_IN_SLOT_1, draft, DraftMode.MINIMAL, Set.of(),
                "draft");

        assertEquals(1, changes.cancelled().size());
        Changes.Cancelled cancelled = changes.cancelled().get(0);
        assertEquals(List.of("s-1", "a-1"), cancelled.participants());
        assertEquals("the required meeting R1 now names s-1 and a-2 instead", cancelled.reason());
        assertEquals(1, changes.added().size());
        assertEquals("R1", changes.added().get(0).id());
        assertEquals(List.of("s-1", "a-2"), changes.added().get(0).participants());
        assertEquals(Origin.REQUIRED, changes.added().get(0).origin());
        assertEquals(List.of(), changes.moved(), "another counterpart is not the same meeting moved");
    }

    @Test
    void theOldPairOfARequiredMeetingThatNowNamesAnotherPairIsKeptWhenItStillMeetsWhereItWas() {
        Event event = r1NowNamesA2();
        ScheduleFile draft = schedule(new Placement("R1", "s-1", "a-2", 2, "T1", Origin.REQUIRED),
                new Placement("c-s-1-a-1", "s-1", "a-1", 1, "T1", Origin.RECOMMENDED));

        Changes changes = ChangeReport.between(event, R1_S1_A1_IN_SLOT_1, draft, DraftMode.MINIMAL, Set.of(),
                "draft");

        assertEquals(1, changes.kept());
        assertEquals(List.of(), changes.cancelled());
        assertEquals(1, changes.added().size());
        assertEquals(List.of("s-1", "a-2"), changes.added().get(0).participants());
        assertEquals(null, changes.participants().get("a-1"), "a-1's agenda does not change");
        assertEquals(new Changes.Tally(1, 0, 0, 1), changes.participants().get("s-1"));
    }

    @Test
    void inTheAuditsEventRequiredMeetingR1NamingAnotherPairIsAddedAndTheOldPairIsNotCancelledAndAddedAgain() {
        Event event = EventJson.read(resource("r1-newpair.json"), "r1-newpair.json");
        assertEquals("the required meeting R1 now names s1 and a3 instead", Repair.plan(event, AUDIT_PUBLISHED,
                RepairMode.MINIMAL, "published.json").published().stream().filter(p -> "R1".equals(
                        p.placement().id())).findFirst().orElseThrow().reason());

        Changes changes = repair("r1-newpair.json");

        Changes.Added r1 = changes.added().stream().filter(a -> a.id().equals("R1")).findFirst().orElseThrow();
        assertEquals(Set.of("s1", "a3"), Set.copyOf(r1.participants()));
        assertEquals(Origin.REQUIRED, r1.origin());
        // s1 + a-ш still meet where they did (a recommendation now, s1 having lost its only meeting): kept.
        assertEquals(8, changes.kept());
        assertEquals(List.of(), changes.cancelled());
        assertEquals(List.of(), changes.moved());
    }

    @Test
    void aRequiredMeetingRemovedFromTheEventStillSaysSo() {
        Event event = EventBuilder.slots(2).tables(2).startup("s-1").agency("a-1").agency("a-2").build();

        RepairPlan plan = Repair.plan(event, R1_S1_A1_IN_SLOT_1, RepairMode.MINIMAL, "published.json");

        assertEquals(Status.GONE, plan.published().get(0).status());
        assertEquals("the required meeting R1 was removed from the event", plan.published().get(0).reason());
    }
}
