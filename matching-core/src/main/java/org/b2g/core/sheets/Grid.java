package org.b2g.core.sheets;

import java.util.List;

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

    /** A non-empty row: {@code number} counts from 1 as the spreadsheet shows it, empty rows included. */
    record Line(int number, List<String> cells) {

        Line {
            cells = List.copyOf(cells);
        }

        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }
}
