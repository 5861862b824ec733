package org.b2g.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.b2g.core.cli.Arguments;
import org.b2g.core.cli.CommandLine;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.DznReader;
import org.b2g.core.io.InputException;
import org.b2g.core.matching.Candidates;
import org.b2g.core.solver.FeasibilityCheck;
import org.b2g.core.solver.ScheduleMetrics;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.SolveReport;

/**
 * {@code b2g bench-variants [DIR] [--time-limit 10s] [--move-limit N] [--runs N] [--seed S] [--families a,b]
 * [--write OUT]}: solves
 * variants of the B2B benchmark instances with forbidden slots, fixed meetings and precedences ({@link JairVariants}).
 * DIR holds either original {@code .dzn} files, from which the variants are generated (each from a witness schedule
 * our solver finds with a fixed seed and move count, so the same build gives the same variants), or variant files a
 * previous {@code --write} produced (their first comment line says family, original and expected outcome), so that two
 * builds can be measured on exactly the same variants. {@code --runs 0} only writes.
 *
 * <p>One row per variant: the pre-check's verdict, feasible or not, breaks, our lower bound, the original's optimum
 * (a lower bound of the variant's: constraints only remove schedules), the witness's breaks (an upper bound), breaks
 * above the best lower bound, proved or not, time to best. Then totals per family.
 */
public final class BenchVariantsCommand {

    static final String DEFAULT_DIR = "../shared/datasets/b2b-jair22";
    static final String HEADER = "b2g-variant";
    /** Moves of the witness solve: enough for a feasible schedule of every original, fixed for repeatability. */
    private static final long WITNESS_MOVES = 2_000_000L;
    private static final Duration IMPOSSIBLE_LIMIT = Duration.ofSeconds(2);

    private BenchVariantsCommand() {
    }

    public static void main(String[] args) {
        CommandLine.main("bench-variants", args, BenchVariantsCommand::run);
    }

    /** A variant to solve and what is known of it. */
    record Instance(String name, String family, boolean feasible, Integer witnessBreaks, Integer originalOptimum,
            Event event) {
    }

