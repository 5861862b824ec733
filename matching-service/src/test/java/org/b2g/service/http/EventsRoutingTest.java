package org.b2g.service.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
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
        Path dir = TestService.dataDir("b2g-events-test");
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

    /** An organizer's POST to {@code path} with one query parameter. */
    private HttpClientResponse post(String path, String parameter, String value) {
        return client.post(path).queryParam(parameter, value)
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request();
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
        assertProblem(post("/api/events/limits/solve", "timeLimit", "soon"),
                Status.BAD_REQUEST_400, "timeLimit (soon)");
    }

    @Test
    void refusesAQueryParameterTheSolveRouteDoesNotTakeInsteadOfSolvingWithTheDefault() {
        post(TestService.sampleEvent("misspelt")).close();
        assertProblem(post("/api/events/misspelt/solve", "timelimit", "1s"),
                Status.BAD_REQUEST_400, "The query parameter timelimit is not one this address takes; expected"
                        + " timeLimit, unimproved, seed, moveLimit.");
        assertProblem(get("/api/events/misspelt/solve"), Status.NOT_FOUND_404, "never been solved");
        assertProblem(post("/api/events/misspelt/publish", "versoin", "1"),
                Status.BAD_REQUEST_400, "The query parameter versoin is not one");
    }

    @Test
    void saysThereIsNoEventRatherThanNoJobForAnEventThatDoesNotExist() {
        assertProblem(get("/api/events/absent-event/solve"), Status.NOT_FOUND_404, "There is no event (absent-event).");
        assertProblem(client.delete("/api/events/absent-event/solve")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request(),
                Status.NOT_FOUND_404, "There is no event (absent-event).");
        assertProblem(get("/api/events/absent-event/solve/stream"), Status.NOT_FOUND_404,
                "There is no event (absent-event).");
        post(TestService.sampleEvent("unsolved")).close();
        assertProblem(get("/api/events/unsolved/solve"), Status.NOT_FOUND_404, "(unsolved) has never been solved");
    }

    @Test
    void answersAStoredEventWithWhatItAllowsButItsOrganizerMostLikelyDidNotMean() {
        String asksAnExcludedPair = TestService.sampleEvent("warned").replace(
                "{\"from\": \"s-flood\", \"to\": \"a-water\", \"priority\": \"must\"},",
                "{\"from\": \"s-flood\", \"to\": \"a-water\", \"priority\": \"must\"},"
                        + " {\"from\": \"s-shield\", \"to\": \"a-water\"},");
        try (HttpClientResponse created = post(asksAnExcludedPair)) {
            assertEquals(Status.CREATED_201, created.status());
            assertThat(json(created).getJsonArray("warnings").getString(0), containsString("s-shield and a-water are"
                    + " excluded from meeting"));
        }
        try (HttpClientResponse replaced = put("warned", TestService.sampleEvent("warned"))) {
            assertEquals(Status.OK_200, replaced.status());
            assertEquals(0, json(replaced).getJsonArray("warnings").size());
        }
        String misspelt = TestService.sampleEvent("warned").replaceFirst("\"role\": \"startup\"",
                "\"role\": \"startup\", \"unavailableSlot\": [2]");
        try (HttpClientResponse replaced = put("warned", misspelt)) {
            assertEquals(Status.OK_200, replaced.status());
            assertEquals("participants[0].unavailableSlot is not a field of b2g-event/1 and is ignored; did you"
                    + " mean unavailableSlots?", json(replaced).getJsonArray("warnings").getString(0));
        }
    }

    @Test
    void storesAnEventWithoutTimeZoneAsUtcAndSaysSo() {
        String withoutZone = TestService.sampleEvent("no-zone").replaceFirst("\"timeZone\": \"[^\"]*\",\\s*", "");
        try (HttpClientResponse created = post(withoutZone)) {
            assertEquals(Status.CREATED_201, created.status());
            assertThat(json(created).getJsonArray("warnings").getString(0), containsString("event.timeZone is missing"
                    + " although the sessions have clock times; the times are read as UTC"));
        }
    }

    @Test
    void saysASeedTooLongForItsNumberIsOutsideTheRange() {
        post(TestService.sampleEvent("long-seed")).close();
        assertProblem(post("/api/events/long-seed/solve", "seed", "99999999999999999999"),
                Status.BAD_REQUEST_400, "The seed (99999999999999999999) is outside -9223372036854775808.."
                        + "9223372036854775807.");
        assertProblem(post("/api/events/long-seed/solve", "moveLimit", "-1"),
                Status.BAD_REQUEST_400, "The moveLimit (-1) should be a whole number of 0 or more.");
    }

    private HttpClientResponse putIfMatch(String id, String body, String etag) {
        return client.put("/api/events/" + id)
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER))
                .header(HeaderNames.IF_MATCH, etag)
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit(body);
    }

    @Test
    void replacesOnlyTheVersionIfMatchNamesAndAnswers412Otherwise() {
        post(TestService.sampleEvent("edited")).close();
        String etag;
        try (HttpClientResponse read = get("/api/events/edited")) {
            etag = read.headers().first(HeaderNames.ETAG).orElseThrow();
        }
        assertEquals("\"1\"", etag);
        try (HttpClientResponse first = putIfMatch("edited", TestService.sampleEvent("edited"), etag)) {
            assertEquals(Status.OK_200, first.status());
            assertEquals("\"2\"", first.headers().first(HeaderNames.ETAG).orElseThrow());
        }
        // A second organizer still holding version 1 would overwrite the first one's change.
        assertProblem(putIfMatch("edited", TestService.sampleEvent("edited").replace("Demo:", "Lost:"), etag),
                Status.PRECONDITION_FAILED_412, "no longer at version 1");
        try (HttpClientResponse read = get("/api/events/edited")) {
            assertEquals("\"2\"", read.headers().first(HeaderNames.ETAG).orElseThrow());
            assertThat(read.as(String.class), not(containsString("Lost:")));
        }
        assertProblem(putIfMatch("edited", TestService.sampleEvent("edited"), "W/\"x\""), Status.BAD_REQUEST_400,
                "If-Match");
    }

    @Test
    void refusesIdsWithControlCharactersOrLongerThanTheDatabaseKeeps() {
        assertProblem(post(TestService.sampleEvent("ctl\\nid")), Status.BAD_REQUEST_400, "event.id");
        String longTable = "T".repeat(201);
        assertProblem(post(TestService.sampleEvent("long-table").replace("\"id\": \"T1\"", "\"id\": \"" + longTable
                + "\"").replace("\"T1\"", "\"" + longTable + "\"")), Status.BAD_REQUEST_400, "1..200 characters");
        assertProblem(post(TestService.sampleEvent("ctl-participant").replace("\"s-docs\"", "\"s-docs\\u0000\"")),
                Status.BAD_REQUEST_400, "control character");
        assertProblem(post(TestService.sampleEvent("long-meeting").replace("\"m-opening\"",
                "\"" + "m".repeat(201) + "\"")), Status.BAD_REQUEST_400, "meetings[0].id");
    }

    @Test
    void refusesIdsThatNoAddressCanNameAndStoresNothing() {
        // The server decodes %2F and resolves dot segments before routing: such an event could never be read again.
        assertProblem(post(TestService.sampleEvent("a/b")), Status.BAD_REQUEST_400, "event.id (a/b) holds a slash"
                + " (/)");
        assertProblem(post(TestService.sampleEvent("..")), Status.BAD_REQUEST_400, "event.id (..) is a dot segment");
        assertProblem(post(TestService.sampleEvent("slashed-participant").replace("\"s-docs\"", "\"s/docs\"")),
                Status.BAD_REQUEST_400, "(s/docs)");
        assertProblem(post(TestService.sampleEvent("slashed-meeting").replace("\"m-opening\"", "\"m/opening\"")),
                Status.BAD_REQUEST_400, "meetings[0].id (m/opening)");
        try (HttpClientResponse list = get("/api/events")) {
            assertThat(list.as(String.class), not(containsString("slashed")));
        }
        try (HttpClientResponse dotted = post(TestService.sampleEvent("v1.2..3"))) {
            assertEquals(Status.CREATED_201, dotted.status(), "dots inside an id are fine");
        }
    }

    @Test
    void refusesAnEventIdWithASlashOrSemicolonSayingWhichCharactersAndWhy() {
        // Helidon decodes %2F before routing, and drops what follows ';' (%3B too) as a path parameter: "a;b" would
        // be reached as event "a".
        for (String id : List.of("sự-kiện/2024 #1", "a;b")) {
            assertProblem(post(TestService.sampleEvent(id)), Status.BAD_REQUEST_400, "event.id (" + id + ") holds a "
                    + (id.contains("/") ? "slash (/)" : "semicolon (;)") + ", which no address of this service can"
                    + " name: the web server reads an encoded '/' (%2F) as a separator and an encoded ';' (%3B) as the"
                    + " start of a path parameter before routing, and resolves '.' and '..', so such an event could"
                    + " never be read, solved or deleted; ids of events, participants and required meetings may hold"
                    + " any printable character (spaces, '#', '?', accents) but '/' and ';', and may not be '.' or"
                    + " '..' (the command line takes them all); replace it (with '-', say).");
        }
        String id = "sự-kiện 2024 #1?";
        try (HttpClientResponse created = post(TestService.sampleEvent(id))) {
            assertEquals(Status.CREATED_201, created.status(), "every other printable character is fine");
        }
        try (HttpClientResponse read = client.get().uri(URI.create("/api/events/" + Paths.segment(id)))
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.OK_200, read.status());
            assertThat(read.as(String.class), containsString(id));
        }
    }

    @Test
    void refusesTextAfterTheDocumentAndStoresNothing() {
        assertProblem(post(TestService.sampleEvent("trailing") + " {\"x\": 1}"), Status.BAD_REQUEST_400,
                "text after the end of the JSON document");
        assertProblem(get("/api/events/trailing"), Status.NOT_FOUND_404, "(trailing)");
        try (HttpClientResponse spaced = post(TestService.sampleEvent("trailing-space") + " \n\t\r\n")) {
            assertEquals(Status.CREATED_201, spaced.status(), "white space after the document is fine");
        }
    }

    @Test
    void acceptsAByteOrderMarkBeforeTheDocumentAndStoresItWithout() {
        try (HttpClientResponse created = post("\uFEFF" + TestService.sampleEvent("bom"))) {
            assertEquals(Status.CREATED_201, created.status());
        }
        try (HttpClientResponse read = get("/api/events/bom")) {
            assertEquals("bom", json(read).getJsonObject("event").getString("id"));
        }
    }

    @Test
    void answersAMethodTheAddressDoesNotTakeWith405NamingTheOnesItDoes() {
        post(TestService.sampleEvent("methods")).close();
        try (HttpClientResponse patched = client.method(io.helidon.http.Method.PATCH).uri("/api/events/methods")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.METHOD_NOT_ALLOWED_405, patched.status());
            assertEquals("DELETE, GET, HEAD, PUT", patched.headers().first(HeaderNames.ALLOW).orElseThrow());
            assertThat(json(patched).getString("detail"), containsString("PATCH is not allowed on /api/events/methods"));
        }
        try (HttpClientResponse deleted = client.delete("/api/events")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.METHOD_NOT_ALLOWED_405, deleted.status());
            assertEquals("GET, HEAD, POST", deleted.headers().first(HeaderNames.ALLOW).orElseThrow());
        }
        assertProblem(client.get("/api/events/methods/participants/s-flood/requests/r-1/accept")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request(),
                Status.METHOD_NOT_ALLOWED_405, "allowed: POST");
        assertProblem(get("/api/events/methods/nothing/here"), Status.NOT_FOUND_404, "GET /api/openapi lists them");
    }

    @Test
    void answersHeadLikeGetWithoutABody() {
        post(TestService.sampleEvent("head")).close();
        String etag;
        try (HttpClientResponse got = get("/api/events/head")) {
            etag = got.headers().first(HeaderNames.ETAG).orElseThrow();
        }
        try (HttpClientResponse head = client.method(io.helidon.http.Method.HEAD).uri("/api/events/head")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.OK_200, head.status());
            assertEquals(etag, head.headers().first(HeaderNames.ETAG).orElseThrow());
            assertEquals("application/json", head.headers().contentType().orElseThrow().mediaType().text());
            assertFalse(head.entity().hasEntity(), "no body");
        }
        try (HttpClientResponse missing = client.method(io.helidon.http.Method.HEAD).uri("/api/events/nothing")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.NOT_FOUND_404, missing.status(), "the status GET would give");
            assertFalse(missing.entity().hasEntity());
        }
        try (HttpClientResponse unauthorized = client.method(io.helidon.http.Method.HEAD).uri("/api/events/head")
                .request()) {
            assertEquals(Status.UNAUTHORIZED_401, unauthorized.status(), "the same access rules");
        }
        try (HttpClientResponse stream = client.method(io.helidon.http.Method.HEAD).uri("/api/events/head/solve/stream")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.METHOD_NOT_ALLOWED_405, stream.status(), "an event stream has no end to answer HEAD");
            assertEquals("GET", stream.headers().first(HeaderNames.ALLOW).orElseThrow());
        }
    }

    @Test
    void refusesJsonNestedTooDeepWithWhatIsAccepted() {
        String deep = "{\"format\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        try (HttpClientResponse response = post(deep)) {
            assertEquals(Status.BAD_REQUEST_400, response.status());
            String detail = json(response).getString("detail");
            assertEquals("request body: objects and arrays nest more than 64 levels deep (at offset 74); expected a"
                    + " b2g-event/1 JSON document, which needs a few.", detail);
        }
        String small = "[".repeat(1500) + "]".repeat(1500);
        try (HttpClientResponse response = client.put("/api/events/head/self-service")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).submit(small)) {
            assertEquals(Status.BAD_REQUEST_400, response.status(), "not a 500");
            assertThat(json(response).getString("detail"), containsString("nest more than 64 levels deep"));
        }
        String inText = "{\"enabled\": true, \"note\": \"" + "[".repeat(100) + "\\\"{\"}";
        try (HttpClientResponse response = client.put("/api/events/nothing/self-service")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).submit(inText)) {
            assertEquals(Status.NOT_FOUND_404, response.status(), "brackets in a string are text, not nesting");
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void refusesAnAbsurdNumberAtOnce() {
        assertProblem(post(TestService.sampleEvent("huge").replace("\"recommendationsPerParticipant\": 3",
                "\"recommendationsPerParticipant\": 1e100000000")), Status.BAD_REQUEST_400, "too large");
    }

    @Test
    void refusesMoreRecommendationsPerParticipantThanTheServiceAllows() {
        assertProblem(post(TestService.sampleEvent("greedy").replace("\"recommendationsPerParticipant\": 3",
                "\"recommendationsPerParticipant\": 51")), Status.BAD_REQUEST_400, "outside 0..50");
    }

    @Test
    void concurrentCreatesOfOneIdGiveOneEventAndConflictsButNoServerError() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = "race-" + round;
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.CompletableFuture<Status>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    try (HttpClientResponse r = post(TestService.sampleEvent(id))) {
                        return r.status();
                    }
                }));
            }
            start.countDown();
            java.util.List<Status> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == Status.CREATED_201).count(), statuses.toString());
            assertEquals(2, statuses.stream().filter(s -> s == Status.CONFLICT_409).count(), statuses.toString());
        }
    }

    /** The sample event under {@code id} without participant {@code pid} and everything that names it. */
    private static String without(String id, String pid) {
        JsonObject event = Json.createReader(new StringReader(TestService.sampleEvent(id))).readObject();
        var builder = Json.createObjectBuilder(event);
        for (String list : new String[] {"participants", "requests", "meetings", "exclusions"}) {
            var kept = Json.createArrayBuilder();
            for (var item : event.getJsonArray(list)) {
                if (!item.toString().contains("\"" + pid + "\"")) {
                    kept.add(item);
                }
            }
            builder.add(list, kept);
        }
        return builder.build().toString();
    }

    @Test
    void aParticipantRemovedByReplacementLosesItsAgendaAndItsLink() throws Exception {
        post(TestService.sampleEvent("shrink")).close();
        backend.solving().start("shrink", org.b2g.core.solver.SolveOptions.DEFAULT
                .withTimeLimit(java.time.Duration.ofSeconds(1)));
        assertEquals(org.b2g.service.solving.JobStatus.State.DONE,
                backend.solving().await("shrink", java.time.Duration.ofSeconds(60)).state());
        backend.publication().publish("shrink", 0);
        String token = TestService.participantToken(backend, "shrink", "s-park");
        String agenda = "/api/events/shrink/participants/s-park/agenda";
        try (HttpClientResponse before = client.get(agenda).queryParam("token", token).request()) {
            assertEquals(Status.OK_200, before.status());
        }
        try (HttpClientResponse replaced = put("shrink", without("shrink", "s-park"))) {
            assertEquals(Status.OK_200, replaced.status());
        }
        try (HttpClientResponse after = client.get(agenda).queryParam("token", token).request()) {
            assertEquals(Status.FORBIDDEN_403, after.status());
        }
        assertProblem(get(agenda), Status.NOT_FOUND_404, "no agenda");
        // Coming back later does not revive the old link.
        try (HttpClientResponse back = put("shrink", TestService.sampleEvent("shrink"))) {
            assertEquals(Status.OK_200, back.status());
        }
        assertFalse(token.equals(TestService.participantToken(backend, "shrink", "s-park")));
    }

    @Test
    void anEditThatRemovesAParticipantEndsItsAbsenceSoThatItComesBackPresent() throws Exception {
        post(TestService.sampleEvent("returns")).close();
        backend.solving().start("returns", org.b2g.core.solver.SolveOptions.DEFAULT
                .withTimeLimit(java.time.Duration.ofSeconds(1)));
        assertEquals(org.b2g.service.solving.JobStatus.State.DONE,
                backend.solving().await("returns", java.time.Duration.ofSeconds(60)).state());
        backend.publication().publish("returns", 0);
        backend.day().absent("returns", "s-park");
        assertEquals(java.util.Set.of("s-park"), backend.day().status("returns").absent());

        try (HttpClientResponse removed = put("returns", without("returns", "s-park"))) {
            assertEquals(Status.OK_200, removed.status());
        }
        try (HttpClientResponse back = put("returns", TestService.sampleEvent("returns"))) {
            assertEquals(Status.OK_200, back.status());
        }

        assertEquals(java.util.Set.of(), backend.day().status("returns").absent(), "a new registration, present");
        assertProblem(client.delete("/api/events/returns/participants/s-park/absence")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request(),
                Status.NOT_FOUND_404, "not marked absent");
    }

    @Test
    void aDeletedAndRecreatedEventDoesNotBringOldLinksBack() {
        post(TestService.sampleEvent("reborn")).close();
        String token = TestService.participantToken(backend, "reborn", "s-flood");
        client.delete("/api/events/reborn").header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER))
                .request().close();
        post(TestService.sampleEvent("reborn")).close();
        assertFalse(token.equals(TestService.participantToken(backend, "reborn", "s-flood")));
    }

    @Test
    void answersHealthWithoutAToken() {
        try (HttpClientResponse health = client.get("/api/health").request()) {
            assertEquals(Status.OK_200, health.status());
            assertEquals("UP", json(health).getString("database"));
        }
    }

    @Test
    void answersJsonWhateverTheAcceptHeaderAsksFor() {
        post(TestService.sampleEvent("accept")).close();
        for (String path : new String[] {"/api/health", "/api/events", "/api/events/accept/feasibility"}) {
            for (String accept : new String[] {"text/plain", "application/xml", "text/html"}) {
                try (HttpClientResponse answer = client.get(path).header(HeaderNames.ACCEPT, accept)
                        .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
                    assertEquals(Status.OK_200, answer.status(), path + " with Accept " + accept);
                    assertEquals("application/json", answer.headers().contentType().orElseThrow().text());
                    assertFalse(json(answer).isEmpty(), path);
                }
            }
        }
    }

    @Test
    void refusesAnEventBodyOfAnotherMediaTypeWith415AndStoresNothing() {
        for (String type : new String[] {"application/xml", "multipart/form-data; boundary=x",
                "application/vnd.ms-excel"}) {
            assertProblem(client.post("/api/events")
                    .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER))
                    .header(HeaderNames.CONTENT_TYPE, type).submit(TestService.sampleEvent("typed")),
                    Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type (" + type.replaceAll(";.*", "") + ")");
        }
        assertProblem(get("/api/events/typed"), Status.NOT_FOUND_404, "(typed)");
        try (HttpClientResponse created = client.post("/api/events")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER))
                .header(HeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded") // what curl -d sends
                .submit(TestService.sampleEvent("typed"))) {
            assertEquals(Status.CREATED_201, created.status());
        }
    }

    @Test
    void refusesASelfServiceSwitchOfAnotherMediaTypeWith415() {
        post(TestService.sampleEvent("typed-switch")).close();
        assertProblem(client.put("/api/events/typed-switch/self-service")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER))
                .header(HeaderNames.CONTENT_TYPE, "application/xml").submit("<enabled>true</enabled>"),
                Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type (application/xml) is not JSON");
    }
}
