package org.b2g.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Candidates;
import org.b2g.core.solver.FeasibilityCheck;
import org.b2g.core.solver.Progress;
import org.b2g.core.solver.ScheduleMetrics;
import org.b2g.core.solver.ScoreBreakdown;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.SolveReport;
import org.b2g.core.solver.StopReason;

/**
 * {@code ./b2g solve INPUT [--out FILE] [--time-limit 30s] [--unimproved 5s] [--seed N] [--max-breaks D]
 * [--move-limit N]}: schedules an event and writes {@code b2g-schedule/1}, with a one-screen summary on standard error.
 * Exit 0 with no hard violation, 2 for bad input, 3 when no feasible schedule was found (still written).
 */
final class SolveCommand implements Command {

    /** When the pre-check already proves the event impossible, a best-effort schedule needs no long search. */
    private static final Duration IMPOSSIBLE_EVENT_LIMIT = Duration.ofSeconds(2);

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        long begun = System.nanoTime();
        Arguments arguments = Arguments.parse("solve", args,
                Set.of("out", "time-limit", "unimproved", "seed", "max-breaks", "move-limit"));
        if (arguments.positional().size() != 1) {
            throw new InputException("b2g solve: expected one INPUT file (.json or .dzn) but got "
                    + arguments.positional().size() + " arguments; usage: b2g solve INPUT [--out FILE] "
                    + "[--time-limit 30s] [--unimproved 5s] [--seed N] [--max-breaks D] [--move-limit N].");
        }
        SolveOptions options = options(arguments);
        Duration timeLimit = options.timeLimit();
        Integer maxBreaks = arguments.has("max-breaks")
                ? arguments.intOption("max-breaks", 0, 0, Integer.MAX_VALUE) : null;
        String output = arguments.option("out", null);
        if (output != null) {
            OutputFile.check("--out", output);
            OutputFile.checkApart("--out", output, "the INPUT file", arguments.positional().get(0));
        }

        Event event = EventFiles.read(Path.of(arguments.positional().get(0)), maxBreaks);
        EventSummary.warn(err, arguments.positional().get(0), event);
        List<String> problems = FeasibilityCheck.problems(event);
        if (!problems.isEmpty()) {
            err.println(event.id() + ": the required meetings cannot all be scheduled:");
            problems.forEach(problem -> err.println("  - " + problem));
            if (timeLimit.compareTo(IMPOSSIBLE_EVENT_LIMIT) > 0) {
                timeLimit = IMPOSSIBLE_EVENT_LIMIT;
            }
        }

        MeetingSchedule problem = new MeetingSchedule(event, Candidates.forEvent(event));
        AtomicReference<Progress> lastBest = new AtomicReference<>();
        long started = System.nanoTime();
        Duration before = Duration.ofNanos(started - begun);
        SolveReport report = Scheduler.create(options.withTimeLimit(timeLimit).afterPreparation(before))
                .solveReporting(problem, lastBest::set);
        MeetingSchedule solved = report.schedule();
        Duration spent = Duration.ofNanos(System.nanoTime() - started);

        boolean feasible = solved.getScore() != null && solved.getScore().hardScore() == 0;
        List<String> violations = feasible ? List.of() : ScoreBreakdown.of(solved).violations();
        String json = ScheduleJson.write(solved, violations);
        if (output == null) {
            out.print(json);
            out.flush();
        } else {
            OutputFile.write("--out", output, json, out);
        }
        printSummary(err, event, solved, lastBest.get(), before, spent, violations, output, report);
        return feasible ? OK : INFEASIBLE;
    }

    /**
     * The solve options of {@code solve} and {@code repair}: {@code --time-limit} (30 s), {@code --unimproved}
     * (automatic), {@code --seed} (0) and {@code --move-limit} (none), each checked.
     */
    static SolveOptions options(Arguments arguments) {
        Duration timeLimit = arguments.durationOption("time-limit", Duration.ofSeconds(30));
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new InputException("--time-limit (" + arguments.option("time-limit", "") + ") must be positive.");
        }
        Duration unimproved = arguments.has("unimproved") ? arguments.durationOption("unimproved", null) : null;
        if (unimproved != null && (unimproved.isNegative() || unimproved.isZero())) {
            throw new InputException("--unimproved (" + arguments.option("unimproved", "") + ") must be positive.");
        }
        long moveLimit = arguments.longOption("move-limit", 0L);
        if (moveLimit < 0) {
            throw new InputException("--move-limit (" + moveLimit + ") is negative; expected 0 (none) or more.");
        }
        return new SolveOptions(timeLimit, arguments.longOption("seed", 0L), moveLimit, unimproved);
    }

    static void printSummary(PrintStream err, Event event, MeetingSchedule solved, Progress best, Duration before,
            Duration spent, List<String> violations, String output) {
        printSummary(err, event, solved, best, before, spent, violations, output, null);
    }

    /**
     * The one-screen summary; with a {@code report}, also why the solve stopped. {@code before} is the time that went
     * to reading the event and choosing candidates, said when it came off the time limit
     * ({@link SolveOptions#afterPreparation}).
     */
    static void printSummary(PrintStream err, Event event, MeetingSchedule solved, Progress best, Duration before,
            Duration spent, List<String> violations, String output, SolveReport report) {
        boolean feasible = violations.isEmpty();
        ScheduleMetrics metrics = ScheduleMetrics.of(solved);
        int candidates = solved.getMeetings().size();
        err.printf(Locale.ROOT, "Event        %s: %d participants, %d slots, %d tables%n", event.id(),
                event.participants().size(), event.slotCount(), event.tables().size());
        err.printf(Locale.ROOT, "Meetings     %d of %d candidates scheduled (%d required)%n", metrics.scheduled(),
                candidates, event.meetings().size());
        err.printf(Locale.ROOT, "Breaks       %d in total, at most %d for one participant%s%s%n", metrics.breaks(),
                metrics.maxBreaksOfAParticipant(),
                event.rules().capsBreaks() ? " (cap " + event.rules().maxBreaksPerParticipant() + ")" : "",
                report == null ? "" : "; lower bound " + report.breaksLowerBound());
        err.printf(Locale.ROOT, "Score        %s (%s)%n", solved.getScore(),
                feasible ? "feasible" : "NOT feasible: hard constraints are broken");
        err.printf(Locale.ROOT, "Time         best after %s, solved for %s%s%n",
                report != null ? seconds(report.timeToBest())
                        : best == null ? "construction" : seconds(best.elapsed()), seconds(spent),
                before.compareTo(SolveOptions.ABSORBED) <= 0 ? ""
                        : ", after " + seconds(before) + " reading the event and choosing candidates");
        if (report != null && report.stopReason() != null) {
            err.println("Stopped      " + (report.stopReason() == StopReason.UNIMPROVED
                    ? "no better schedule for " + seconds(report.searchEnded().minus(report.timeToBest()))
                    : report.stopReason().description()));
        }
        if (!feasible) {
            err.println("Violations   " + violations.size() + " (all listed in the schedule's \"violations\"):");
            violations.stream().limit(10).forEach(v -> err.println("  - " + v));
        }
        if (output != null && !output.equals("-")) {
            err.println("Written      " + output);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }
}
