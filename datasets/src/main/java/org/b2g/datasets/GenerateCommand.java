package org.b2g.datasets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code b2g generate --startups N --agencies M [--seed S] [--out FILE]}: writes a generated {@code b2g-event/1}
 * to FILE or standard output. {@code --sample hcmc-dx-day} writes the generator's version of a shipped sample
 * instead (how the committed sample was made). Bad arguments: one line, exit 2.
 */
public final class GenerateCommand {

    private static final Set<String> OPTIONS = Set.of("startups", "agencies", "seed", "out", "sample");
    private static final String USAGE = "usage: b2g generate --startups N --agencies M [--seed S] [--out FILE]";

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        EventGenerator generator;
        String file;
        try {
            Map<String, String> options = parse(args);
            if (options.containsKey("sample")) {
                generator = Samples.generator(options.get("sample"));
                file = options.get("out");
                return write(generator, file, out, err);
            }
            int startups = number(options, "startups", 1, 100_000, null);
            int agencies = number(options, "agencies", 1, EventGenerator.maxAgencies(), null);
            long seed = options.containsKey("seed") ? seed(options.get("seed")) : 1L;
            generator = new EventGenerator(startups, agencies, seed);
            file = options.get("out");
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        return write(generator, file, out, err);
    }

    private static int write(EventGenerator generator, String file, PrintStream out, PrintStream err) {
        String json = generator.json();
        if (file == null) {
            out.print(json);
            return 0;
        }
        try {
            Files.writeString(Path.of(file), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(file + ": cannot be written (" + e.getMessage() + ").");
            return 2;
        }
        err.println("Wrote " + file + ".");
        return 0;
    }

    private static Map<String, String> parse(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new IllegalArgumentException("b2g generate: unexpected argument '" + arg + "'; " + USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("b2g generate: option --" + name + " needs a value.");
            }
            options.put(name, args.get(++i));
        }
        return options;
    }

    private static int number(Map<String, String> options, String name, int min, int max, Integer fallback) {
        String value = options.get(name);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("b2g generate: --" + name + " is missing; " + USAGE);
            }
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException("--" + name + " (" + value + ") is outside " + min + ".." + max + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " (" + value + ") is not a whole number.");
        }
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed (" + value + ") is not a whole number.");
        }
    }
}
