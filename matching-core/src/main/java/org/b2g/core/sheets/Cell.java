package org.b2g.core.sheets;

/**
 * A cell's text and where it is, worded for messages: {@code participants row 14, column "role"}, or
 * {@code event row 4, key "slotMinutes"} on the event sheet.
 *
 * @param number whether a workbook typed the cell as a number; a text cell holding digits is text
 */
record Cell(String place, String value, boolean number) {

    Cell(String place, String value) {
        this(place, value, false);
    }

    boolean isEmpty() {
        return value.isEmpty();
    }
}
