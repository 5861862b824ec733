package org.b2g.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventFiles;
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
        Event event = arguments.has("event") ? EventFiles.read(Path.of(arguments.option("event", null)), null) : null;
        OutputFile.write("--out", target, stream -> {
            if (event != null) {
                EventWorkbook.write(event, stream);
            } else {
                EventWorkbook.template(stream);
            }
        }, out);
        err.println("Written      " + target + " (fill in the sheets, then: ./b2g import " + target
                + " --out event.json)");
        return OK;
    }
}
