package org.b2g.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Openings;

/**
 * {@code ./b2g open-slots EVENT --schedule SCHEDULE A B [--limit 5]}: where one more meeting between A and B fits
 * without moving anybody, best first (breaks it removes or adds, then time), or why it does not. Exit 0 when it
 * fits somewhere, 3 when not, 2 for bad input.
 */
final class OpenSlotsCommand implements Command {

    private static final String USAGE = "usage: b2g open-slots EVENT.json --schedule SCHEDULE.json PARTICIPANT"
            + " PARTICIPANT [--limit 5] [--now 2024-10-10T11:00+07:00]";

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse("open-slots", args, Set.of("schedule", "limit", "now"));
        if (arguments.positional().size() != 3 || !arguments.has("schedule")) {
            throw new InputException("b2g open-slots: expected an EVENT file, --schedule and two participant ids; "
                    + USAGE + ".");
        }
        int limit = arguments.intOption("limit", 5, 1, 1_000);
        Event event = EventFiles.read(Path.of(arguments.positional().get(0)), null);
        EventSummary.warn(err, arguments.positional().get(0), event);
        Path schedulePath = Path.of(arguments.option("schedule", null));
        RepairCommand.When when = RepairCommand.at(arguments, event, "answered");
        Openings openings = Openings.of(event, ScheduleJson.read(schedulePath), schedulePath.toString(),
                when.now());
        String a = arguments.positional().get(1);
        String b = arguments.positional().get(2);
        for (String id : List.of(a, b)) {
            if (event.participant(id) == null) {
                throw new InputException(arguments.positional().get(0) + ": has no participant " + id
                        + "; expected one of its " + event.participants().size() + " participant ids, such as "
                        + event.participants().stream().limit(3).map(p -> p.id()).toList() + ".");
            }
        }
        Openings.Result result = openings.find(a, b, limit);
        if (when.note() != null) {
            err.println("Note: " + when.note() + ".");
        }
        if (!result.found()) {
            out.println("No slot for " + a + " and " + b + ": " + result.reason() + ".");
            return INFEASIBLE;
        }
        out.printf(Locale.ROOT, "%-22s %-8s %s%n", "slot", "table", "breaks");
        for (Openings.Opening o : result.openings()) {
            out.printf(Locale.ROOT, "%-22s %-8s %+d%n", o.slot(), o.table().id(), o.breakChange());
        }
        return OK;
    }
}
