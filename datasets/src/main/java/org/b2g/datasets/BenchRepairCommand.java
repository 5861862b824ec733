package org.b2g.datasets;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import org.b2g.core.cli.Arguments;
import org.b2g.core.cli.CommandLine;
import org.b2g.core.cli.OutputFile;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Candidates;
import org.b2g.core.repair.Openings;
import org.b2g.core.repair.PublishedMeeting;
import org.b2g.core.repair.Repair;
import org.b2g.core.repair.RepairMode;
import org.b2g.core.repair.RepairPlan;
import org.b2g.core.solver.ScoreBreakdown;
import org.b2g.core.solver.Scheduler;
import org.b2g.core.solver.SolveOptions;
import org.b2g.core.solver.baseline.FirstFitScheduler;

/**
 * {@code b2g bench-repair [--startups 600] [--agencies 60] [--time-limit 30s] [--seed 1] [--write DIR]}: generates
 * an event, solves and "publishes" it, applies a {@link WeekOfChanges}, then repairs it four ways in one run and
 * prints one row each: {@code minimal} and {@code freeze} repair, a plain re-solve of the changed event from
 * scratch, and the first-fit reference (published meetings kept, the new requests inserted first-fit). Columns:
 * hard score, unaffected published meetings moved and dropped, late startups with a meeting, new must and mutual
 * requests met, people whose agenda changes, time. Then times the one-new-meeting finder on the repaired schedule.
 */
public final class BenchRepairCommand {

    private BenchRepairCommand() {
    }

    public static void main(String[] args) {
        CommandLine.main("bench-repair", args, BenchRepairCommand::run);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Arguments arguments = Arguments.parse("bench-repair", args,
                Set.of("startups", "agencies", "time-limit", "seed", "write", "finder-event"));
        if (!arguments.positional().isEmpty()) {
            throw new InputException("b2g bench-repair: unexpected argument '" + arguments.positional().get(0)
                    + "'; usage: b2g bench-repair [--startups 600] [--agencies 60] [--time-limit 30s] [--seed 1]"
                    + " [--write DIR]");
        }
        int startups = arguments.intOption("startups", 600, 10, 5_000);
        int agencies = arguments.intOption("agencies", 60, 2, EventGenerator.maxAgencies());
        Duration limit = arguments.durationOption("time-limit", Duration.ofSeconds(30));
        long seed = arguments.longOption("seed", 1);
        Path write = arguments.has("write") ? writeFolder(arguments.option("write", ".")) : null;

        JsonObject eventJson = new EventGenerator(startups, agencies, seed).generate();
        Event event = EventJson.read(text(eventJson), "generated event");
        MeetingSchedule first = Scheduler.create(new SolveOptions(limit, seed, 0))
                .solve(new MeetingSchedule(event, Candidates.forEvent(event)), progress -> { });
        String publishedText = ScheduleJson.write(first);
        ScheduleFile published = ScheduleJson.read(publishedText, "published schedule");
        JsonObject changedJson = WeekOfChanges.apply(eventJson, published, seed);
        Event changed = EventJson.read(text(changedJson), "changed event");
        if (write != null) {
            Files.createDirectories(write);
            OutputFile.write("--write", write.resolve("event.json").toString(), text(eventJson), System.out);
            OutputFile.write("--write", write.resolve("published.json").toString(), publishedText, System.out);
            OutputFile.write("--write", write.resolve("changed.json").toString(), text(changedJson), System.out);
        }

        RepairPlan reference = Repair.plan(changed, published, RepairMode.MINIMAL, "published schedule");
        Yardstick yardstick = new Yardstick(changed, published, reference);
        out.printf(Locale.ROOT, "Event %dx%d, %d published meetings (%d unaffected, %d affected, %d no longer wanted),"
                + " %d new must+mutual requests, %d late startups; time limit %s per method%n",
                startups, agencies, published.meetings().size(), reference.count(PublishedMeeting.Status.UNAFFECTED),
                reference.count(PublishedMeeting.Status.AFFECTED), reference.count(PublishedMeeting.Status.GONE),
                yardstick.newStrong.size(), WeekOfChanges.LATE_STARTUPS, limit);
        out.printf(Locale.ROOT, "%-9s %8s %8s %8s %10s %12s %9s %8s%n", "method", "hard", "moved", "dropped",
                "late met", "must+mutual", "affected", "time");

        MeetingSchedule minimal = null;
        for (String method : List.of("minimal", "freeze", "re-solve", "first-fit")) {
            long start = System.nanoTime();
            MeetingSchedule result = switch (method) {
                case "minimal", "freeze" -> {
                    RepairPlan plan = Repair.plan(changed, published, RepairMode.parse(method, "mode"),
                            "published schedule");
                    yield Scheduler.create(new SolveOptions(limit, seed, 0)).solve(plan.problem(), p -> { });
                }
                case "re-solve" -> Scheduler.create(new SolveOptions(limit, seed, 0))
                        .solve(new MeetingSchedule(changed, Candidates.forEvent(changed)), p -> { });
                default -> firstFit(changed, published);
            };
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (method.equals("minimal")) {
                minimal = result;
            }
            yardstick.row(out, method, result, time);
        }
        finderTimes(out, "the repaired " + startups + "x" + agencies + " event", minimal, seed);
        int[] big = finderSize(arguments.option("finder-event", "2000x300"));
        Event large = EventJson.read(new EventGenerator(big[0], big[1], seed).json(), "generated event");
        finderTimes(out, "a first-fit schedule of a " + big[0] + "x" + big[1] + " event",
                FirstFitScheduler.schedule(large, Candidates.forEvent(large)), seed);
        return 0;
    }

