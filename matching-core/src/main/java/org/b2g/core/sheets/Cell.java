package org.b2g.core.sheets;

/**
 * A cell's text and where it is, worded for messages: {@code participants row 14, column "role"}, or
 * {@code event row 4, key "slotMinutes"} on the event sheet.
 */
record Cell(String place, String value) {

    boolean isEmpty() {
        return value.isEmpty();
    }
}
