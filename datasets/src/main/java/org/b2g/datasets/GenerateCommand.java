package org.b2g.datasets;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.b2g.core.cli.Arguments;
import org.b2g.core.cli.CommandLine;
import org.b2g.core.cli.OutputFile;
import org.b2g.core.io.InputException;

/**
 * {@code b2g generate --startups N --agencies M [--seed S] [--out FILE]}: writes a generated {@code b2g-event/1}
 * to FILE or standard output. {@code --sample hcmc-dx-day} writes the generator's version of a shipped sample
 * instead (how the committed sample was made). Bad arguments: one line, exit 2.
 */
public final class GenerateCommand {

    private static final String USAGE = "usage: b2g generate --startups N --agencies M [--seed S] [--out FILE]";

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        CommandLine.main("generate", args, GenerateCommand::run);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        EventGenerator generator;
        Arguments arguments;
        try {
            arguments = Arguments.parse("generate", args, Set.of("startups", "agencies", "seed", "out", "sample"));
            if (!arguments.positional().isEmpty()) {
                throw new InputException("b2g generate: unexpected argument '" + arguments.positional().get(0)
                        + "'; " + USAGE);
            }
            generator = arguments.has("sample") ? Samples.generator(arguments.option("sample", null))
                    : new EventGenerator(required(arguments, "startups", 100_000),
                            required(arguments, "agencies", EventGenerator.maxAgencies()),
                            arguments.longOption("seed", 1));
        } catch (InputException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        return write(generator, arguments.option("out", null), out, err);
    }

    private static int required(Arguments arguments, String name, int max) {
        if (!arguments.has(name)) {
            throw new InputException("b2g generate: --" + name + " is missing; " + USAGE);
        }
        return arguments.intOption(name, 0, 1, max);
    }

    private static int write(EventGenerator generator, String file, PrintStream out, PrintStream err) {
        String json = generator.json();
        if (file == null) {
            out.print(json);
            return 0;
        }
        try {
            OutputFile.write("--out", file, json, out);
        } catch (InputException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(file + ": cannot be written (" + e.getMessage() + ").");
            return 2;
        }
        if (!file.equals("-")) {
            err.println("Wrote " + file + ".");
        }
        return 0;
    }
}
