package org.b2g.core.solver.search;

import static org.b2g.core.solver.search.SearchModel.UNSCHEDULED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.solver.SampleEvents;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.SolveReport;
import org.b2g.core.solver.StopReason;
import org.b2g.core.solver.bound.DemandBound;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

class DemandSearchTest {

    private static final Slot SLOT = new Slot(1, "am", 0, LocalDateTime.of(2024, 10, 10, 9, 0),
            LocalDateTime.of(2024, 10, 10, 9, 20));
    private static final List<Slot> THREE_SLOTS = List.of(SLOT,
            new Slot(2, "am", 0, LocalDateTime.of(2024, 10, 10, 9, 20), LocalDateTime.of(2024, 10, 10, 9, 40)),
            new Slot(3, "am", 0, LocalDateTime.of(2024, 10, 10, 9, 40), LocalDateTime.of(2024, 10, 10, 10, 0)));
    private static final Table TABLE_1 = new Table("T1", null, 0);
    private static final Table TABLE_2 = new Table("T2", null, 1);

    /**
     * One slot. The first-fit baseline gives agency A to s1, its most relevant startup, and leaves s2 and agency B
     * without a meeting; the best schedule gives A to s2 and B to s1.
     */
    @Test
    void givesAnAgencyToTheStartupThatHasNoOtherChoiceAndMovesTheOtherOne() {
        Participant s1 = startup("s1", 0);
        Participant s2 = startup("s2", 1);
        Participant a = agency("a", 2);
        Participant b = agency("b", 3);
        List<Meeting> candidates = List.of(recommended("s1-a", s1, a, 500), recommended("s2-a", s2, a, 300),
                recommended("s1-b", s1, b, 200));
        MeetingSchedule schedule = new MeetingSchedule(event(List.of(s1, s2, a, b)), candidates);
        SearchModel model = SearchModel.of(schedule);

        int[] seed = FirstFitSeed.orInitial(schedule, model, unscheduled(model));
        assertArrayEquals(new int[] {0, UNSCHEDULED, UNSCHEDULED}, seed, "the baseline's choice");

        int[] slots = DemandSearch.improve(model, seed, 0, () -> false).slots();
        assertArrayEquals(new int[] {UNSCHEDULED, 0, 0}, slots);
    }

    /**
     * Three slots; agencies a, b and c and every startup hold one meeting each, and a, b, c are taken. The best
     * schedule rearranges all of them: s1 takes a, s2 moves to b, s3 to c, s4 to d, which has room (a chain of
     * re-seatings three links deep, whatever order the insertions come in).
     */
    @Test
    void placesARequestAtAFullAgencyByReSeatingWhoeverSatThereAtAnAgencyWithRoom() {
        Participant s1 = participant("s1", 0, Role.STARTUP, 1);
        Participant s2 = participant("s2", 1, Role.STARTUP, 1);
        Participant s3 = participant("s3", 2, Role.STARTUP, 1);
        Participant a = participant("a", 3, Role.AGENCY, 1);
        Participant b = participant("b", 4, Role.AGENCY, 1);
        Participant c = participant("c", 5, Role.AGENCY, 1);
        Participant s4 = participant("s4", 6, Role.STARTUP, 1);
        Participant d = participant("d", 7, Role.AGENCY, 4);
        List<Meeting> candidates = List.of(
                threeSlots("s1-a", s1, a, Origin.REQUEST, 1000),
                threeSlots("s2-a", s2, a, Origin.REQUEST, 1500),
                threeSlots("s2-b", s2, b, Origin.REQUEST, 1000),
                threeSlots("s3-b", s3, b, Origin.RECOMMENDED, 700),
                threeSlots("s3-c", s3, c, Origin.RECOMMENDED, 100),
                threeSlots("s4-c", s4, c, Origin.RECOMMENDED, 600),
                threeSlots("s4-d", s4, d, Origin.RECOMMENDED, 50));
        Session session = new Session("am", "2024-10-10", LocalDate.of(2024, 10, 10), LocalTime.of(9, 0), 3, 1);
        Event event = new Event("chain", "Chain", ZoneId.of("Asia/Ho_Chi_Minh"), 20, List.of(session), THREE_SLOTS,
                List.of(TABLE_1, TABLE_2), List.of(s1, s2, s3, a, b, c, s4, d), List.of(), List.of(), List.of(),
                Rules.DEFAULT);
        SearchModel model = SearchModel.of(new MeetingSchedule(event, candidates));
        int[] start = {UNSCHEDULED, 0, UNSCHEDULED, 0, UNSCHEDULED, 0, UNSCHEDULED};

        int[] slots = DemandSearch.improve(model, start, 0, () -> false).slots();

        boolean[] scheduled = new boolean[slots.length];
        for (int m = 0; m < slots.length; m++) {
            scheduled[m] = slots[m] != UNSCHEDULED;
        }
        assertArrayEquals(new boolean[] {true, false, true, false, true, false, true}, scheduled);
        SlotState state = new SlotState(model);
        state.load(slots);
        assertEquals(0, state.hard);
        assertEquals(1500 + 700 + 600, state.medium, "s2-a, s3-b and s4-c left out, and everyone has a meeting");
    }

