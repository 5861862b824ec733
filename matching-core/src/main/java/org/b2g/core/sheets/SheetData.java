package org.b2g.core.sheets;

import java.util.List;
import java.util.Map;

/**
 * A sheet to write, the same for {@code .xlsx} and CSV: a header row, then rows of values ({@code String},
 * {@code Number}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime} or null for an empty cell; an empty
 * row separates blocks). {@code choices} gives, per header, the values a drop-down offers (template only).
 */
record SheetData(String name, List<String> headers, List<List<Object>> rows, Map<String, List<String>> choices) {

    SheetData {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        choices = Map.copyOf(choices);
    }

    SheetData(String name, List<String> headers, List<List<Object>> rows) {
        this(name, headers, rows, Map.of());
    }
}
