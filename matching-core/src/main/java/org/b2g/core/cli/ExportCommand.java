package org.b2g.core.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.InputException;
import org.b2g.core.sheets.CsvSeparator;
import org.b2g.core.sheets.ScheduleSheets;

/**
 * {@code ./b2g export SCHEDULE.json --event EVENT.json --out FILE.xlsx|FILE.csv|FOLDER [--separator ;]}: a schedule
 * as the sheets organizers print and filter; {@code .xlsx} gets all four sheets, {@code .csv} (or {@code -}, standard
 * output) the meetings, a folder one CSV per sheet. The file or folder appears whole or not at all. Each meeting is
 * exported at the clock time the schedule gives it, as {@code repair} finds it, also when the event's sessions were
 * edited since. {@code --separator} picks the CSV separator ({@link CsvSeparator}), for Excel where the decimal mark
 * is a comma; a workbook has none, so it is refused there rather than ignored.
 */
final class ExportCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Arguments arguments = Arguments.parse("export", args, Set.of("event", "out", "separator"));
        if (arguments.positional().size() != 1 || !arguments.has("event") || !arguments.has("out")) {
            throw new InputException("b2g export: expected SCHEDULE.json, --event and --out; usage: b2g export"
                    + " SCHEDULE.json --event EVENT.json --out FILE.xlsx|FILE.csv|FOLDER [--separator ,|;|tab].");
        }
        String outOption = arguments.option("out", null);
        Path target = Path.of(outOption);
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        CsvSeparator separator = arguments.has("separator")
                ? CsvSeparator.parse(arguments.option("separator", null), "--separator") : CsvSeparator.COMMA;
        if (name.endsWith(".xlsx") && arguments.has("separator")) {
            throw new InputException("--separator (" + arguments.option("separator", null) + ") has no meaning for a"
                    + " workbook (--out " + target + "); expected FILE.csv, - or a FOLDER with it, or no --separator.");
        }
        Event event = EventFiles.read(Path.of(arguments.option("event", null)), null);
        Path schedulePath = Path.of(arguments.positional().get(0));
        String json = EventFiles.readText(schedulePath);
        ScheduleSheets sheets = ScheduleSheets.of(event, json, schedulePath.toString());
        if (name.endsWith(".xlsx")) {
            OutputFile.write("--out", target.toString(), sheets::writeXlsx, out);
        } else if (name.endsWith(".csv") || outOption.equals("-")) {
            OutputFile.write("--out", outOption, stream -> {
                Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                sheets.writeCsv(writer, separator);
                writer.close(); // flushes; the CSV printer may have closed it already
            }, out);
        } else {
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw new InputException("--out (" + target + ") is a file but not .xlsx or .csv; expected FILE.xlsx,"
                        + " FILE.csv or a FOLDER.");
            }
            if (!Files.exists(target) && name.lastIndexOf('.') > 0) {
                // "schedule.json" or "agenda.xls" is a file meant, not a folder to create
                throw new InputException("--out (" + target + ") is neither .xlsx nor .csv; expected FILE.xlsx,"
                        + " FILE.csv, or a FOLDER (a name without an extension, or a folder that exists).");
            }
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new InputException("--out " + target + ": the folder " + parent + " does not exist.");
            }
            try {
                sheets.writeCsvFolder(target, separator);
            } catch (IOException e) {
                throw new InputException("--out " + target + ": cannot be written (" + OutputFile.reason(e) + "); "
                        + (Files.isDirectory(target) ? "the folder there is left as it was." : "nothing was written."),
                        e);
            }
        }
        err.printf("Exported     %d meetings, %d unscheduled candidates of %s to %s%n", sheets.meetingCount(),
                sheets.unscheduledCount(), event.id(), target);
        String score = sheets.score();
        if (score != null && score.matches("-\\d+hard/.*")) {
            // Printed lists go to people: say that this schedule double-books or breaks a rule before they do.
            err.printf("Warning      %s breaks hard rules (score %s); the sheets show it as it is. Solve or repair"
                    + " again for a schedule that keeps every rule; its violations are listed in the file%n",
                    schedulePath, score);
        }
        if (sheets.renumberedCount() > 0) {
            err.printf("Note         %d of the meetings are in other slot numbers than %s gives: the event's sessions"
                    + " changed since it was made; each is exported at its time, under the event's number for it%n",
                    sheets.renumberedCount(), schedulePath);
        }
        return OK;
    }
}
