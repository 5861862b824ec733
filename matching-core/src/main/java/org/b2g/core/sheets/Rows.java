package org.b2g.core.sheets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sheet whose header row has been matched to the columns the layout knows. Headers match ignoring case, spaces,
 * underscores and diacritics, in English or by their Vietnamese alias; the order of columns does not matter;
 * unknown columns are reported once as a warning; two headers meaning the same column are an error.
 */
final class Rows {

    /** Vietnamese (and JSON) header aliases, folded by {@link Text#key}, to the column they mean. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ma", "id"), Map.entry("vaitro", "role"), Map.entry("ten", "name"),
            Map.entry("tentochuc", "name"), Map.entry("tentienganh", "englishName"), Map.entry("the", "tags"), Map.entry("tieude", "title"),
            Map.entry("mota", "description"), Map.entry("mucuutien", "priority"),
            Map.entry("sodaidien", "representatives"), Map.entry("tu", "from"), Map.entry("den", "to"),
            Map.entry("lydo", "reason"), Map.entry("unavailableslots", "unavailable"),
            Map.entry("khoa", "key"), Map.entry("giatri", "value"));

    private final Grid grid;
    private final Grid.Line header;
    private final Map<String, Integer> columnOf = new HashMap<>();
    private final Map<String, String> headerOf = new HashMap<>();
    private final List<Grid.Line> data;

    private Rows(Grid grid, Grid.Line header, List<Grid.Line> data) {
        this.grid = grid;
        this.header = header;
        this.data = data;
    }

    /**
     * @param columns the columns this sheet knows, as the layout spells them ("minMeetings")
     */
    static Rows of(Grid grid, List<String> columns, Problems problems) {
        if (grid.lines().isEmpty()) {
            return new Rows(grid, null, List.of());
        }
        Map<String, String> known = new HashMap<>();
        for (String column : columns) {
            known.put(Text.key(column), column);
        }
        int headerAt = headerLine(grid, known);
        Grid.Line header = grid.lines().get(headerAt);
        if (headerAt > 0) {
            Grid.Line title = grid.lines().get(0);
            problems.warn(grid.where() + " row " + title.number() + ": took "
                    + Text.quoted(title.cells().stream().filter(c -> !c.isEmpty()).findFirst().orElse(""))
                    + (headerAt > 1 ? " and the rows below it" : "") + " for a title and row " + header.number()
                    + " for the headers; expected the headers in the first row");
        } else if (known(header, known) == 0 && grid.lines().size() > 1) {
            problems.error(grid.where() + " row " + header.number() + ": holds no header of this sheet ("
                    + String.join(", ", header.cells().stream().filter(c -> !c.isEmpty()).map(Text::quoted).limit(5)
                    .toList()) + "); expected headers such as " + String.join(", ", columns.subList(0,
                    Math.min(4, columns.size()))) + " in the first row");
            return new Rows(grid, header, List.of());
        }
        Rows rows = new Rows(grid, header, new ArrayList<>(grid.lines().subList(headerAt + 1, grid.lines().size())));
        Map<String, String> unknown = new LinkedHashMap<>();
        for (int c = 0; c < header.cells().size(); c++) {
            String written = header.cells().get(c);
            if (written.isEmpty()) {
                continue;
            }
            String column = column(written, known);
            if (column == null) {
                unknown.put(written, written);
                continue;
            }
            String earlier = rows.headerOf.putIfAbsent(column, written);
            if (earlier != null) {
                problems.error(grid.where() + " row " + header.number() + ": columns \"" + earlier + "\" and \""
                        + written + "\" both mean " + column + "; expected one of them");
                continue;
            }
            rows.columnOf.put(column, c);
        }
        warnHeaderless(grid, rows.data, header, problems);
        reportExcelErrors(rows, problems);
        rows.skipLinesOfIgnoredColumnsOnly(problems);
        if (!unknown.isEmpty()) {
            problems.warn(grid.where() + ": ignored the unknown " + (unknown.size() == 1 ? "column " : "columns ")
                    + String.join(", ", unknown.keySet().stream().map(Text::quoted).toList()) + " (known: "
                    + String.join(", ", columns) + ")");
        }
        return rows;
    }

    /**
     * Values in a column without a header are ignored, but said so once: in a CSV file they are most often the rest
     * of a value that holds the separator without quotes ({@code 1-3; 7} in a {@code ;} file), cut off silently.
     */
    private static void warnHeaderless(Grid grid, List<Grid.Line> data, Grid.Line header, Problems problems) {
        Grid.Line first = null;
        String value = null;
        int count = 0;
        for (Grid.Line line : data) {
            for (int c = 0; c < line.cells().size(); c++) {
                if (!line.cell(c).isEmpty() && header.cell(c).isEmpty()) {
                    if (first == null) {
                        first = line;
                        value = line.cell(c);
                    }
                    count++;
                }
            }
        }
        if (first != null) {
            problems.warn(grid.where() + " row " + first.number() + ": ignored " + Text.quoted(value)
                    + (count > 1 ? " and " + (count - 1) + " more " + (count == 2 ? "value" : "values") : "")
                    + " in a column without a header; expected a header above every column (and a value that holds"
                    + " the separator in quotes)");
        }
    }

