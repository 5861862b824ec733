package org.b2g.service;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;

/** The one JSON-P factory of the service: creating a factory per call looks up the provider each time. */
public final class JsonFactory {

    public static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    public static final JsonReaderFactory READER = Json.createReaderFactory(Map.of());

    private JsonFactory() {
    }
}
