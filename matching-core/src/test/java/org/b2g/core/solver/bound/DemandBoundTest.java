package org.b2g.core.solver.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
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
import org.b2g.core.solver.ScoreBreakdown;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.junit.jupiter.api.Test;

class DemandBoundTest {

    private static final List<Slot> SLOTS = List.of(slot(1), slot(2), slot(3));
    private static final List<Table> TABLES = List.of(new Table("T1", null, 0), new Table("T2", null, 1));
    private static final Participant S1 = startup("s1", 0);
    private static final Participant S2 = startup("s2", 1);
    private static final Participant A = new Participant("a", 2, Role.AGENCY, "a", 1, 0, 1, Set.of(), null,
            List.of(), List.of());
    private static final Participant B = new Participant("b", 3, Role.AGENCY, "b", 1, 0, 4, Set.of(), null,
            List.of(), List.of());
    private static final Participant B_AWAY = new Participant("b", 3, Role.AGENCY, "b", 1, 0, 4, Set.of(1, 2, 3),
            null, List.of(), List.of());

    /** Agency a holds one meeting: the mutual request of s1, whose only choice it is; s2 goes to b instead. */
    @Test
    void seatsTheMutualPairAtTheFullAgencyAndItsRivalAtTheAgencyWithRoom() {
        DemandBound bound = DemandBound.of(schedule(List.of(S1, S2, A, B), List.of()));
        assertEquals(-500, bound.medium(), "only s2-a (500) is left out, and everyone has a meeting");
        assertEquals(1, bound.mutual());
        assertEquals(1, bound.requested());
        assertEquals(4, bound.served());
        assertTrue(bound.exact());
        assertTrue(bound.requiredFit());
        assertTrue(bound.inBestForMedium(0));
        assertFalse(bound.inBestForMedium(1));
        assertTrue(bound.inBestForMedium(2));
    }

    /**
     * Everybody holds one meeting. By count, s1-b and s2-a meet two requests; the score prefers s1's high request at
     * a (2000) with s2's recommendation at b (500), 2500 against 2000, and so meets one request only.
     */
    @Test
    void theScoresBestSetCanHoldFewerRequestsThanTheCountedBound() {
        Participant s1 = single("s1", 0, Role.STARTUP);
        Participant s2 = single("s2", 1, Role.STARTUP);
        Participant a = single("a", 2, Role.AGENCY);
        Participant b = single("b", 3, Role.AGENCY);
        DemandBound bound = DemandBound.of(schedule(List.of(s1, s2, a, b), List.of(
                candidate("s1-a", s1, a, Origin.REQUEST, 2000), candidate("s1-b", s1, b, Origin.REQUEST, 1000),
                candidate("s2-a", s2, a, Origin.REQUEST, 1000), candidate("s2-b", s2, b, Origin.RECOMMENDED, 500)),
                List.of()));

        assertEquals(2, bound.requested());
        assertEquals(1, bound.requestedAtBestMedium());
        assertEquals(4, bound.servedAtBestMedium());
        assertEquals(-2000, bound.medium(), "s1-b and s2-a left out");
    }

    /** s1 meets a or b, worth the same to the score: the best set takes the request. */
    @Test
    void amongSetsOfTheBestMediumTheOneWithTheMostRequestsIsCounted() {
        Participant s1 = single("s1", 0, Role.STARTUP);
        Participant a = single("a", 1, Role.AGENCY);
        Participant b = single("b", 2, Role.AGENCY);
        Participant s2 = single("s2", 3, Role.STARTUP);
        for (int order = 0; order < 2; order++) {
            List<Meeting> candidates = List.of(candidate("s1-a", s1, a, Origin.RECOMMENDED, 1000),
                    candidate("s1-b", s1, b, Origin.REQUEST, 1000), candidate("s2-a", s2, a, Origin.RECOMMENDED, 10),
                    candidate("s2-b", s2, b, Origin.RECOMMENDED, 10));
            DemandBound bound = DemandBound.of(schedule(List.of(s1, a, b, s2),
                    order == 0 ? candidates : candidates.reversed(), List.of()));
            assertEquals(-1010, bound.medium(), "order " + order);
            assertEquals(1, bound.requestedAtBestMedium(), "order " + order);
        }
    }

