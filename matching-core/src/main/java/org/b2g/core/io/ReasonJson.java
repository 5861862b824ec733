package org.b2g.core.io;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.b2g.core.domain.Reason;

/**
 * Writes {@link Reason reasons} as JSON objects: {@code code} plus the reason's values, e.g.
 * {@code {"code":"shared-tags","tags":["flooding"]}}. Every document that lists a meeting's {@code reasons}
 * (sentences) also lists these as {@code reasonCodes}, in the same order, so a page can word them in its reader's
 * language.
 */
public final class ReasonJson {

    /** One factory: each {@code Json.create...} call would look the JSON provider up on the class path again. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private ReasonJson() {
    }

    public static JsonArray toJson(List<Reason> reasons) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        reasons.forEach(reason -> array.add(toJson(reason)));
        return array.build();
    }

    public static JsonObject toJson(Reason reason) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("code", reason.code());
        switch (reason) {
            case Reason.SharedTags tags -> json.add("tags", JSON.createArrayBuilder(tags.tags()));
            case Reason.TextMatch text -> {
                JsonArrayBuilder phrases = JSON.createArrayBuilder();
                for (Reason.Phrase phrase : text.phrases()) {
                    JsonObjectBuilder p = JSON.createObjectBuilder().add("text", phrase.text());
                    if (phrase.concept() != null) {
                        p.add("concept", phrase.concept());
                        JsonObjectBuilder labels = JSON.createObjectBuilder();
                        phrase.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .forEach(e -> labels.add(e.getKey(), e.getValue()));
                        p.add("labels", labels);
                    }
                    phrases.add(p);
                }
                json.add("offering", text.offering()).add("need", text.need()).add("phrases", phrases);
            }
            case Reason.MutualRequest mutual -> json
                    .add("participants", JSON.createArrayBuilder()
                            .add(side(mutual.first(), mutual.firstName()).add("priority", mutual.firstPriority().code()))
                            .add(side(mutual.second(), mutual.secondName())
                                    .add("priority", mutual.secondPriority().code())));
            case Reason.OneSidedRequest request -> json
                    .add("by", side(request.from(), request.fromName()))
                    .add("priority", request.priority().code());
            case Reason.Backup backup -> json
                    .add("for", side(backup.needy(), backup.needyName()))
                    .add("counterpart", side(backup.counterpart(), backup.counterpartName()))
                    .add("hadCandidates", backup.hadCandidates());
            case Reason.Note note -> json.add("text", note.text());
        }
        return json.build();
    }

    private static JsonObjectBuilder side(String id, String name) {
        return JSON.createObjectBuilder().add("id", id).add("name", name);
    }
}
