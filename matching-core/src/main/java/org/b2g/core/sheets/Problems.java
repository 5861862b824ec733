package org.b2g.core.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.b2g.core.io.InputException;

/**
 * What an import found wrong (errors, of which the first {@value #MAX} in sheet and row order are listed, the rest
 * counted) and worth knowing (warnings: ignored columns and sheets). Errors reject the whole file; warnings do not.
 */
final class Problems {

    static final int MAX = 50;
    /** Errors kept to be put in order; beyond these (a pathological file) they are only counted. */
    private static final int KEPT = 10_000;

    private final List<String> errors = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private int more;
    private final Set<String> settled = new HashSet<>();
    /** How messages name each sheet ("participants.csv"), in the order errors are listed; see {@link #order}. */
    private final List<String> sheetOrder = new ArrayList<>();

    void error(String line) {
        for (String place : settled) {
            if (line.startsWith(place + ":")) {
                return;
            }
        }
        if (errors.size() < KEPT) {
            errors.add(line);
        } else {
            more++;
        }
    }

    /**
     * Lists errors by sheet, in the order of {@code wheres} (how messages name the sheets), then by row, whatever
     * order the checks found them in: what is not about one sheet comes first; an error about a sheet but no row (a
     * missing column) counts as one about its header row; the errors of one row keep the order they were found in.
     */
    void order(List<String> wheres) {
        sheetOrder.clear();
        sheetOrder.addAll(wheres);
    }

    private static final Pattern ROW = Pattern.compile(" row (\\d{1,9})\\b");

    /** {sheet, row} of an error line: sheet -1 when it names no known sheet, row 1 (the headers') when no row. */
    private int[] position(String line) {
        int sheet = -1;
        int length = 0;
        for (int i = 0; i < sheetOrder.size(); i++) {
            String where = sheetOrder.get(i);
            if (where.length() > length && line.startsWith(where) && (line.length() == where.length()
                    || " ,:".indexOf(line.charAt(where.length())) >= 0)) {
                sheet = i;
                length = where.length();
            }
        }
        if (sheet < 0) {
            return new int[] {-1, 0};
        }
        Matcher row = ROW.matcher(line);
        boolean atRow = row.find(length) && row.start() == length;
        return new int[] {sheet, atRow ? Integer.parseInt(row.group(1)) : 1}; // a missing column: at the headers
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
        Map<String, int[]> positions = new HashMap<>();
        lines.forEach(line -> positions.computeIfAbsent(line, this::position));
        lines.sort(Comparator.comparingInt((String line) -> positions.get(line)[0])
                .thenComparingInt(line -> positions.get(line)[1])); // stable: one row's errors keep their order
        int more = this.more;
        if (lines.size() > MAX) {
            more += lines.size() - MAX;
            lines = new ArrayList<>(lines.subList(0, MAX));
        }
        if (more > 0) {
            lines.add("... and " + more + " more (only the first " + MAX + " are listed)");
        }
        int count = errorCount();
        return new InputException(source + ": " + count + (count == 1 ? " error" : " errors")
                + "; nothing was imported:", lines);
    }
}