    @Test
    void anAgencyAwayAllDayHoldsNothing() {
        DemandBound bound = DemandBound.of(schedule(List.of(S1, S2, A, B_AWAY), List.of()));
        // s1-a wins a (4000 + two first meetings against 500 + two); s2-a and s2-b are lost, s2 and b go home empty.
        assertEquals(-(500 + 100 + 2 * 3000), bound.medium());
        assertEquals(2, bound.served());
    }

    @Test
    void anExcludedPairNeverCounts() {
        DemandBound bound = DemandBound.of(schedule(List.of(S1, S2, A, B),
                List.of(new Exclusion("s1", "a", "conflict of interest"))));
        assertEquals(0, bound.mutual());
        assertEquals(-(4000 + 3000), bound.medium(), "s1 goes home empty; s2 takes a and b");
    }

    @Test
    void noSolvedSampleBeatsIt() {
        for (long seed = 1; seed <= 3; seed++) {
            MeetingSchedule problem = SampleEvents.b2g(seed, 10, 6);
            DemandBound bound = DemandBound.of(problem);
            MeetingSchedule solved = Scheduler.create(new SolveOptions(Duration.ofSeconds(30), seed, 2_000))
                    .solve(problem, progress -> { });
            long medium = ScoreBreakdown.of(solved).score().mediumScore();
            assertTrue(medium <= bound.medium(), "sample " + seed + ": " + medium + " > " + bound);
        }
    }

    private static MeetingSchedule schedule(List<Participant> people, List<Exclusion> exclusions) {
        Participant s1 = people.get(0);
        Participant s2 = people.get(1);
        Participant a = people.get(2);
        Participant b = people.get(3);
        return schedule(people, List.of(candidate("s1-a", s1, a, Origin.MUTUAL, 4000),
                candidate("s2-a", s2, a, Origin.RECOMMENDED, 500),
                candidate("s2-b", s2, b, Origin.RECOMMENDED, 100)), exclusions);
    }

    private static MeetingSchedule schedule(List<Participant> people, List<Meeting> candidates,
            List<Exclusion> exclusions) {
        Session session = new Session("am", "2024-10-10", LocalDate.of(2024, 10, 10), LocalTime.of(9, 0), 3, 1);
        Event event = new Event("bound", "Bound", ZoneId.of("Asia/Ho_Chi_Minh"), 20, List.of(session), SLOTS, TABLES,
                people, List.of(), List.of(), exclusions, Rules.DEFAULT);
        return new MeetingSchedule(event, candidates);
    }

    private static Meeting candidate(String id, Participant first, Participant second, Origin origin, long weight) {
        List<Slot> both = SLOTS.stream().filter(s -> first.isAvailable(s.index()) && second.isAvailable(s.index()))
                .toList();
        return new Meeting(id, first, second, origin, weight, 0.5, List.of(), null, both, TABLES, List.of());
    }

    /** A participant that holds one meeting at most. */
    private static Participant single(String id, int index, Role role) {
        return new Participant(id, index, role, id, 1, 0, 1, Set.of(), null, List.of(), List.of());
    }

    private static Participant startup(String id, int index) {
        return new Participant(id, index, Role.STARTUP, id, 1, 0, 4, Set.of(), null, List.of(), List.of());
    }

    private static Slot slot(int index) {
        LocalDateTime start = LocalDateTime.of(2024, 10, 10, 9, 0).plusMinutes(20L * (index - 1));
        return new Slot(index, "am", 0, start, start.plusMinutes(20));
    }
}
