package org.b2g.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.InputException;
import org.b2g.core.sheets.EventWorkbook;

/**
 * {@code ./b2g template --out FILE.xlsx [--event EVENT.json]}: an event workbook to fill in, with every sheet, its
 * headers, one example row each and drop-down lists for roles and priorities; it imports as it is. With
 * {@code --event}, the workbook holds that event instead (a JSON event handed to organizers to edit).
 */
final class TemplateCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Arguments arguments = Arguments.parse("template", args, Set.of("out", "event"));
        String target = arguments.option("out", null);
        if (!arguments.positional().isEmpty() || target == null || !target.toLowerCase(Locale.ROOT)
                .endsWith(".xlsx")) {
            throw new InputException("b2g template: expected --out FILE.xlsx; usage: b2g template --out FILE.xlsx [--event EVENT.json].");
        }
        OutputFile.check("--out", target);
        Path from = arguments.has("event") ? Path.of(arguments.option("event", null)) : null;
        Event event = from == null ? null : EventFiles.read(from, null);
        // The event does not hold emails; the workbook should, so that it imports back as it was.
        Map<String, String> emails = event == null || !from.toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? Map.of() : EventJson.emails(EventFiles.readText(from), from.toString());
        OutputFile.write("--out", target, stream -> {
            if (event != null) {
                EventWorkbook.write(event, emails, stream);
            } else {
                EventWorkbook.template(stream);
            }
        }, out);
        err.println("Written      " + target + " (fill in the sheets, then: ./b2g import " + target
                + " --out event.json)");
        return OK;
    }
}
