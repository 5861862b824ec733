package org.b2g.core.sheets;

import java.util.List;
import java.util.Set;

/**
 * One sheet (or one CSV file) as read: its non-empty rows with the row numbers the spreadsheet shows, every cell
 * already turned into clean text (see {@link Text#clean}). The first row is the header.
 *
 * @param name the sheet's name ("Participants"), or the CSV file's name without extension
 * @param where how messages name it: the sheet name, or the CSV file's name ("participants.csv")
 */
record Grid(String name, String where, List<Line> lines) {

    Grid {
        lines = List.copyOf(lines);
    }

    /**
     * A non-empty row: {@code number} counts from 1 as the spreadsheet shows it, empty rows included.
     *
     * @param numbers the columns whose cells a workbook typed as numbers (never those of a CSV file, nor text
     *        cells that hold digits): only those may be Excel's serial dates and times
     * @param errors the columns whose cells show an Excel error ({@code #REF!}, {@code #DIV/0!}, {@code #N/A}) in
     *        place of a value; their text is that error
     */
    record Line(int number, List<String> cells, Set<Integer> numbers, Set<Integer> errors) {

        Line {
            cells = List.copyOf(cells);
            numbers = Set.copyOf(numbers);
            errors = Set.copyOf(errors);
        }

        Line(int number, List<String> cells) {
            this(number, cells, Set.of(), Set.of());
        }

        boolean isError(int column) {
            return errors.contains(column);
        }

        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        boolean isNumber(int column) {
            return numbers.contains(column);
        }
    }
}
