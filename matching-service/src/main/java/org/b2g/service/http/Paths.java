package org.b2g.service.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.helidon.webserver.http.ServerRequest;

/** Path parameters in and path segments out. */
final class Paths {

    private Paths() {
    }

    /** A path parameter, decoded; 400 when longer than any stored id. */
    static String param(ServerRequest req, String name) {
        String value = req.path().pathParameters().get(name);
        if (value.isEmpty() || value.length() > Bodies.MAX_ID) {
            throw ApiException.badRequest("The path parameter " + name + " should have 1.." + Bodies.MAX_ID
                    + " characters.");
        }
        return value;
    }

    /** {@code text} encoded for one path segment or query value. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