    @Test
    void neverEndsWorseThanWhereItStartsAndKeepsTheScoreExact() {
        for (long seed = 1; seed <= 6; seed++) {
            MeetingSchedule schedule = SampleEvents.b2g(seed, 12, 7);
            SearchModel model = SearchModel.of(schedule);
            int[] start = FirstFitSeed.orInitial(schedule, model, unscheduled(model));
            int[] slots = DemandSearch.improve(model, start, 0, () -> false).slots();
            HardMediumSoftLongScore before = slotScore(model, start);
            HardMediumSoftLongScore after = slotScore(model, slots);
            assertTrue(after.compareTo(before) >= 0, "sample " + seed + ": " + after + " after " + before);
            SlotState state = new SlotState(model);
            for (int m = 0; m < model.meetingCount; m++) {
                state.move(m, slots[m]);
            }
            assertEquals(-after.mediumScore(), state.medium, "sample " + seed);
        }
    }

    /**
     * Small generated events where the slots are not what limits the meetings: from the first-fit schedule, the
     * search reaches the bound that ignores the clock, on the same weights as the score (one round of insertions
     * alone stops short on the first of them).
     */
    @Test
    void reachesTheDemandBoundWhenTheClockDoesNotBind() {
        for (long seed = 1; seed <= 4; seed++) {
            MeetingSchedule schedule = SampleEvents.b2g(seed, 30, 12);
            SearchModel model = SearchModel.of(schedule);
            int[] start = FirstFitSeed.orInitial(schedule, model, unscheduled(model));
            DemandSearch.Improved improved = DemandSearch.improve(model, start, 0, () -> false);
            HardMediumSoftLongScore score = slotScore(model, improved.slots());
            assertEquals(0, score.hardScore(), "sample " + seed);
            assertEquals(DemandBound.of(schedule).medium(), score.mediumScore(), "sample " + seed);
            assertEquals(-DemandBound.of(schedule).medium(), improved.mediumFloor(),
                    "sample " + seed + ": the floor the search stops at is the bound's best medium");
        }
    }

    /**
     * Where the demand search meets the bound and nobody has a break, the slot search stops at once with that reason
     * instead of waiting for its unimproved time; the tables are still assigned after it.
     */
    @Test
    void aScheduleThatMeetsTheDemandBoundWithoutBreaksEndsTheSolve() {
        MeetingSchedule schedule = SampleEvents.b2g(1, 30, 12);
        long started = System.nanoTime();
        SolveReport report = Scheduler.create(new SolveOptions(Duration.ofMinutes(1), 0, 0))
                .solveReporting(schedule, progress -> { });
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertEquals(StopReason.DEMAND_AT_ITS_BOUND, report.stopReason());
        assertEquals(DemandBound.of(schedule).medium(), report.schedule().getScore().mediumScore());
        assertTrue(seconds < 20, "took " + seconds + " s of a minute");
        assertTrue(report.schedule().getMeetings().stream().filter(Meeting::isScheduled)
                .allMatch(m -> m.getTable() != null), "every meeting has its table");
    }

