package org.b2g.core.sheets;

import java.util.List;

import jakarta.json.JsonObject;

import org.b2g.core.domain.Event;

/**
 * An imported workbook: the {@code b2g-event/1} document it makes, the event as the JSON reader reads that document,
 * and what was ignored on the way (unknown columns, keys and sheets, hidden sheets).
 */
public record Imported(JsonObject document, Event event, List<String> warnings) {

    public Imported {
        warnings = List.copyOf(warnings);
    }
}
