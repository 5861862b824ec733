package org.b2g.core.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2g.core.io.InputException;

/** Positional arguments and {@code --name value} options of one verb, checked against what the verb accepts. */
public final class Arguments {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    private Arguments() {
    }

    /** @param known option names (without dashes) the verb accepts; each takes one value */
    public static Arguments parse(String verb, List<String> args, Set<String> known) {
        return parse(verb, args, known, Set.of());
    }

    /**
     * @param known option names (without dashes) the verb accepts with one value each
     * @param flags option names that take no value ({@code --json}); {@link #has} tells whether they were given
     */
    public static Arguments parse(String verb, List<String> args, Set<String> known, Set<String> flags) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    parsed.options.put(name, "true");
                    continue;
                }
                if (!known.contains(name)) {
                    List<String> all = new ArrayList<>(known);
                    all.addAll(flags);
                    throw new InputException("b2g " + verb + ": unknown option --" + name + "; expected one of --"
                            + String.join(", --", all.stream().sorted().toList()) + ".");
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new InputException("b2g " + verb + ": option --" + name + " needs a value.");
                    }
                    value = args.get(++i);
                }
                if (value.isBlank() && !value.equals("\t")) { // a tab alone is a value: export's --separator
                    throw new InputException("b2g " + verb + ": option --" + name + " is empty; expected a value.");
                }
                String earlier = parsed.options.put(name, value);
                if (earlier != null) {
                    throw new InputException("b2g " + verb + ": --" + name + " is given twice (" + earlier + ", then "
                            + value + "); expected it once.");
                }
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    public List<String> positional() {
        return positional;
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public int intOption(String name, int fallback, int min, int max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new InputException("--" + name + " (" + value + ") is outside " + min + ".." + max + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw notWhole(name, value, min, max);
        }
    }

    /** A whole number too long for its type is outside the range, not "not a whole number". */
    private static InputException notWhole(String name, String value, long min, long max) {
        if (value.strip().matches("[-+]?\\d+")) {
            return new InputException("--" + name + " (" + value + ") is outside " + min + ".." + max + ".");
        }
        return new InputException("--" + name + " (" + value + ") is not a whole number.");
    }

    public long longOption(String name, long fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw notWhole(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /** A positive duration such as {@code 30s}, {@code 2m}, {@code 500ms} or {@code PT30S} ({@link Durations}). */
    public Duration durationOption(String name, Duration fallback) {
        String value = options.get(name);
        return value == null ? fallback : Durations.parse("--" + name, value);
    }
}