    @Test
    void leavesARepairOrAScheduleWithoutOptionalCandidatesToTheKernel() {
        MeetingSchedule schedule = SampleEvents.b2g(2, 8, 5);
        SearchModel model = SearchModel.of(schedule);
        int[] started = unscheduled(model);
        started[0] = model.domain[0].length > 0 ? model.domain[0][0] : UNSCHEDULED;
        assertArrayEquals(started, FirstFitSeed.orInitial(schedule, model, started));
    }

    @Test
    void startsAnEventWithAPinnedMeetingFromTheBaselineToo() {
        MeetingSchedule schedule = SampleEvents.b2g(2, 8, 5);
        int slot = SearchModel.of(schedule).domain[0][0];
        Meeting pinned = schedule.getMeetings().get(0);
        pinned.setSlot(schedule.getSlots().get(slot));
        pinned.setPinned(true);
        SearchModel model = SearchModel.of(schedule);
        int[] started = unscheduled(model);
        started[0] = slot;

        int[] seed = FirstFitSeed.orInitial(schedule, model, started);
        assertEquals(slot, seed[0], "the pinned meeting keeps its slot");
        assertTrue(Arrays.stream(seed).skip(1).anyMatch(s -> s != UNSCHEDULED),
                "the baseline placed the other candidates");
    }

    /** Hard and medium levels of slots (tables spread so that none clash where the slot load allows). */
    private static HardMediumSoftLongScore slotScore(SearchModel model, int[] slots) {
        SlotState state = new SlotState(model);
        for (int m = 0; m < model.meetingCount; m++) {
            state.move(m, slots[m]);
        }
        return HardMediumSoftLongScore.of(-state.hard, -state.medium, -state.breaks);
    }

    private static int[] unscheduled(SearchModel model) {
        int[] slots = new int[model.meetingCount];
        Arrays.fill(slots, UNSCHEDULED);
        return slots;
    }

    private static Participant startup(String id, int index) {
        return new Participant(id, index, Role.STARTUP, id, 1, 1, 4, Set.of(), null, List.of(), List.of());
    }

    private static Participant agency(String id, int index) {
        return new Participant(id, index, Role.AGENCY, id, 1, 1, 4, Set.of(), null, List.of(), List.of());
    }

    private static Participant participant(String id, int index, Role role, int maxMeetings) {
        return new Participant(id, index, role, id, 1, 0, maxMeetings, Set.of(), null, List.of(), List.of());
    }

    private static Meeting threeSlots(String id, Participant first, Participant second, Origin origin, long weight) {
        return new Meeting(id, first, second, origin, weight, 0.5, List.of(), null, THREE_SLOTS,
                List.of(TABLE_1, TABLE_2), List.of());
    }

    private static Meeting recommended(String id, Participant first, Participant second, long weight) {
        return new Meeting(id, first, second, Origin.RECOMMENDED, weight, weight / 1000.0, List.of(), null,
                List.of(SLOT), List.of(TABLE_1, TABLE_2), List.of());
    }

    private static Event event(List<Participant> participants) {
        Session session = new Session("am", "2024-10-10", LocalDate.of(2024, 10, 10), LocalTime.of(9, 0), 1, 1);
        return new Event("one-slot", "One slot", ZoneId.of("Asia/Ho_Chi_Minh"), 20, List.of(session), List.of(SLOT),
                List.of(TABLE_1, TABLE_2), participants, List.of(), List.of(), List.of(), Rules.DEFAULT);
    }
}
