package org.b2g.core.io;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import org.b2g.core.repair.Changes;
import org.b2g.core.repair.Changes.Place;

/**
 * Writes {@code b2g-changes/1}: what a repair changes in a published schedule (see docs/living-schedules.md).
 * Beyond the fields of the contract, moved and added meetings carry their {@code id} and clock times, and each
 * participant's tally its {@code kept} count.
 */
public final class ChangesJson {

    public static final String FORMAT = "b2g-changes/1";

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    /** One factory: each {@code Json.create...} call would look the JSON provider up on the class path again. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private ChangesJson() {
    }

    public static JsonObject toJson(Changes changes) {
        JsonArrayBuilder moved = JSON.createArrayBuilder();
        for (Changes.Moved m : changes.moved()) {
            moved.add(JSON.createObjectBuilder()
                    .add("id", m.id())
                    .add("participants", strings(m.participants()))
                    .add("from", place(m.from()))
                    .add("to", place(m.to()))
                    .add("reason", m.reason()));
        }
        JsonArrayBuilder cancelled = JSON.createArrayBuilder();
        for (Changes.Cancelled c : changes.cancelled()) {
            JsonObjectBuilder item = JSON.createObjectBuilder();
            if (c.id() != null) {
                item.add("id", c.id());
            }
            item.add("participants", strings(c.participants())).add("slot", c.slot());
            if (c.start() != null) {
                item.add("start", c.start());
            }
            cancelled.add(item.add("reason", c.reason()));
        }
        JsonArrayBuilder added = JSON.createArrayBuilder();
        for (Changes.Added a : changes.added()) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("id", a.id())
                    .add("participants", strings(a.participants()))
                    .add("slot", a.at().slot());
            if (a.at().table() != null) {
                item.add("table", a.at().table());
            }
            if (a.at().start() != null) {
                item.add("start", a.at().start());
            }
            added.add(item.add("origin", a.origin().code()));
        }
        JsonObjectBuilder participants = JSON.createObjectBuilder();
        changes.participants().forEach((id, t) -> participants.add(id, JSON.createObjectBuilder()
                .add("moved", t.moved()).add("cancelled", t.cancelled()).add("added", t.added())
                .add("kept", t.kept())));
        return JSON.createObjectBuilder()
                .add("format", FORMAT)
                .add("event", changes.event())
                .add("mode", changes.mode().code())
                .add("kept", changes.kept())
                .add("moved", moved)
                .add("cancelled", cancelled)
                .add("added", added)
                .add("participants", participants)
                .add("peopleAffected", changes.peopleAffected())
                .build();
    }

    public static String write(Changes changes) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.writeObject(toJson(changes));
        }
        return text.toString().strip() + "\n";
    }

    private static JsonObjectBuilder place(Place place) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("slot", place.slot());
        if (place.table() != null) {
            json.add("table", place.table());
        }
        if (place.start() != null) {
            json.add("start", place.start());
        }
        return json;
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
