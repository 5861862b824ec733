package org.b2g.service.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code /api/events} without a network: storing, replacing, deleting, and refusing bad bodies with 4xx. */
@RoutingTest
class EventsRoutingTest {

    private static Backend backend;
    private final DirectClient client;

    EventsRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        Path dir = Files.createTempDirectory("b2g-events-test");
        backend = TestService.backend(dir, Map.of("b2g.max-body-bytes", "200000"));
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private HttpClientResponse post(String body) {
        return client.post("/api/events").header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER))
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit(body);
    }

    private HttpClientResponse put(String id, String body) {
        return client.put("/api/events/" + id)
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER))
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit(body);
    }

    private HttpClientResponse get(String path) {
        return client.get(path).header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request();
    }

    private static JsonObject json(HttpClientResponse response) {
        return Json.createReader(new StringReader(response.as(String.class))).readObject();
    }

    /** Asserts a problem document with this status whose detail contains {@code text}. */
    private static void assertProblem(HttpClientResponse response, Status status, String text) {
        try (response) {
            assertEquals(status, response.status());
            assertThat(response.headers().contentType().orElseThrow().text(), is("application/problem+json"));
            JsonObject problem = json(response);
            assertEquals(status.code(), problem.getInt("status"));
            assertThat(problem.getString("detail"), containsString(text));
        }
    }

    @Test
    void createsReadsReplacesAndDeletesAnEvent() {
        try (HttpClientResponse created = post(TestService.sampleEvent("crud"))) {
            assertEquals(Status.CREATED_201, created.status());
            assertEquals("/api/events/crud", created.headers().first(HeaderNames.LOCATION).orElseThrow());
            assertEquals(1, json(created).getInt("version"));
        }
        try (HttpClientResponse read = get("/api/events/crud")) {
            assertEquals(Status.OK_200, read.status());
            assertEquals("crud", json(read).getJsonObject("event").getString("id"));
        }
        try (HttpClientResponse replaced = put("crud", TestService.sampleEvent("crud").replace("Demo:", "Renamed:"))) {
            assertEquals(Status.OK_200, replaced.status());
            assertEquals(2, json(replaced).getInt("version"));
        }
        try (HttpClientResponse list = get("/api/events")) {
            JsonObject listed = json(list).getJsonArray("events").stream().map(v -> v.asJsonObject())
                    .filter(e -> e.getString("id").equals("crud")).findFirst().orElseThrow();
            assertThat(listed.getString("name"), containsString("Renamed:"));
            assertEquals(10, listed.getInt("participants"));
        }
        try (HttpClientResponse deleted = client.delete("/api/events/crud")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.NO_CONTENT_204, deleted.status());
        }
        assertProblem(get("/api/events/crud"), Status.NOT_FOUND_404, "(crud)");
    }

    @Test
    void refusesASecondEventWithTheSameId() {
        post(TestService.sampleEvent("twice")).close();
        assertProblem(post(TestService.sampleEvent("twice")), Status.CONFLICT_409, "(twice)");
    }

    @Test
    void refusesMalformedJsonWithTheReadersMessage() {
        assertProblem(post("{\"format\": \"b2g-event/1\", \"event\": {"), Status.BAD_REQUEST_400, "request body");
    }

    @Test
    void refusesATruncatedBodyAndStoresNothing() {
        String whole = TestService.sampleEvent("truncated");
        assertProblem(post(whole.substring(0, whole.length() / 2)), Status.BAD_REQUEST_400, "request body");
        assertProblem(get("/api/events/truncated"), Status.NOT_FOUND_404, "(truncated)");
    }

    @Test
    void refusesAnUnknownParticipantInARequestNamingIt() {
        String body = TestService.sampleEvent("unknown-ref").replace("\"to\": \"a-info\"", "\"to\": \"a-nobody\"");
        assertProblem(post(body), Status.BAD_REQUEST_400, "a-nobody");
        assertProblem(get("/api/events/unknown-ref"), Status.NOT_FOUND_404, "(unknown-ref)");
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        String padding = " ".repeat(200_001);
        assertProblem(post(TestService.sampleEvent("big") + padding), Status.REQUEST_ENTITY_TOO_LARGE_413,
                "200000 bytes");
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        byte[] latin1 = TestService.sampleEvent("latin").replace("Số", "S\u00f6").getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertProblem(client.post("/api/events")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).submit(latin1),
                Status.BAD_REQUEST_400, "UTF-8");
    }

    @Test
    void refusesAnEmptyBody() {
        assertProblem(post(""), Status.BAD_REQUEST_400, "empty");
    }

    @Test
    void refusesAReplacementWhoseIdDiffersFromThePath() {
        post(TestService.sampleEvent("keep")).close();
        assertProblem(put("keep", TestService.sampleEvent("other")), Status.BAD_REQUEST_400, "event.id (other)");
    }

    @Test
    void refusesToReplaceAMissingEvent() {
        assertProblem(put("missing", TestService.sampleEvent("missing")), Status.NOT_FOUND_404, "(missing)");
    }

    @Test
    void refusesABadTimeLimitNamingIt() {
        post(TestService.sampleEvent("limits")).close();
        assertProblem(client.post("/api/events/limits/solve").queryParam("timeLimit", "soon")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request(),
                Status.BAD_REQUEST_400, "timeLimit (soon)");
    }

    @Test
    void answersHealthWithoutAToken() {
        try (HttpClientResponse health = client.get("/api/health").request()) {
            assertEquals(Status.OK_200, health.status());
            assertEquals("UP", json(health).getString("database"));
        }
    }
}
