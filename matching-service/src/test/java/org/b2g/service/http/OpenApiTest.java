package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import jakarta.json.JsonObject;

import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists exactly the routes the services register. */
class OpenApiTest {

    /** Rules that only write down each method and full path a service registers. */
    private static final class RecordingRules implements HttpRules {
        final Set<String> routes = new TreeSet<>();
        private final Deque<String> prefixes = new ArrayDeque<>();

        private String path(String path) {
            String full = String.join("", prefixes) + (path.equals("/") ? "" : path);
            return full.isEmpty() ? "/" : full;
        }

        private HttpRules record(Method method, String path) {
            routes.add(method.text() + " " + path(path));
            return this;
        }

        @Override
        public HttpRules register(HttpService... services) {
            for (HttpService service : services) {
                service.routing(this);
            }
            return this;
        }

        @Override
        public HttpRules register(String pathPattern, HttpService... services) {
            prefixes.push(pathPattern);
            register(services);
            prefixes.pop();
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            throw new AssertionError("A service registered a route the test cannot read; use get/post/put/delete.");
        }

        @Override
        public HttpRules get(String pathPattern, Handler... handlers) {
            return record(Method.GET, pathPattern);
        }

        @Override
        public HttpRules post(String pathPattern, Handler... handlers) {
            return record(Method.POST, pathPattern);
        }

        @Override
        public HttpRules put(String pathPattern, Handler... handlers) {
            return record(Method.PUT, pathPattern);
        }

        @Override
        public HttpRules delete(String pathPattern, Handler... handlers) {
            return record(Method.DELETE, pathPattern);
        }

        @Override
        public HttpRules patch(String pathPattern, Handler... handlers) {
            return record(Method.PATCH, pathPattern);
        }

        @Override
        public HttpRules register(Supplier<? extends HttpService> service) {
            return register(service.get());
        }
    }

    @Test
    void documentsEveryRegisteredRouteAndNothingElse() throws Exception {
        RecordingRules rules = new RecordingRules();
        try (Backend backend = TestService.backend(TestService.dataDir("b2g-openapi"))) {
            for (Api.Mount mount : Api.mounts(backend)) {
                rules.register(mount.prefix(), mount.service());
            }
        }
        Set<String> documented = new TreeSet<>();
        JsonObject paths = OpenApi.document().getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                documented.add(method.toUpperCase() + " " + path);
            }
        }
        assertTrue(rules.routes.size() >= 17, "routes seen: " + rules.routes);
        assertEquals(rules.routes, documented);
    }

    @Test
    void marksOrganizerRoutesAsSecuredAndProblemsAsProblemJson() {
        JsonObject schedule = OpenApi.document().getJsonObject("paths").getJsonObject("/api/events/{id}/schedule")
                .getJsonObject("get");
        assertTrue(schedule.containsKey("security"));
        assertTrue(schedule.getJsonObject("responses").getJsonObject("401").getJsonObject("content")
                .containsKey("application/problem+json"));
        JsonObject health = OpenApi.document().getJsonObject("paths").getJsonObject("/api/health").getJsonObject("get");
        assertTrue(health.getJsonArray("security").isEmpty(), "public: an empty security list");
    }

    @Test
    void documentsRevalidationWhereAnswersCarryAnETag() {
        for (String operation : OpenApi.REVALIDATED) {
            String[] methodAndPath = operation.split(" ", 2);
            JsonObject op = OpenApi.document().getJsonObject("paths").getJsonObject(methodAndPath[1])
                    .getJsonObject(methodAndPath[0]);
            assertTrue(op != null, operation + " is not an operation of the document");
            JsonObject responses = op.getJsonObject("responses");
            assertTrue(responses.getJsonObject("304").getJsonObject("headers").containsKey("ETag"), operation);
            assertTrue(responses.containsKey("304") && !responses.getJsonObject("304").containsKey("content"),
                    "a 304 has no body");
            assertTrue(responses.getJsonObject("200").getJsonObject("headers").containsKey("Cache-Control"));
            assertTrue(op.getJsonArray("parameters").stream().map(p -> p.asJsonObject().getString("name"))
                    .anyMatch("If-None-Match"::equals), operation);
        }
        assertTrue(OpenApi.REVALIDATED.contains("get /api/events/{id}/participants/{pid}/agenda"));
    }
}
