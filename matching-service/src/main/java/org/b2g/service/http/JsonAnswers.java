package org.b2g.service.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;

/**
 * Sends a JSON answer whatever the request's {@code Accept} says. The API has no other form for these resources,
 * and RFC 9110 lets a server answer with its one form: Helidon's JSON writer refuses to write when {@code Accept}
 * leaves JSON out ({@code Accept: text/plain} from a monitoring probe), which came out as a 415 naming an internal
 * class. Resources that also have spreadsheets pick theirs in {@link Downloads} first.
 */
final class JsonAnswers {

    static final String MEDIA_TYPE = "application/json";
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());

    private JsonAnswers() {
    }

    static void send(ServerResponse res, JsonStructure json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = WRITERS.createWriter(out, StandardCharsets.UTF_8)) {
            writer.write(json);
        }
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.send(out.toByteArray());
    }
}
