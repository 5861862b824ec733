package org.b2g.core.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.b2g.core.io.InputException;

/** Entry point of the core verbs of {@code ./b2g}: one line of usage per verb, bad input reported without a trace. */
public final class Main {

    private Main() {
    }

    /** Verb name to command; the launcher routes the other verbs (serve, demo, generate) to their modules. */
    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("solve", new SolveCommand());
        commands.put("repair", new RepairCommand());
        commands.put("open-slots", new OpenSlotsCommand());
        commands.put("validate", new ValidateCommand());
        commands.put("bench", new BenchCommand());
        commands.put("match", new MatchCommand());
        commands.put("import", new ImportCommand());
        commands.put("export", new ExportCommand());
        commands.put("template", new TemplateCommand());
        return commands;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || !commands.containsKey(args[0])) {
            if (args.length > 0) {
                err.println("Unknown verb '" + args[0] + "'; expected one of " + String.join(", ", commands.keySet()) + ".");
            }
            err.println("usage: b2g VERB [ARGS...]   verbs: " + String.join(", ", commands.keySet()));
            return Command.BAD_INPUT;
        }
        try {
            return commands.get(args[0]).run(List.of(Arrays.copyOfRange(args, 1, args.length)), out, err);
        } catch (InputException e) {
            err.println(e.getMessage());
            return Command.BAD_INPUT;
        } catch (Exception e) {
            err.println("b2g " + args[0] + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }
}
