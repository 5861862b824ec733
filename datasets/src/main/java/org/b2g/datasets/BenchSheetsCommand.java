package org.b2g.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.b2g.core.cli.Arguments;
import org.b2g.core.cli.CommandLine;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Candidates;
import org.b2g.core.sheets.EventSheets;
import org.b2g.core.sheets.EventWorkbook;
import org.b2g.core.sheets.ScheduleSheets;
import org.b2g.core.solver.baseline.FirstFitScheduler;

/**
 * {@code b2g bench-sheets [--startups 2000] [--agencies 300] [--runs 5] [--seed 1]}: how long spreadsheets take at
 * the size of a large event. Generates the event, writes it as a workbook and as a CSV folder, schedules it with the
 * first-fit baseline (the export's cost depends on the number of meetings, not on how good they are), then times
 * import from {@code .xlsx}, import from CSV, export to {@code .xlsx} and export to CSV, in one JVM, and prints the
 * median and the slowest run of each, beside reading the same event from {@code b2g-event/1} JSON as a reference
 * for how busy the machine is. The first run of each step is a warm-up and not counted.
 */
public final class BenchSheetsCommand {

    private BenchSheetsCommand() {
    }

    public static void main(String[] args) {
        CommandLine.main("bench-sheets", args, (list, out, err) -> run(list, out));
    }

    static int run(List<String> args, PrintStream out) throws IOException {
        Arguments arguments = Arguments.parse("bench-sheets", args, Set.of("startups", "agencies", "runs", "seed"));
        int startups = arguments.intOption("startups", 2000, 1, 100_000);
        int agencies = arguments.intOption("agencies", 300, 1, EventGenerator.maxAgencies());
        int runs = arguments.intOption("runs", 5, 1, 100);
        long seed = arguments.longOption("seed", 1);

        String json = new EventGenerator(startups, agencies, seed).json();
        Event event = EventJson.read(json, "generated");
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        EventWorkbook.write(event, workbook);
        byte[] xlsx = workbook.toByteArray();
        Path folder = Files.createTempDirectory("b2g-bench-sheets");
        EventWorkbook.writeCsv(event, folder);
        MeetingSchedule schedule = FirstFitScheduler.schedule(event, Candidates.forEvent(event));
        String scheduleJson = ScheduleJson.write(schedule);
        ScheduleSheets sheets = ScheduleSheets.of(event, scheduleJson, "schedule");

        int rows = 0;
        for (var p : event.participants()) {
            rows += 1 + p.offerings().size() + p.needs().size();
        }
        rows += event.requests().size() + event.exclusions().size() + event.meetings().size();
        out.printf(Locale.ROOT, "Event %s: %d participants, %d rows over all sheets, workbook %d kB;"
                        + " schedule: %d meetings, %d unscheduled%n", startups + "x" + agencies,
                event.participants().size(), rows, xlsx.length / 1024, sheets.meetingCount(),
                sheets.unscheduledCount());
        out.printf(Locale.ROOT, "%-28s %10s %10s  (%d runs after a warm-up)%n", "step", "median", "slowest", runs);
        row(out, "read JSON (reference)", runs, () -> {
            EventJson.read(json, "bench.json");
            return 0;
        });
        row(out, "import .xlsx", runs, () -> {
            EventSheets.readXlsx(xlsx, "bench.xlsx");
            return 0;
        });
        row(out, "import CSV folder", runs, () -> {
            EventSheets.read(folder);
            return 0;
        });
        row(out, "export .xlsx (4 sheets)", runs, () -> {
            ByteArrayOutputStream target = new ByteArrayOutputStream();
            sheets.writeXlsx(target);
            return target.size();
        });
        row(out, "export CSV (meetings)", runs, () -> {
            StringWriter target = new StringWriter();
            sheets.writeCsv(target);
            return target.getBuffer().length();
        });
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
        return 0;
    }

    private interface Step {
        long run() throws IOException;
    }

    private static void row(PrintStream out, String name, int runs, Step step) throws IOException {
        step.run();
        List<Long> times = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            step.run();
            times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        out.printf(Locale.ROOT, "%-28s %9.2fs %9.2fs%n", name, times.get(times.size() / 2) / 1e9,
                times.get(times.size() - 1) / 1e9);
    }
}
