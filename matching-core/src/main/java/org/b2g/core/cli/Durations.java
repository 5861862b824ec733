package org.b2g.core.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.b2g.core.io.InputException;

/**
 * The one way the project reads a duration, on the command line, in the service's settings and in its API: a number
 * with a unit ({@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 2m}, {@code 1h}) or ISO-8601 ({@code PT30S}). A bare
 * number is refused rather than guessed: "30" meant 30 s to one reader, 30 ms to another and an error to a third.
 */
public final class Durations {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d{1,3})?)(ms|s|m|h)");
    /** Longer than anyone waits for a schedule, and far from where a clock's nanoseconds overflow (292 years). */
    static final Duration MAX = Duration.ofHours(1_000);

    private Durations() {
    }

    /**
     * @param name what the text is, for the message ({@code --time-limit}, {@code timeLimit})
     * @throws InputException naming {@code name} and the text when it is not a duration from 1 ms to {@link #MAX}
     */
    public static Duration parse(String name, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Duration duration = null;
        Matcher m = WITH_UNIT.matcher(value);
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            long unitMillis = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            BigDecimal millis = amount.multiply(BigDecimal.valueOf(unitMillis));
            if (millis.compareTo(BigDecimal.valueOf(MAX.toMillis())) > 0) {
                throw tooLong(name, text);
            }
            if (millis.stripTrailingZeros().scale() <= 0) {
                duration = Duration.ofMillis(millis.longValueExact());
            }
        } else if (value.startsWith("pt") || value.startsWith("p")) {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                if ((e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException)
                        && !value.contains("-")) {
                    throw tooLong(name, text);
                }
            }
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            String hint = value.matches("\\d+(\\.\\d+)?") ? " needs a unit;"
                    : duration != null || value.matches("-\\d+(\\.\\d+)?(ms|s|m|h)") ? " is not a positive duration;"
                    : " is not a duration (one number with one unit, or ISO-8601);";
            throw new InputException(name + " (" + text + ")" + hint + " expected e.g. 30s, 2m, 500ms or PT30S.");
        }
        if (duration.compareTo(MAX) > 0) {
            throw tooLong(name, text);
        }
        return duration;
    }

    private static InputException tooLong(String name, String text) {
        return new InputException(name + " (" + text + ") is too long; expected from 1ms to 1000h (" + MAX.toDays()
                + " days).");
    }
}
