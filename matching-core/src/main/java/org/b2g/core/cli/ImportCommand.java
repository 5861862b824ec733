package org.b2g.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.io.InputException;
import org.b2g.core.sheets.EventSheets;
import org.b2g.core.sheets.Imported;

/**
 * {@code ./b2g import WORKBOOK.xlsx|FOLDER [--out EVENT.json]}: reads an organizer's workbook (or folder of CSV
 * files) and writes the {@code b2g-event/1} it makes; a summary and any warnings go to standard error. Bad input
 * lists every problem and writes nothing.
 */
final class ImportCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Arguments arguments = Arguments.parse("import", args, Set.of("out"));
        if (arguments.positional().size() != 1) {
            throw new InputException("b2g import: expected one WORKBOOK.xlsx or FOLDER of .csv files but got "
                    + arguments.positional().size() + " arguments; usage: b2g import WORKBOOK.xlsx|FOLDER"
                    + " --out EVENT.json.");
        }
        String target = arguments.option("out", null);
        if (target != null) {
            OutputFile.check("--out", target);
            OutputFile.checkApart("--out", target, "the WORKBOOK", arguments.positional().get(0));
        }
        Imported imported = EventSheets.read(Path.of(arguments.positional().get(0)));
        String json = EventSheets.json(imported.document());
        if (target == null) {
            out.print(json);
        } else {
            OutputFile.write("--out", target, json, out);
        }
        for (String warning : imported.warnings()) {
            err.println("warning: " + warning);
        }
        Event event = imported.event();
        err.printf("Event        %s: %d participants%s, %d slots, %d tables%n", event.id(),
                event.participants().size(), EventSummary.roles(event.participants()), event.slotCount(),
                event.tables().size());
        err.printf("Wishes       %d requests, %d exclusions, %d required meetings%n", event.requests().size(),
                event.exclusions().size(), event.meetings().size());
        if (target != null) {
            err.println("Written      " + target);
        }
        return OK;
    }
}
