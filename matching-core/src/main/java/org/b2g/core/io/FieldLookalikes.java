package org.b2g.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Fields of a {@code b2g-event/1} document that are most likely misspelt: a name the format does not have that is a
 * letter or two (or only the case) away from one of its fields that the object does not give, such as
 * {@code "maxMeeting": 3} or {@code "fixedslot": 2}. The format ignores unknown fields, so such a field is read as
 * absent; these are said as warnings, since nothing else would tell why the limit or the slot was not kept.
 */
final class FieldLookalikes {

    /** The fields of each kind of object, by its place with the array indices left out. */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("", List.of("format", "event", "participants", "meetings", "requests", "exclusions", "rules")),
            Map.entry("event", List.of("id", "name", "timeZone", "slotMinutes", "sessions", "tables")),
            Map.entry("event.sessions", List.of("id", "day", "start", "end", "slots")),
            Map.entry("event.tables", List.of("id", "name")),
            Map.entry("participants", List.of("id", "role", "name", "englishName", "email", "representatives",
                    "maxMeetings", "minMeetings", "unavailableSlots", "homeTable", "offerings", "needs")),
            Map.entry("participants.offerings", List.of("id", "title", "description", "tags")),
            Map.entry("participants.needs", List.of("id", "title", "description", "tags", "priority")),
            Map.entry("meetings", List.of("id", "participants", "session", "fixedSlot", "fixedTable", "after")),
            Map.entry("requests", List.of("from", "to", "priority")),
            Map.entry("exclusions", List.of("participants", "reason")),
            Map.entry("rules", List.of("maxBreaksPerParticipant", "recommendationsPerParticipant", "minRelevance")));

    private FieldLookalikes() {
    }

    /** One sentence per likely misspelt field, in document order; empty when there is none. */
    static List<String> of(JsonValue document) {
        List<String> warnings = new ArrayList<>();
        visit(document, "", "", warnings);
        return warnings;
    }

    private static void visit(JsonValue value, String kind, String path, List<String> warnings) {
        List<String> fields = FIELDS.get(kind);
        if (fields == null) {
            return;
        }
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                visit(array.get(i), kind, path + "[" + i + "]", warnings);
            }
            return;
        }
        if (!(value instanceof JsonObject object)) {
            return;
        }
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            String name = member.getKey();
            String place = path.isEmpty() ? name : path + "." + name;
            if (fields.contains(name)) {
                visit(member.getValue(), kind.isEmpty() ? name : kind + "." + name, place, warnings);
                continue;
            }
            for (String field : fields) {
                if (!object.containsKey(field) && DznReader.looksLike(name, field)) {
                    warnings.add(place + " is not a field of " + EventJson.FORMAT + " and is ignored; did you mean "
                            + field + "?");
                    break;
                }
            }
        }
    }
}
