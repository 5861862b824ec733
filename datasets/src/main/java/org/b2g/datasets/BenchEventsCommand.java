package org.b2g.datasets;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.b2g.core.cli.Arguments;
import org.b2g.core.cli.CommandLine;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.InputException;
import org.b2g.core.matching.Candidates;
import org.b2g.core.solver.ScheduleMetrics;
import org.b2g.core.solver.ScoreBreakdown;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.baseline.FirstFitScheduler;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * {@code b2g bench-events [--sizes 100,600,2000] [--time-limit 60s] [--seed 1] [--baseline-only true]}: generates
 * one event per size (startups; agencies are 15% of that, at least 20), schedules its candidates with the first-fit
 * baseline and with the solver on the same run, and prints one table row per event and method: meetings, requests
 * met (all of them, and the must + mutual ones), breaks, participants without a meeting, hard and medium score
 * (from the constraint provider, the same for both) and time.
 */
public final class BenchEventsCommand {

    private BenchEventsCommand() {
    }

    public static void main(String[] args) {
        CommandLine.main("bench-events", args, BenchEventsCommand::run);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse("bench-events", args,
                Set.of("sizes", "time-limit", "seed", "baseline-only"));
        if (!arguments.positional().isEmpty()) {
            throw new InputException("b2g bench-events: unexpected argument '" + arguments.positional().get(0)
                    + "'; usage: b2g bench-events [--sizes 100,600,2000] [--time-limit 60s] [--seed 1]");
        }
        List<Integer> sizes = sizes(arguments.option("sizes", "100,600,2000"));
        Duration limit = arguments.durationOption("time-limit", Duration.ofSeconds(60));
        long seed = arguments.longOption("seed", 1);
        boolean baselineOnly = Boolean.parseBoolean(arguments.option("baseline-only", "false"));
        out.printf(Locale.ROOT, "%-26s %-8s %6s %9s %9s %6s %6s %16s %9s%n", "event", "method", "meet",
                "requests", "must+mut", "breaks", "empty", "hard/medium", "time");
        for (int startups : sizes) {
            int agencies = Math.min(EventGenerator.maxAgencies(), Math.max(20, startups * 15 / 100));
            EventGenerator generator = new EventGenerator(startups, agencies, seed);
            Event event = EventJson.read(generator.json(), "generated " + startups + "x" + agencies);
            List<Meeting> candidates = Candidates.forEvent(event);
            String name = startups + "x" + agencies + " (" + candidates.size() + " cand.)";

            long start = System.nanoTime();
            MeetingSchedule baseline = FirstFitScheduler.schedule(event, candidates);
            Duration baselineTime = Duration.ofNanos(System.nanoTime() - start);
            row(out, name, "baseline", baseline, hard(ScoreBreakdown.of(baseline).score()), baselineTime);
            if (!baselineOnly) {
                start = System.nanoTime();
                MeetingSchedule solved = Scheduler.create(new SolveOptions(limit, seed, 0))
                        .solve(new MeetingSchedule(event, candidates), progress -> { });
                Duration solverTime = Duration.ofNanos(System.nanoTime() - start);
                row(out, name, "solver", solved, hard(ScoreBreakdown.of(solved).score()), solverTime);
            }
        }
        return 0;
    }

    private static void row(PrintStream out, String event, String method, MeetingSchedule schedule, String hard,
            Duration time) {
        ScheduleMetrics metrics = ScheduleMetrics.of(schedule);
        Map<Boolean, int[]> requests = new HashMap<>(); // strong (must, mutual) or not -> {met, all}
        for (Meeting m : schedule.getMeetings()) {
            Origin origin = m.getOrigin();
            if (origin == Origin.MUST || origin == Origin.MUTUAL || origin == Origin.REQUEST) {
                int[] counts = requests.computeIfAbsent(origin != Origin.REQUEST, k -> new int[2]);
                counts[0] += m.isScheduled() ? 1 : 0;
                counts[1]++;
            }
        }
        int[] strong = requests.getOrDefault(true, new int[2]);
        int[] weak = requests.getOrDefault(false, new int[2]);
        out.printf(Locale.ROOT, "%-26s %-8s %6d %9s %9s %6d %6d %16s %8.2fs%n", event, method, metrics.scheduled(),
                (strong[0] + weak[0]) + "/" + (strong[1] + weak[1]), strong[0] + "/" + strong[1], metrics.breaks(),
                metrics.participantsWithoutMeetings(), hard, time.toMillis() / 1000.0);
    }

    /** Hard score, then the medium (demand and fairness) score that the two methods compete on. */
    private static String hard(HardMediumSoftLongScore score) {
        return score.hardScore() + "/" + score.mediumScore();
    }

    private static List<Integer> sizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int n = Integer.parseInt(part.strip());
                if (n < 1 || n > 100_000) {
                    throw new InputException("--sizes (" + text + ") has " + n + ", outside 1..100000.");
                }
                sizes.add(n);
            } catch (NumberFormatException e) {
                throw new InputException("--sizes (" + text + ") should be startup counts separated by commas.");
            }
        }
        return sizes;
    }
}
