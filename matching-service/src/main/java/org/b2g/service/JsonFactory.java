package org.b2g.service;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;

/** The one JSON-P factory of the service: creating a factory per call looks up the provider each time. */
public final class JsonFactory {

    public static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    public static final JsonReaderFactory READER = Json.createReaderFactory(Map.of());
    /**
     * For request bodies: a key given twice in one object is an error ({@code {"with": "a", "with": "b"}} would
     * otherwise silently mean the second).
     */
    public static final JsonReaderFactory STRICT_READER =
            Json.createReaderFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

    private JsonFactory() {
    }
}
