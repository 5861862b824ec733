package org.b2g.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventFiles;
import org.b2g.core.io.InputException;
import org.b2g.core.solver.FeasibilityCheck;

/**
 * {@code ./b2g validate INPUT [--max-breaks D]}: reads an event, prints what it holds, and runs the feasibility
 * pre-check, so an organizer learns about a broken or impossible event in a second instead of after a solve.
 * Exit 0 when the event reads and no obstacle is found, 2 for bad input, 3 when the pre-check finds a cause.
 */
final class ValidateCommand implements Command {

    private final Function<Event, List<String>> precheck;

    ValidateCommand() {
        this(FeasibilityCheck::problems);
    }

    /** @param precheck one sentence per cause that makes the event infeasible; empty when none */
    ValidateCommand(Function<Event, List<String>> precheck) {
        this.precheck = precheck;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse("validate", args, Set.of("max-breaks"));
        if (arguments.positional().size() != 1) {
            throw new InputException("b2g validate: expected one INPUT file (.json or .dzn) but got "
                    + arguments.positional().size() + " arguments; usage: b2g validate INPUT [--max-breaks D].");
        }
        String input = arguments.positional().get(0);
        Integer maxBreaks = arguments.has("max-breaks")
                ? arguments.intOption("max-breaks", 0, 0, Integer.MAX_VALUE) : null;
        Event event = EventFiles.read(Path.of(input), maxBreaks);
        EventSummary.warn(err, input, event);
        out.print(EventSummary.of(event));
        List<String> problems = precheck.apply(event);
        if (!problems.isEmpty()) {
            err.println(input + ": the required meetings cannot all be scheduled:");
            for (String problem : problems) {
                err.println("  - " + problem);
            }
            return INFEASIBLE;
        }
        out.println("Feasibility pre-check: no obstacle found.");
        return OK;
    }
}
