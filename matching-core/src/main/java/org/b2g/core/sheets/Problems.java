package org.b2g.core.sheets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.b2g.core.io.InputException;

/**
 * What an import found wrong (errors, up to {@value #MAX}, after which it only counts them) and worth knowing
 * (warnings: ignored columns and sheets). Errors reject the whole file; warnings do not.
 */
final class Problems {

    static final int MAX = 50;

    private final List<String> errors = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private int more;
    private final Set<String> settled = new HashSet<>();

    void error(String line) {
        for (String place : settled) {
            if (line.startsWith(place + ":")) {
                return;
            }
        }
        if (errors.size() < MAX) {
            errors.add(line);
        } else {
            more++;
        }
    }

    /** An error about a cell: its place, its value quoted, then {@code complaint} ("is not a role (...)"). */
    void bad(Cell cell, String complaint) {
        error(cell.place() + ": " + Text.quoted(cell.value()) + " " + complaint);
    }

    /**
     * The cell at {@code place} has had its error ({@code #REF!}, a formula without its result): no other error about
     * it is listed, so one problem is one line (not also "is not a whole number").
     */
    void settle(String place) {
        settled.add(place);
    }

    void warn(String line) {
        warnings.add(line);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    int errorCount() {
        return errors.size() + more;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The errors as one exception: a summary line, then one line per error. */
    InputException failure(String source) {
        List<String> lines = new ArrayList<>(errors);
        if (more > 0) {
            lines.add("... and " + more + " more (only the first " + MAX + " are listed)");
        }
        int count = errorCount();
        return new InputException(source + ": " + count + (count == 1 ? " error" : " errors")
                + "; nothing was imported:", lines);
    }
}
