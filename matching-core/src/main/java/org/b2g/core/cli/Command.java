package org.b2g.core.cli;

import java.io.PrintStream;
import java.util.List;

/** One verb of {@code ./b2g}. Returns the process exit code. */
interface Command {

    /** Exit code for a run that did what was asked. */
    int OK = 0;
    /** Exit code for bad input or bad arguments: the message names the file, the field and the value. */
    int BAD_INPUT = CommandLine.BAD_INPUT;
    /** Exit code when no feasible schedule was found. */
    int INFEASIBLE = 3;

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