    /**
     * Rows that hold nothing in the columns the sheet reads, only in ignored ones (a row number filled down past the
     * list, a total under it), are empty rows to the import: skipped, and said once. Not when no row holds anything
     * there: then the columns the sheet reads are missing, which the sheet reports.
     */
    private void skipLinesOfIgnoredColumnsOnly(Problems problems) {
        List<Grid.Line> ignored = data.stream()
                .filter(line -> columnOf.values().stream().allMatch(c -> line.cell(c).isEmpty())).toList();
        if (ignored.isEmpty() || ignored.size() == data.size()) {
            return;
        }
        data.removeAll(ignored);
        Set<String> columns = new LinkedHashSet<>();
        for (Grid.Line line : ignored) {
            for (int c = 0; c < line.cells().size(); c++) {
                if (!line.cell(c).isEmpty()) {
                    columns.add(header.cell(c).isEmpty() ? "a column without a header" : Text.quoted(header.cell(c)));
                }
            }
        }
        problems.warn(grid.where() + " row " + ignored.get(0).number() + ": skipped"
                + (ignored.size() > 1 ? " it and " + (ignored.size() - 1) + " more "
                        + (ignored.size() == 2 ? "row" : "rows") : "")
                + " with values only in columns the import does not read (" + String.join(", ", columns) + ")");
    }

    /**
     * Where the headers are: the first row, unless it holds none of the sheet's headers and one of the next few rows
     * does (a title typed, often merged, above the table).
     */
    private static int headerLine(Grid grid, Map<String, String> known) {
        if (known(grid.lines().get(0), known) > 0) {
            return 0;
        }
        for (int i = 1; i < Math.min(grid.lines().size() - 1, 4); i++) {
            if (known(grid.lines().get(i), known) >= 2) {
                return i;
            }
        }
        return 0;
    }

    /** How many of the line's cells name a column of the sheet. */
    private static int known(Grid.Line line, Map<String, String> known) {
        int count = 0;
        for (String cell : line.cells()) {
            count += !cell.isEmpty() && column(cell, known) != null ? 1 : 0;
        }
        return count;
    }

    /**
     * A cell showing an Excel error ({@code #REF!}), or holding a formula saved without its result that cannot be
     * computed, in a column the sheet reads holds no value: said once, not taken.
     */
    private static void reportExcelErrors(Rows rows, Problems problems) {
        Map<Integer, String> headerAt = new HashMap<>();
        rows.columnOf.forEach((column, c) -> headerAt.put(c, rows.headerOf.get(column)));
        for (Grid.Line line : rows.data) {
            for (int c = 0; c < line.cells().size(); c++) {
                if (line.isError(c) && headerAt.containsKey(c)) {
                    String place = rows.grid.where() + " row " + line.number() + ", column \"" + headerAt.get(c)
                            + "\"";
                    problems.error(place + ": " + noValue(line.cell(c)));
                    problems.settle(place);
                }
            }
        }
    }

    /** Why a cell marked as an error holds no value: the Excel error it shows, or its formula that has no result. */
    static String noValue(String shown) {
        if (shown.startsWith("=")) {
            return "holds the formula " + Text.quoted(shown) + " saved without its result, which the import cannot"
                    + " compute; expected a value (open and save the workbook in Excel, or type the value)";
        }
        return "shows the Excel error " + shown + "; expected a value (correct the formula, or type the value)";
    }

    /**
     * Whether the sheet has one of {@code columns} (each as the layout spells it), when it has rows to read; else
     * one error naming the headers it has, rather than one per row ("role is empty" 500 times, hiding the rest).
     */
    boolean require(Problems problems, String... columns) {
        if (data.isEmpty() || Arrays.stream(columns).anyMatch(columnOf::containsKey)) {
            return true;
        }
        problems.error(grid.where() + " row " + header.number() + ": has no column " + String.join(" or ",
                Arrays.stream(columns).map(c -> "\"" + c + "\"").toList()) + " (the headers are "
                + String.join(", ", header.cells().stream().filter(c -> !c.isEmpty()).map(Text::quoted).toList())
                + "); expected a column headed " + String.join(" or ", columns));
        return false;
    }

    static String column(String header, Map<String, String> known) {
        String key = Text.key(header);
        String column = known.get(key);
        if (column == null && ALIASES.containsKey(key)) {
            column = known.get(Text.key(ALIASES.get(key)));
        }
        return column;
    }

    Grid grid() {
        return grid;
    }

    boolean has(String column) {
        return columnOf.containsKey(column);
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>(data.size());
        for (Grid.Line line : data) {
            rows.add(new Row(this, line));
        }
        return rows;
    }

    /** One data row of the sheet. */
    record Row(Rows rows, Grid.Line line) {

        int number() {
            return line.number();
        }

        /** "participants row 14" */
        String place() {
            return rows.grid.where() + " row " + line.number();
        }

        String get(String column) {
            Integer c = rows.columnOf.get(column);
            return c == null ? "" : line.cell(c);
        }

        Cell cell(String column) {
            Integer c = rows.columnOf.get(column);
            return new Cell(place() + ", column \"" + rows.headerOf.getOrDefault(column, column) + "\"", get(column),
                    c != null && line.isNumber(c));
        }
    }
}
