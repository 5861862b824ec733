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
import org.b2g.core.solver.Progress;
import org.b2g.core.solver.ScoreBreakdown;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.baseline.FirstFitScheduler;
import org.b2g.core.solver.bound.DemandBound;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * {@code b2g bench-events [--sizes 100,600x60,2000] [--time-limit 60s] [--seed 1] [--baseline-only true]
 * [--targets 600x90=0/-123456/4,...]}: generates one event per size (startups, or startups x agencies; agencies are
 * otherwise 15% of the startups, at least 20), schedules its candidates with the first-fit baseline and with the
 * solver on the same run, and prints one table row per event and method: meetings, requests met (all of them, the
 * must + mutual ones, the mutual ones), breaks, participants without a meeting, hard and medium score (from the
 * constraint provider, the same for both), when the best was found and the time used.
 *
 * <p>Two more rows per event come from the {@link DemandBound}, what any schedule of these candidates could meet at
 * most, ignoring the clock: {@code bound} counts (everyone served, then the most mutual requests, then the most
 * requests); {@code best-med} is the best medium the score allows and
 * the most requests a set of that medium holds. The score weighs a first meeting above a one-sided request and a
 * high request above a normal one, so the two can differ; the solver's row ends with its gap to each. With
 * {@code --targets} (hard/medium/breaks per size, say from another build's run of this table), the solver's row also
 * says when it first reached the target.
 */
public final class BenchEventsCommand {

    private static final String USAGE = "usage: b2g bench-events [--sizes 100,600x60,2000] [--time-limit 60s] [--seed 1]"
            + " [--targets 600x90=0/-123456/4,...]";

    private BenchEventsCommand() {
    }

    public static void main(String[] args) {
        CommandLine.main("bench-events", args, BenchEventsCommand::run);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse("bench-events", args,
                Set.of("sizes", "time-limit", "seed", "baseline-only", "targets"));
        if (!arguments.positional().isEmpty()) {
            throw new InputException("b2g bench-events: unexpected argument '" + arguments.positional().get(0)
                    + "'; " + USAGE);
        }
        List<int[]> sizes = sizes(arguments.option("sizes", "100,600,2000"));
        Duration limit = arguments.durationOption("time-limit", Duration.ofSeconds(60));
        long seed = arguments.longOption("seed", 1);
        boolean baselineOnly = Boolean.parseBoolean(arguments.option("baseline-only", "false"));
        Map<String, Target> targets = targets(arguments.option("targets", ""));
        out.printf(Locale.ROOT, "%-24s %-8s %5s %9s %9s %7s %6s %5s %15s %7s %7s %8s  %-22s %s%n", "event",
                "method", "meet", "requests", "must+mut", "mutual", "breaks", "empty", "hard/medium", "best at", "time",
                "reached", "gap to bound (mut, req)", "gap to best-medium (mut, req, medium)");
        for (int[] size : sizes) {
            int startups = size[0];
            int agencies = size[1] > 0 ? size[1]
                    : Math.min(EventGenerator.maxAgencies(), Math.max(20, startups * 15 / 100));
            String key = startups + "x" + agencies;
            EventGenerator generator = new EventGenerator(startups, agencies, seed);
            Event event = EventJson.read(generator.json(), "generated " + key);
            List<Meeting> candidates = Candidates.forEvent(event);
            String name = key + " (" + candidates.size() + " cand.)";

            long start = System.nanoTime();
            DemandBound bound = DemandBound.of(new MeetingSchedule(event, candidates));
            Duration boundTime = Duration.ofNanos(System.nanoTime() - start);
            Counts all = Counts.of(candidates);
            String kind = bound.exact() ? "ignores the clock" : "fractional";
            out.printf(Locale.ROOT, "%-24s %-8s %5s %9s %9s %7s %6s %5d %15s %7s %6.2fs %8s  %s%n", name, "bound", "-",
                    bound.requested() + "/" + all.requests, "-", bound.mutual() + "/" + all.mutual, "-",
                    bound.participants() - bound.served(), "-", "-",
                    boundTime.toMillis() / 1000.0, "-", kind + "; by count: served, mutual, requests");
            out.printf(Locale.ROOT, "%-24s %-8s %5s %9s %9s %7s %6s %5d %15s %7s %7s %8s  %s%n", name, "best-med",
                    "-", bound.requestedAtBestMedium() + "/" + all.requests, "-",
                    bound.mutualAtBestMedium() + "/" + all.mutual, "-",
                    bound.participants() - bound.servedAtBestMedium(), "0/" + bound.medium(), "-", "-", "-",
                    kind + "; the score's best medium, then most requests");

            start = System.nanoTime();
            MeetingSchedule baseline = FirstFitScheduler.schedule(event, candidates);
            Duration baselineTime = Duration.ofNanos(System.nanoTime() - start);
            row(out, name, "baseline", baseline, null, baselineTime, null, bound);
            if (!baselineOnly) {
                List<Progress> progress = new ArrayList<>();
                start = System.nanoTime();
                MeetingSchedule solved = Scheduler.create(new SolveOptions(limit, seed, 0))
                        .solve(new MeetingSchedule(event, candidates), progress::add);
                Duration solverTime = Duration.ofNanos(System.nanoTime() - start);
                Duration bestAt = progress.isEmpty() ? null : progress.get(progress.size() - 1).elapsed();
                Target target = targets.get(key);
                String reached = target == null ? "-" : target.reachedAt(progress);
                row(out, name, "solver", solved, bestAt, solverTime, reached, bound);
            }
        }
        return 0;
    }

    private static void row(PrintStream out, String event, String method, MeetingSchedule schedule, Duration bestAt,
            Duration time, String reached, DemandBound bound) {
        ScheduleMetrics metrics = ScheduleMetrics.of(schedule);
        Counts met = Counts.of(schedule.getMeetings().stream().filter(Meeting::isScheduled).toList());
        Counts all = Counts.of(schedule.getMeetings());
        HardMediumSoftLongScore score = ScoreBreakdown.of(schedule).score();
        out.printf(Locale.ROOT, "%-24s %-8s %5d %9s %9s %7s %6d %5d %15s %7s %6.2fs %8s  %-22s %s%n", event, method,
                metrics.scheduled(), met.requests + "/" + all.requests, met.strong + "/" + all.strong,
                met.mutual + "/" + all.mutual, metrics.breaks(), metrics.participantsWithoutMeetings(),
                score.hardScore() + "/" + score.mediumScore(),
                bestAt == null ? "-" : String.format(Locale.ROOT, "%.2fs", bestAt.toMillis() / 1000.0),
                time.toMillis() / 1000.0, reached == null ? "-" : reached,
                gap(met.mutual, bound.mutual()) + ", " + gap(met.requests, bound.requested()),
                gap(met.mutual, bound.mutualAtBestMedium()) + ", " + gap(met.requests, bound.requestedAtBestMedium())
                        + ", " + gap(score.mediumScore(), bound.medium()));
    }

    /** How far a medium score (0 or less) is below the bound's, in per cent of the bound's size; 2 decimals. */
    private static String gap(long medium, long bound) {
        return bound == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * (bound - medium) / -bound);
    }

    /** How far below the bound, in per cent of the bound. */
    private static String gap(int met, int bound) {
        return bound == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * (bound - met) / bound);
    }

    /** Requests among some candidates: all kinds, must + mutual, mutual. */
    private record Counts(int requests, int strong, int mutual) {

        static Counts of(List<Meeting> meetings) {
            int requests = 0;
            int strong = 0;
            int mutual = 0;
            for (Meeting m : meetings) {
                Origin origin = m.getOrigin();
                requests += origin == Origin.MUST || origin == Origin.MUTUAL || origin == Origin.REQUEST ? 1 : 0;
                strong += origin == Origin.MUST || origin == Origin.MUTUAL ? 1 : 0;
                mutual += origin == Origin.MUTUAL ? 1 : 0;
            }
            return new Counts(requests, strong, mutual);
        }
    }

    /** A result to reach: hard and medium score, then breaks (what the table shows of another run). */
    private record Target(long hard, long medium, int breaks) {

        /** When the solve first had a best at least this good, or "never". */
        String reachedAt(List<Progress> progress) {
            for (Progress p : progress) {
                HardMediumSoftLongScore s = p.score();
                int byHard = Long.compare(s.hardScore(), hard);
                int byMedium = Long.compare(s.mediumScore(), medium);
                if (byHard > 0 || byHard == 0 && (byMedium > 0 || byMedium == 0 && p.breaks() <= breaks)) {
                    return String.format(Locale.ROOT, "%.2fs", p.elapsed().toMillis() / 1000.0);
                }
            }
            return "never";
        }
    }

    private static Map<String, Target> targets(String text) {
        Map<String, Target> targets = new HashMap<>();
        if (text.isBlank()) {
            return targets;
        }
        for (String part : text.split(",")) {
            String[] keyValue = part.strip().split("=");
            String[] levels = keyValue.length == 2 ? keyValue[1].split("/") : new String[0];
            try {
                if (levels.length != 3 || !keyValue[0].matches("\\d+x\\d+")) {
                    throw new NumberFormatException();
                }
                targets.put(keyValue[0], new Target(Long.parseLong(levels[0]), Long.parseLong(levels[1]),
                        Integer.parseInt(levels[2])));
            } catch (NumberFormatException e) {
                throw new InputException("--targets (" + text + ") has '" + part.strip()
                        + "'; expected STARTUPSxAGENCIES=HARD/MEDIUM/BREAKS, e.g. 600x90=0/-123456/4.");
            }
        }
        return targets;
    }

    /** Startup counts, each with an agency count or 0 for the default share. */
    private static List<int[]> sizes(String text) {
        List<int[]> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] counts = part.strip().split("x", -1);
            try {
                if (counts.length > 2) {
                    throw new NumberFormatException();
                }
                int n = Integer.parseInt(counts[0]);
                int m = counts.length == 2 ? Integer.parseInt(counts[1]) : 0;
                if (n < 1 || n > 100_000) {
                    throw new InputException("--sizes (" + text + ") has " + n + " startups, outside 1..100000.");
                }
                if (counts.length == 2 && (m < 1 || m > EventGenerator.maxAgencies())) {
                    throw new InputException("--sizes (" + text + ") has " + m + " agencies, outside 1.."
                            + EventGenerator.maxAgencies() + ".");
                }
                sizes.add(new int[] {n, m});
            } catch (NumberFormatException e) {
                throw new InputException("--sizes (" + text + ") should be startup counts, or startups x agencies"
                        + " (600x60), separated by commas.");
            }
        }
        return sizes;
    }
}
