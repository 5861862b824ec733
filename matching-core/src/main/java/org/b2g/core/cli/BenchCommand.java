package org.b2g.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.InputException;
import org.b2g.core.matching.Candidates;
import org.b2g.core.solver.ScheduleMetrics;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.SolveReport;
import org.b2g.core.solver.search.KernelPhase;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * {@code b2g bench DIR [--time-limit 10s] [--unimproved 5s] [--runs N] [--seed S] [--plain-optaplanner]}: solves
 * every {@code .dzn} and {@code .json} instance in DIR and prints one row per instance (medians over the runs:
 * breaks, the lower bound on breaks, time to best, time used, runs that proved their result optimal) and the totals;
 * with {@code --plain-optaplanner} the generic OptaPlanner configuration runs on the same instances for comparison.
 * It measures quality at the time limit, so a solve stops early only at a proved optimum unless {@code --unimproved}
 * is given.
 */
final class BenchCommand implements Command {

    private static final Set<String> OPTIONS = Set.of("time-limit", "unimproved", "runs", "seed");
    private static final String PLAIN = "--plain-optaplanner";

    /** One solved run: breaks found, feasible or not, time to best, time used, proved optimal or not. */
    record Run(int breaks, boolean feasible, Duration timeToBest, Duration spent, boolean proved, long bound) {
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        boolean plain = args.contains(PLAIN);
        Arguments arguments = Arguments.parse("bench", args.stream().filter(a -> !a.equals(PLAIN)).toList(),
                OPTIONS);
        if (arguments.positional().size() != 1) {
            throw new InputException("usage: b2g bench DIR [--time-limit 10s] [--unimproved 5s] [--runs N] [--seed S] "
                    + "[--plain-optaplanner]");
        }
        Path dir = Path.of(arguments.positional().get(0));
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": is not a directory of .dzn or .json instances.");
        }
        Duration timeLimit = arguments.durationOption("time-limit", Duration.ofSeconds(10));
        // Quality at the limit by default: the unimproved stop only when asked for.
        Duration unimproved = arguments.durationOption("unimproved", timeLimit);
        if (unimproved != null && (unimproved.isNegative() || unimproved.isZero())) {
            throw new InputException("--unimproved (" + arguments.option("unimproved", "") + ") must be positive.");
        }
        int runs = arguments.intOption("runs", 1, 1, 1000);
        long seed = arguments.longOption("seed", 0L);
        List<Path> instances;
        try (Stream<Path> files = Files.list(dir)) {
            instances = files.filter(f -> Files.isRegularFile(f) && isInstance(f)).sorted().toList();
        }
        if (instances.isEmpty()) {
            throw new InputException(dir + ": holds no .dzn or .json instance.");
        }
        // Every instance read before any is solved: a broken file is reported in a second, not after the others' runs.
        List<Event> events = new ArrayList<>();
        for (Path file : instances) {
            events.add(EventFiles.read(file, null));
        }
        KnownOptima optima = KnownOptima.load();
        out.printf("b2g bench %s: %d instance(s), time limit %s, unimproved %s, %d run(s) per instance, seed %d%s%n",
                dir, instances.size(), format(timeLimit), unimproved.compareTo(timeLimit) >= 0 ? "off"
                        : format(unimproved), runs, seed, runs > 1 ? " (medians)" : "");
        out.println("SAT solver at the lower bound: " + KernelPhase.satSolver());
        String header = String.format(Locale.ROOT, "%-16s %4s %5s %3s %3s %6s %5s %7s %4s %8s %6s %6s %8s", "instance",
                "P", "M", "T", "L", "breaks", "bound", "optimum", "gap", "to-best", "time", "proved", "feasible");
        if (plain) {
            header += String.format(Locale.ROOT, " | %12s %14s", "plain-breaks", "plain-feasible");
        }
        out.println(header);
        int feasible = 0;
        int optimal = 0;
        int known = 0;
        int proved = 0;
        int plainFeasible = 0;
        int plainOptimal = 0;
        for (int i = 0; i < instances.size(); i++) {
            Path file = instances.get(i);
            Event event = events.get(i);
            String name = name(file);
            Integer optimum = optima.of(name);
            List<Run> results = new ArrayList<>();
            List<Run> plainResults = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                results.add(solve(event, new SolveOptions(timeLimit, seed + r, 0L, unimproved), err, name));
                if (plain) {
                    plainResults.add(solvePlain(event, timeLimit, seed + r));
                }
            }
            Summary summary = Summary.of(results);
            String row = String.format(Locale.ROOT, "%-16s %4d %5d %3d %3d %6s %5d %7s %4s %8s %6s %6s %8s", name,
                    event.participants().size(), event.meetings().size(), event.slotCount(), event.tables().size(),
                    summary.breaks(), results.get(0).bound(), optimum == null ? "-" : optimum,
                    optimum == null ? "-" : summary.breaks() - optimum, format(summary.timeToBest()),
                    format(summary.spent()), summary.provedText(), summary.feasibleText(runs));
            if (summary.provedRuns() == runs) {
                proved++;
            }
            if (summary.allFeasible()) {
                feasible++;
            }
            if (optimum != null) {
                known++;
                if (summary.allFeasible() && summary.breaks() <= optimum) {
                    optimal++;
                }
            }
            if (plain) {
                Summary other = Summary.of(plainResults);
                row += String.format(Locale.ROOT, " | %12d %14s", other.breaks(), other.feasibleText(runs));
                plainFeasible += other.allFeasible() ? 1 : 0;
                plainOptimal += optimum != null && other.allFeasible() && other.breaks() <= optimum ? 1 : 0;
            }
            out.println(row);
        }
        out.printf("feasible %d/%d, optimal %d/%d (of instances with a known optimum), proved optimal %d/%d%n",
                feasible, instances.size(), optimal, known, proved, instances.size());
        if (plain) {
            out.printf("plain OptaPlanner: feasible %d/%d, optimal %d/%d%n", plainFeasible, instances.size(),
                    plainOptimal, known);
        }
        return OK;
    }

    private static Run solve(Event event, SolveOptions options, PrintStream err, String name) {
        MeetingSchedule problem = new MeetingSchedule(event, Candidates.forEvent(event));
        long start = System.nanoTime();
        SolveReport report = Scheduler.create(options).solveReporting(problem, progress -> { });
        Duration spent = Duration.ofNanos(System.nanoTime() - start);
        MeetingSchedule solved = report.schedule();
        HardMediumSoftLongScore score = solved.getScore();
        HardMediumSoftLongScore kernelScore = KernelPhase.score(solved);
        if (!kernelScore.equals(score)) {
            err.println("bench: " + name + ": the kernel's score " + kernelScore + " differs from OptaPlanner's "
                    + score + ".");
        }
        return new Run(ScheduleMetrics.of(solved).breaks(), score.isFeasible(), report.timeToBest(), spent,
                report.provedOptimal(), report.breaksLowerBound());
    }

    private static Run solvePlain(Event event, Duration timeLimit, long seed) {
        MeetingSchedule problem = new MeetingSchedule(event, Candidates.forEvent(event));
        long start = System.nanoTime();
        PlainOptaPlanner.Result result = PlainOptaPlanner.solve(problem, timeLimit, seed);
        MeetingSchedule solved = result.schedule();
        return new Run(ScheduleMetrics.of(solved).breaks(), solved.getScore().isFeasible(), result.timeToBest(),
                Duration.ofNanos(System.nanoTime() - start), false, 0);
    }

    /** A {@code .dzn} or {@code .json} file, the extension in any case ({@code TIC-12.DZN}), as {@code solve} reads. */
    private static boolean isInstance(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".dzn") || name.endsWith(".json");
    }

    /** {@code forum-13.original.dzn} → {@code forum-13}. */
    static String name(Path file) {
        String name = file.getFileName().toString();
        name = name.substring(0, name.lastIndexOf('.'));
        return name.endsWith(".original") ? name.substring(0, name.length() - ".original".length()) : name;
    }

    static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }

    /** Medians over the runs of one instance. */
    private record Summary(int breaks, Duration timeToBest, Duration spent, int feasibleRuns, int provedRuns,
            int runs) {

        static Summary of(List<Run> runs) {
            int[] breaks = runs.stream().mapToInt(Run::breaks).sorted().toArray();
            long[] millis = runs.stream().mapToLong(r -> r.timeToBest().toMillis()).sorted().toArray();
            long[] spent = runs.stream().mapToLong(r -> r.spent().toMillis()).sorted().toArray();
            int feasible = (int) runs.stream().filter(Run::feasible).count();
            int proved = (int) runs.stream().filter(Run::proved).count();
            return new Summary(breaks[(breaks.length - 1) / 2], Duration.ofMillis(millis[(millis.length - 1) / 2]),
                    Duration.ofMillis(spent[(spent.length - 1) / 2]), feasible, proved, runs.size());
        }

        String provedText() {
            return provedRuns == runs ? "yes" : provedRuns == 0 ? "no" : provedRuns + "/" + runs;
        }

        boolean allFeasible() {
            return feasibleRuns == runs;
        }

        String feasibleText(int total) {
            return allFeasible() ? "yes" : feasibleRuns == 0 ? "no" : feasibleRuns + "/" + total;
        }
    }
}