    /** Published meetings pinned (as freeze would), then the new requests first-fit; no new recommendations. */
    private static MeetingSchedule firstFit(Event changed, ScheduleFile published) {
        RepairPlan plan = Repair.plan(changed, published, RepairMode.FREEZE, "published schedule");
        List<Meeting> candidates = plan.problem().getMeetings().stream()
                .filter(m -> m.isPinned() || m.getOrigin() != Origin.RECOMMENDED).toList();
        MeetingSchedule placed = FirstFitScheduler.schedule(changed, candidates);
        placed.setScore(ScoreBreakdown.of(placed).score());
        return placed;
    }

    private static int[] finderSize(String text) {
        String[] parts = text.split("x");
        try {
            int startups = Integer.parseInt(parts[0].strip());
            int agencies = Integer.parseInt(parts[1].strip());
            if (parts.length == 2 && startups >= 10 && startups <= 5_000 && agencies >= 2
                    && agencies <= EventGenerator.maxAgencies()) {
                return new int[] {startups, agencies};
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new InputException("--finder-event (" + text + ") should be STARTUPSxAGENCIES, e.g. 2000x300, with"
                + " 10..5000 startups and 2.." + EventGenerator.maxAgencies() + " agencies.");
    }

    /** The one-new-meeting finder on random startup–agency pairs: median and 99th percentile. */
    private static void finderTimes(PrintStream out, String what, MeetingSchedule schedule, long seed) {
        long build = System.nanoTime();
        Openings openings = Openings.of(schedule);
        double buildMs = (System.nanoTime() - build) / 1e6;
        List<String> startups = new ArrayList<>();
        List<String> agencies = new ArrayList<>();
        schedule.getParticipants().forEach(p -> (p.role().code().equals("agency") ? agencies : startups).add(p.id()));
        Random random = new Random(seed);
        int queries = 2_000;
        long[] nanos = new long[queries];
        int found = 0;
        Map<String, Integer> reasons = new HashMap<>();
        for (int i = 0; i < queries; i++) {
            String s = startups.get(random.nextInt(startups.size()));
            String a = agencies.get(random.nextInt(agencies.size()));
            long start = System.nanoTime();
            Openings.Result result = openings.find(s, a, 5);
            nanos[i] = System.nanoTime() - start;
            found += result.found() ? 1 : 0;
            if (!result.found()) {
                reasons.merge(result.reason().replaceAll("[as]-[\\w-]+|\\d+", "#"), 1, Integer::sum);
            }
        }
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "One new meeting on %s: index built in %.1f ms; %d random pairs, %d with a slot;"
                + " median %.3f ms, p99 %.3f ms, max %.3f ms%n", what, buildMs, queries, found,
                nanos[queries / 2] / 1e6, nanos[queries * 99 / 100] / 1e6, nanos[queries - 1] / 1e6);
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(4)
                .forEach(e -> out.printf(Locale.ROOT, "    none: %5d x %s%n", e.getValue(), e.getKey()));
    }

    /** Measures a result against the published schedule and what changed. */
    private static final class Yardstick {
        private final Event changed;
        private final ScheduleFile published;
        /** Unaffected published meetings: pair key to "slot/table". */
        private final Map<String, String> unaffected = new HashMap<>();
        private final Set<String> newStrong = new HashSet<>();

        Yardstick(Event changed, ScheduleFile published, RepairPlan plan) {
            this.changed = changed;
            this.published = published;
            for (PublishedMeeting p : plan.published()) {
                if (p.status() == PublishedMeeting.Status.UNAFFECTED) {
                    unaffected.put(pair(p.placement().first(), p.placement().second()),
                            p.placement().slot() + "/" + p.placement().table());
                }
            }
            Set<String> publishedPairs = new HashSet<>();
            published.meetings().forEach(p -> publishedPairs.add(pair(p.first(), p.second())));
            for (Meeting m : Candidates.forEvent(changed)) {
                String key = pair(m.getFirst().id(), m.getSecond().id());
                if ((m.getOrigin() == Origin.MUST || m.getOrigin() == Origin.MUTUAL) && !publishedPairs.contains(key)) {
                    newStrong.add(key);
                }
            }
        }

        void row(PrintStream out, String method, MeetingSchedule result, Duration time) {
            Map<String, String> placed = new HashMap<>();
            Map<String, Set<String>> agendas = new HashMap<>();
            for (Meeting m : result.getMeetings()) {
                if (m.isScheduled()) {
                    String where = m.getSlot().index() + "/" + (m.getTable() == null ? null : m.getTable().id());
                    placed.put(pair(m.getFirst().id(), m.getSecond().id()), where);
                    agenda(agendas, m.getFirst().id(), m.getSecond().id() + "@" + where);
                    agenda(agendas, m.getSecond().id(), m.getFirst().id() + "@" + where);
                }
            }
            int moved = 0;
            int dropped = 0;
            for (Map.Entry<String, String> e : unaffected.entrySet()) {
                String now = placed.get(e.getKey());
                if (now == null) {
                    dropped++;
                } else if (!now.equals(e.getValue())) {
                    moved++;
                }
            }
            Set<String> lateWithMeeting = new HashSet<>();
            agendas.keySet().stream().filter(id -> id.startsWith(WeekOfChanges.LATE_PREFIX))
                    .forEach(lateWithMeeting::add);
            long strongMet = newStrong.stream().filter(placed::containsKey).count();
            Map<String, Set<String>> before = new HashMap<>();
            for (ScheduleFile.Placement p : published.meetings()) {
                String where = p.slot() + "/" + p.table();
                agenda(before, p.first(), p.second() + "@" + where);
                agenda(before, p.second(), p.first() + "@" + where);
            }
            Set<String> people = new HashSet<>(before.keySet());
            people.addAll(agendas.keySet());
            long affected = people.stream().filter(id -> !before.getOrDefault(id, Set.of())
                    .equals(agendas.getOrDefault(id, Set.of()))).count();
            long hard = result.getScore() == null ? ScoreBreakdown.of(result).score().hardScore()
                    : result.getScore().hardScore();
            out.printf(Locale.ROOT, "%-9s %8d %8s %8d %10s %12s %9d %7.2fs%n", method, hard,
                    moved + "/" + unaffected.size(), dropped, lateWithMeeting.size() + "/" + WeekOfChanges.LATE_STARTUPS,
                    strongMet + "/" + newStrong.size(), affected, time.toMillis() / 1000.0);
        }

        private static void agenda(Map<String, Set<String>> agendas, String id, String entry) {
            agendas.computeIfAbsent(id, k -> new HashSet<>()).add(entry);
        }

        private static String pair(String a, String b) {
            return a.compareTo(b) <= 0 ? a + "+" + b : b + "+" + a;
        }
    }

    private static String text(JsonObject json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(json);
        }
        return text.toString().strip() + "\n";
    }

    /**
     * The folder {@code --write} names, checked before minutes of work: a file there is refused, not found out by a
     * stack trace at the end (the folder itself is created when missing).
     */
    static Path writeFolder(String option) {
        Path folder = Path.of(option);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InputException("--write " + option + " is a file; expected a folder to write into.");
        }
        return folder;
    }
}
