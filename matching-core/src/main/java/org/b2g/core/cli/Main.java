package org.b2g.core.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of the core verbs of {@code ./b2g}: picks the verb; {@link CommandLine} runs it. */
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
        CommandLine.main(args.length == 0 ? "" : args[0], args, (list, out, err) -> run(list, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(List.of(args), out, err);
    }

    private static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.isEmpty() || !commands.containsKey(args.get(0))) {
            if (!args.isEmpty()) {
                err.println("Unknown verb '" + args.get(0) + "'; expected one of "
                        + String.join(", ", commands.keySet()) + ".");
            }
            err.println("usage: b2g VERB [ARGS...]   verbs: " + String.join(", ", commands.keySet()));
            return Command.BAD_INPUT;
        }
        return CommandLine.run(args.get(0), args.subList(1, args.size()), commands.get(args.get(0))::run, out, err);
    }
}