    /** One solve of a variant. */
    record Run(boolean feasible, int breaks, long bound, boolean proved, Duration timeToBest) {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Arguments arguments = Arguments.parse("bench-variants", args,
                Set.of("time-limit", "runs", "seed", "families", "write", "move-limit"));
        if (arguments.positional().size() > 1) {
            throw new InputException("usage: b2g bench-variants [DIR] [--time-limit 10s] [--move-limit N] [--runs N] "
                    + "[--seed S] "
                    + "[--families forbidden,fixed10,...] [--write OUT]");
        }
        Path dir = Path.of(arguments.positional().isEmpty() ? DEFAULT_DIR : arguments.positional().get(0));
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": is not a directory of .dzn instances or variants.");
        }
        Duration limit = arguments.durationOption("time-limit", Duration.ofSeconds(10));
        int runs = arguments.intOption("runs", 1, 0, 100);
        long seed = arguments.longOption("seed", 1L);
        // Moves per search copy instead of the clock: the same effort on a busy or an idle machine, and repeatable.
        long moveLimit = arguments.longOption("move-limit", 0L);
        if (moveLimit < 0) {
            throw new InputException("--move-limit (" + moveLimit + ") must be 0 (none) or more.");
        }
        List<JairVariants.Family> families = families(arguments.option("families", null));
        Path write = arguments.has("write") ? BenchRepairCommand.writeFolder(arguments.option("write", null)) : null;

        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.toString().endsWith(".dzn")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new InputException(dir + ": holds no .dzn file.");
        }
        Map<String, Integer> optima = knownOptima();
        List<Instance> instances = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, String> header = header(text);
            if (header != null) {
                if (families.stream().anyMatch(f -> f.id.equals(header.get("family")))) {
                    instances.add(instance(file, text, header));
                }
                continue;
            }
            String name = originalName(file);
            Event original = DznReader.read(file);
            int[] witness = witness(original, seed);
            if (witness == null) {
                err.println("bench-variants: " + name + ": no witness schedule without a broken rule; skipped.");
                continue;
            }
            int witnessBreaks = breaks(original, witness);
            JairVariants generator = new JairVariants(original, name, witness, seed);
            for (JairVariants.Family family : families) {
                JairVariants.Variant variant = generator.variant(family);
                String dzn = DznWriter.write(variant.event(), comments(variant, name, witnessBreaks,
                        optima.get(name), witness));
                if (write != null) {
                    Files.createDirectories(write);
                    Files.writeString(write.resolve(variant.name() + ".dzn"), dzn, StandardCharsets.UTF_8);
                }
                instances.add(new Instance(variant.name(), family.id, family.feasible,
                        family.feasible ? witnessBreaks : null, optima.get(name),
                        DznReader.read(dzn, variant.name())));
            }
        }
        if (write != null) {
            out.printf(Locale.ROOT, "wrote %d variant(s) to %s%n", instances.size(), write);
        }
        if (runs == 0) {
            return 0;
        }
        out.printf(Locale.ROOT, "b2g bench-variants %s: %d variant(s), %s, %d run(s) each%s%n", dir,
                instances.size(), moveLimit > 0 ? moveLimit + " moves per search copy" : "time limit " + seconds(limit),
                runs, runs > 1 ? " (medians)" : "");
        out.printf(Locale.ROOT, "%-26s %-9s %-6s %-6s %8s %6s %5s %6s %7s %5s %6s %7s%n", "variant", "family",
                "expect", "check", "feasible", "breaks", "bound", "orig", "witness", "above", "proved", "to-best");
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (Instance instance : instances) {
            List<String> problems = FeasibilityCheck.problems(instance.event());
            Duration timeLimit = problems.isEmpty() || limit.compareTo(IMPOSSIBLE_LIMIT) <= 0 ? limit
                    : IMPOSSIBLE_LIMIT;
            List<Run> results = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                results.add(solve(instance.event(), moveLimit > 0
                        ? new SolveOptions(Duration.ofMinutes(10), seed + r, moveLimit)
                        : new SolveOptions(timeLimit, seed + r, 0L, timeLimit)));
            }
            Run median = median(results);
            long lower = Math.max(median.bound(), instance.originalOptimum() == null ? 0 : instance.originalOptimum());
            boolean allFeasible = results.stream().allMatch(Run::feasible);
            long feasibleRuns = results.stream().filter(Run::feasible).count();
            out.printf(Locale.ROOT, "%-26s %-9s %-6s %-6s %8s %6s %5d %6s %7s %5s %6s %7s%n", instance.name(),
                    instance.family(), instance.feasible() ? "sched" : "none", problems.isEmpty() ? "-" : "cause",
                    allFeasible ? "yes" : feasibleRuns == 0 ? "no" : feasibleRuns + "/" + runs,
                    allFeasible ? String.valueOf(median.breaks()) : "-", median.bound(),
                    instance.originalOptimum() == null ? "-" : instance.originalOptimum(),
                    instance.witnessBreaks() == null ? "-" : instance.witnessBreaks(),
                    allFeasible ? String.valueOf(median.breaks() - lower) : "-",
                    results.stream().allMatch(Run::proved) ? "yes" : "no", seconds(median.timeToBest()));
            totals.computeIfAbsent(instance.family(), f -> new Totals()).add(instance, problems, allFeasible,
                    median, lower);
        }
        out.println();
        out.printf(Locale.ROOT, "%-9s %9s %8s %10s %7s %7s %9s %10s%n", "family", "variants", "feasible",
                "at-bound", "proved", "above", "vs-wit.", "diagnosed");
        Totals all = new Totals();
        totals.forEach((family, t) -> {
            t.print(out, family);
            all.merge(t);
        });
        all.print(out, "all");
        out.println("feasible: schedules found / variants known to have one; at-bound: breaks equal to the best lower"
                + " bound (optimal); above: breaks over that bound, summed; vs-wit.: breaks minus the witness's;"
                + " diagnosed: variants without a schedule that the pre-check names a cause for / all of them.");
        return 0;
    }

    /** Sums over the variants of one family. */
    private static final class Totals {
        int variants;
        int knownFeasible;
        int feasible;
        int atBound;
        int proved;
        long above;
        long versusWitness;
        int impossible;
        int diagnosed;
        int wronglyFeasible;

        void add(Instance instance, List<String> problems, boolean found, Run median, long lower) {
            variants++;
            if (instance.feasible()) {
                knownFeasible++;
                if (found) {
                    feasible++;
                    atBound += median.breaks() <= lower ? 1 : 0;
                    proved += median.proved() ? 1 : 0;
                    above += median.breaks() - lower;
                    versusWitness += median.breaks() - instance.witnessBreaks();
                }
            } else {
                impossible++;
                diagnosed += problems.isEmpty() ? 0 : 1;
                wronglyFeasible += found ? 1 : 0;
            }
        }

        void merge(Totals t) {
            variants += t.variants;
            knownFeasible += t.knownFeasible;
            feasible += t.feasible;
            atBound += t.atBound;
            proved += t.proved;
            above += t.above;
            versusWitness += t.versusWitness;
            impossible += t.impossible;
            diagnosed += t.diagnosed;
            wronglyFeasible += t.wronglyFeasible;
        }

        void print(PrintStream out, String family) {
            out.printf(Locale.ROOT, "%-9s %9d %8s %10s %7d %7d %+9d %10s%n", family, variants,
                    knownFeasible == 0 ? "-" : feasible + "/" + knownFeasible,
                    knownFeasible == 0 ? "-" : atBound + "/" + knownFeasible, proved, above, versusWitness,
                    impossible == 0 ? "-" : diagnosed + "/" + impossible
                            + (wronglyFeasible > 0 ? " (" + wronglyFeasible + " feasible?!)" : ""));
        }
    }

    private static Run solve(Event event, SolveOptions options) {
        MeetingSchedule problem = new MeetingSchedule(event, Candidates.forEvent(event));
        SolveReport report = Scheduler.create(options).solveReporting(problem, progress -> { });
        MeetingSchedule solved = report.schedule();
        boolean feasible = solved.getScore() != null && solved.getScore().isFeasible();
        return new Run(feasible, ScheduleMetrics.of(solved).breaks(), report.breaksLowerBound(),
                report.provedOptimal(), report.timeToBest());
    }

    /** The run with the median breaks (feasible runs first). */
    private static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> a.feasible() != b.feasible() ? (a.feasible() ? -1 : 1)
                : Integer.compare(a.breaks(), b.breaks()));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** A schedule of the original without a broken rule, from a seeded solve with a fixed number of moves. */
    static int[] witness(Event original, long seed) {
        MeetingSchedule problem = new MeetingSchedule(original, Candidates.forEvent(original));
        MeetingSchedule solved = Scheduler.create(new SolveOptions(Duration.ofMinutes(5), seed, WITNESS_MOVES))
                .solve(problem, progress -> { });
        if (solved.getScore() == null || !solved.getScore().isFeasible()) {
            return null;
        }
        Map<String, Integer> slotOf = new HashMap<>();
        for (Meeting meeting : solved.getMeetings()) {
            if (meeting.getSlot() == null) {
                return null;
            }
            slotOf.put(meeting.getId(), meeting.getSlot().index());
        }
        return original.meetings().stream().mapToInt(m -> slotOf.get(m.id())).toArray();
    }

    /** Total breaks of the schedule giving each meeting {@code slots[m]} (one day: morning and afternoon are one). */
    static int breaks(Event event, int[] slots) {
        int n = event.participants().size();
        boolean[][] busy = new boolean[n][event.slotCount() + 2];
        for (int m = 0; m < slots.length; m++) {
            busy[event.participant(event.meetings().get(m).first()).index()][slots[m]] = true;
            busy[event.participant(event.meetings().get(m).second()).index()][slots[m]] = true;
        }
        int breaks = 0;
        for (boolean[] row : busy) {
            int runs = 0;
            for (int s = 1; s <= event.slotCount(); s++) {
                if (row[s] && !row[s - 1]) {
                    runs++;
                }
            }
            breaks += Math.max(0, runs - 1);
        }
        return breaks;
    }

    private static List<String> comments(JairVariants.Variant variant, String original, int witnessBreaks,
            Integer optimum, int[] witness) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + " family=" + variant.family().id + " original=" + original + " expected="
                + (variant.family().feasible ? "feasible" : "infeasible")
                + (variant.family().feasible ? " witness-breaks=" + witnessBreaks : "")
                + (optimum == null ? "" : " original-optimum=" + optimum));
        lines.add(variant.family().description + ": " + variant.note() + ".");
        lines.add("Generated by ./b2g bench-variants from " + original + ".original.dzn (JAIR 2022 set).");
        if (variant.family().feasible) {
            lines.add("witness = " + Arrays.toString(witness) + "  (a schedule of this variant: slot per meeting)");
        }
        return lines;
    }

    /** The key=value pairs of a variant's first line, or null when the file is not a variant. */
    static Map<String, String> header(String text) {
        String first = text.lines().findFirst().orElse("").strip();
        String prefix = "% " + HEADER + " ";
        if (!first.startsWith(prefix)) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : first.substring(prefix.length()).trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }

    private static Instance instance(Path file, String text, Map<String, String> header) {
        String expected = header.get("expected");
        if (!"feasible".equals(expected) && !"infeasible".equals(expected)) {
            throw new InputException(file + ":1: expected=" + expected + "; should be feasible or infeasible.");
        }
        String name = file.getFileName().toString().replaceFirst("\\.dzn$", "");
        return new Instance(name, header.get("family"), expected.equals("feasible"),
                number(file, header, "witness-breaks"), number(file, header, "original-optimum"),
                DznReader.read(text, name));
    }

    private static Integer number(Path file, Map<String, String> header, String key) {
        String value = header.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InputException(file + ":1: " + key + "=" + value + " is not a whole number.");
        }
    }

    private static List<JairVariants.Family> families(String text) {
        if (text == null) {
            return List.of(JairVariants.Family.values());
        }
        List<JairVariants.Family> families = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                families.add(JairVariants.Family.of(part.strip()));
            } catch (IllegalArgumentException e) {
                throw new InputException("--families: " + e.getMessage());
            }
        }
        return families;
    }

    /** {@code forum-13.original.dzn} → {@code forum-13}. */
    static String originalName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.dzn$", "");
        return name.endsWith(".original") ? name.substring(0, name.length() - ".original".length()) : name;
    }

    /** The literature's optima of the originals, from the resource the {@code bench} verb reads. */
    static Map<String, Integer> knownOptima() {
        Map<String, Integer> optima = new HashMap<>();
        try (InputStream in = BenchVariantsCommand.class.getResourceAsStream("/org/b2g/core/cli/known-optima.csv")) {
            if (in == null) {
                return optima;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split(",");
                    optima.put(cells[0].trim(), Integer.parseInt(cells[cells.length - 1].trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return optima;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
