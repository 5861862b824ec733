package org.b2g.core.io;

import java.util.List;

/**
 * Bad input: the message is one line that names the file, the field or line, the value and what is expected.
 * The command line prints it without a stack trace and exits with code 2. A reader that finds several problems at
 * once (a spreadsheet import) lists each of them in {@link #problems()}, one line each, so a service can return the
 * list and an organizer can fix them all in one pass.
 */
public final class InputException extends RuntimeException {

    private final List<String> problems;

    public InputException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /**
     * @param summary one line that says what was read and how many problems it has
     * @param problems one line per problem; the message is the summary followed by them, one per line
     */
    public InputException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each; the message alone when the reader stops at the first. */
    public List<String> problems() {
        return problems;
    }
}
