package org.b2g.service.http;

import java.io.StringReader;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.testing.junit5.DirectClient;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.b2g.service.TestService;

/** One call of the API through the routes, and its answer: the status and the JSON body (empty when none). */
record ApiCall(int status, JsonObject json) {

    static ApiCall send(DirectClient client, Method method, String path, String token, String body) {
        Http1ClientRequest request = client.method(method).uri(path);
        if (token != null) {
            request.header(HeaderNames.AUTHORIZATION, TestService.bearer(token));
        }
        try (HttpClientResponse response = body == null ? request.request() : request.submit(body)) {
            String text = response.as(String.class);
            return new ApiCall(response.status().code(), text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createReader(new StringReader(text)).readObject());
        }
    }
}
