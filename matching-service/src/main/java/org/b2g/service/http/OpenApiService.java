package org.b2g.service.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonObject;

/** {@code /api/openapi}: the OpenAPI 3 description of the whole API, built once. No token needed. */
final class OpenApiService implements HttpService {

    private final JsonObject document = OpenApi.document();

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::document);
    }

    private void document(ServerRequest req, ServerResponse res) {
        JsonAnswers.send(res, document);
    }
}
