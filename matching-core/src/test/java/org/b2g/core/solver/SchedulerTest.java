package org.b2g.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Rules;
import org.b2g.core.io.DznReader;
import org.b2g.core.io.EventJson;
import org.b2g.core.matching.Candidates;
import org.b2g.core.solver.search.KernelPhase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static final Path BENCHMARK = Path.of(System.getProperty("b2g.benchmark",
            "../../shared/datasets/b2b-jair22"));

    private static MeetingSchedule benchmark(String name) {
        Path file = BENCHMARK.resolve(name + ".original.dzn");
        Assumptions.assumeTrue(Files.isRegularFile(file), "benchmark not found at " + file.toAbsolutePath());
        Event event = DznReader.read(file);
        return new MeetingSchedule(event, Candidates.forEvent(event));
    }

    private static SolveOptions moves(long seed, long moveLimit) {
        return new SolveOptions(Duration.ofMinutes(5), seed, moveLimit);
    }

    private static List<String> placements(MeetingSchedule schedule) {
        List<String> placements = new ArrayList<>();
        for (Meeting meeting : schedule.getMeetings()) {
            placements.add(meeting.toString());
        }
        return placements;
    }

    @Test
    void findsTheOptimumOfASmallBenchmarkInstanceUnderFullAssert() {
        MeetingSchedule problem = benchmark("tic-12");
        MeetingSchedule solved = Scheduler.createAsserting(moves(1, 3_000_000)).solve(problem, progress -> { });
        assertTrue(solved.getScore().isFeasible(), solved.getScore().toString());
        assertEquals(0, ScheduleMetrics.of(solved).breaks());
        assertNull(problem.getMeetings().get(0).getSlot(), "the input is left as it was");
    }

    @Test
    void stopsAtAProvedOptimumLongBeforeTheTimeLimit() {
        long start = System.nanoTime();
        SolveReport report = Scheduler.create(new SolveOptions(Duration.ofMinutes(5), 1, 0))
                .solveReporting(benchmark("tic-12"), progress -> { });
        assertEquals(StopReason.PROVED_OPTIMAL, report.stopReason());
        assertEquals(0, ScheduleMetrics.of(report.schedule()).breaks());
        assertTrue(System.nanoTime() - start < TimeUnit.MINUTES.toNanos(1), "stopped at the proof, not the limit");
        assertTrue(report.timeToBest().compareTo(report.searchEnded()) <= 0);
    }

    @Test
    void anEventNoScheduleCanKeepStopsAtTheSatSolversProofLongBeforeTheLimit() {
        // One table, three slots. Participant 4 can come in slot 2 only, so its meeting takes slot 2's table; participant
        // 1 may have no break, so its two meetings take slots 1-2 or 2-3, and one of them needs slot 2 as well. No count
        // of the pre-check sees it.
        Event event = DznReader.read("""
                nBusiness = 5; nMeetings = 3; nTables = 1; nTotalSlots = 3; nMorningSlots = 3;
                requested = [| 1, 2, 3 | 1, 3, 3 | 4, 5, 3 |];
                meetingsxBusiness = [{1, 2, 3}, {1, 2}, {1, 3}, {1, 4}, {1, 4}];
                nMeetingsBusiness = [2, 1, 1, 1, 1];
                forbidden = [{0}, {0}, {0}, {0, 1, 3}, {0}];
                fixed = [0, 0, 0];
                precedences = [{}, {}, {}];
                """, "crossing").withRules(Rules.DEFAULT.withMaxBreaks(0));
        assertEquals(List.of(), FeasibilityCheck.problems(event));
        long start = System.nanoTime();
        SolveReport report = Scheduler.create(new SolveOptions(Duration.ofMinutes(2), 1, 0))
                .solveReporting(new MeetingSchedule(event, Candidates.forEvent(event)), progress -> { });
        assertEquals(StopReason.NO_VALID_SCHEDULE_UNDER_THE_BREAK_CAP, report.stopReason());
        assertTrue(report.schedule().getScore().hardScore() < 0);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "stopped at the proof, not the limit");

        // Without a cap on breaks, an order instead: four slots, one table; participants 4 and 6 take slots 2 and 4;
        // meeting 2 comes after meeting 1, and participant 2 is away in slot 1, so meeting 1 takes slot 3 and meeting
        // 2 finds no slot after it.
        Event ordered = DznReader.read("""
                nBusiness = 7; nMeetings = 4; nTables = 1; nTotalSlots = 4; nMorningSlots = 4;
                requested = [| 1, 2, 3 | 1, 3, 3 | 4, 5, 3 | 6, 7, 3 |];
                meetingsxBusiness = [{1, 2, 3}, {1, 2}, {1, 3}, {1, 4}, {1, 4}, {1, 5}, {1, 5}];
                nMeetingsBusiness = [2, 1, 1, 1, 1, 1, 1];
                forbidden = [{0}, {0, 1}, {0}, {0, 1, 3, 4}, {0}, {0, 1, 2, 3}, {0}];
                fixed = [0, 0, 0, 0];
                precedences = [{}, {1}, {}, {}];
                """, "ordered");
        assertEquals(List.of(), FeasibilityCheck.problems(ordered));
        SolveReport noOrder = Scheduler.create(new SolveOptions(Duration.ofMinutes(2), 1, 0))
                .solveReporting(new MeetingSchedule(ordered, Candidates.forEvent(ordered)), progress -> { });
        assertEquals(StopReason.NO_VALID_SCHEDULE, noOrder.stopReason());
    }

    @Test
    void schedulesAB2gEventUnderFullAssert() {
        MeetingSchedule solved = Scheduler.createAsserting(moves(3, 200_000))
                .solve(SampleEvents.b2g(3, 8, 5), progress -> { });
        assertTrue(solved.getScore().isFeasible(), solved.getScore().toString());
    }

    @Test
    void anEventOfManySlotsAndTablesIsSolvedWithoutACellForEverySlotAndTable() {
        // 10,000 slots x 100,000 tables, the readers' caps: arrays over every (slot, table) cell took 4 GB each and
        // about half a minute; the tables in use are kept per slot with meetings instead.
        Event event = EventJson.read("""
                {"format": "b2g-event/1", "event": {"id": "e", "sessions": [{"id": "s", "slots": 10000}],
                 "tables": 100000},
                 "participants": [{"id": "s-1", "role": "startup"}, {"id": "a-1", "role": "agency"}],
                 "requests": [{"from": "s-1", "to": "a-1"}]}""", "many.json");
        MeetingSchedule problem = new MeetingSchedule(event, Candidates.forEvent(event));
        MeetingSchedule solved = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Scheduler.create(moves(1, 10_000)).solve(problem, progress -> { }));
        assertTrue(solved.getScore().isFeasible(), solved.getScore().toString());
        Meeting meeting = solved.getMeetings().get(0);
        assertNotNull(meeting.getSlot());
        assertNotNull(meeting.getTable());
    }

    @Test
    void sameSeedAndMoveLimitGiveTheSameSchedule() {
        MeetingSchedule problem = SampleEvents.b2g(7, 10, 6);
        MeetingSchedule once = Scheduler.create(moves(42, 300_000)).solve(problem, progress -> { });
        MeetingSchedule again = Scheduler.create(moves(42, 300_000)).solve(problem, progress -> { });
        assertEquals(placements(once), placements(again));
        assertEquals(once.getScore(), again.getScore());
    }

    @Test
    void kernelScoreEqualsTheConstraintProviderScore() {
        for (long seed = 1; seed <= 4; seed++) {
            MeetingSchedule solved = Scheduler.create(moves(seed, 100_000))
                    .solve(SampleEvents.b2g(seed, 9, 6), progress -> { });
            assertEquals(solved.getScore(), KernelPhase.score(solved), "sample event " + seed);
        }
        MeetingSchedule benchmark = Scheduler.create(moves(1, 200_000)).solve(benchmark("forum-13"), progress -> { });
        assertEquals(benchmark.getScore(), KernelPhase.score(benchmark));
    }

    @Test
    void kernelScoreEqualsTheConstraintProviderScoreOfAnInfeasibleSchedule() {
        // Stopped after a few moves: the schedule still breaks rules, and both scores must count them alike.
        MeetingSchedule solved = Scheduler.create(moves(5, 1)).solve(benchmark("tic-12crafc"), progress -> { });
        assertEquals(solved.getScore(), KernelPhase.score(solved));
    }

    @Test
    void reportsProgressAndStopsWhenTerminatedFromAnotherThread() throws Exception {
        MeetingSchedule problem = benchmark("forum-13crafb");
        Scheduler scheduler = Scheduler.create(new SolveOptions(Duration.ofMinutes(5), 1, 0));
        List<Progress> progress = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(scheduler::terminateEarly, 1, TimeUnit.SECONDS);
            long start = System.nanoTime();
            MeetingSchedule solved = scheduler.solve(problem, progress::add);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "stopped soon after the request");
            assertEquals(solved.getScore(), progress.get(progress.size() - 1).score(), "the last report is the result");
        } finally {
            timer.shutdownNow();
        }
    }
}
