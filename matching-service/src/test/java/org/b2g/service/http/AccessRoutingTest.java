package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint with no token (401), with a participant's token (403 except on its own agenda) and with the
 * organizer's token (let through), on a solved event.
 */
@RoutingTest
class AccessRoutingTest {

    private static final String EVENT = "/api/events/" + TestService.EVENT_ID;
    private static Backend backend;
    private final DirectClient client;

    AccessRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-access-test"));
        TestService.publishSolvedSample(backend);
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    /** Endpoints only the organizer may call; request bodies are irrelevant, access is checked first. */
    static Stream<Arguments> organizerEndpoints() {
        return Stream.of(
                Arguments.of(Method.GET, "/api/events"),
                Arguments.of(Method.POST, "/api/events"),
                Arguments.of(Method.GET, EVENT),
                Arguments.of(Method.PUT, EVENT),
                Arguments.of(Method.DELETE, "/api/events/not-there"),
                Arguments.of(Method.POST, "/api/events/not-there/solve"),
                Arguments.of(Method.GET, EVENT + "/solve"),
                Arguments.of(Method.DELETE, EVENT + "/solve"),
                Arguments.of(Method.GET, EVENT + "/solve/stream"),
                Arguments.of(Method.GET, EVENT + "/schedule"),
                Arguments.of(Method.GET, EVENT + "/candidates"),
                Arguments.of(Method.GET, EVENT + "/feasibility"),
                Arguments.of(Method.GET, EVENT + "/participants"),
                Arguments.of(Method.GET, EVENT + "/participants/s-flood/token"),
                Arguments.of(Method.GET, EVENT + "/self-service"),
                Arguments.of(Method.PUT, EVENT + "/self-service"));
    }

    private Status call(Method method, String path, String token) {
        return call(method, path, token, null);
    }

    private Status call(Method method, String path, String token, String format) {
        Http1ClientRequest request = client.method(method).uri(path);
        if (format != null) {
            request.queryParam("format", format);
        }
        if (token != null) {
            request.header(HeaderNames.AUTHORIZATION, TestService.bearer(token));
        }
        try (HttpClientResponse response = method == Method.POST || method == Method.PUT
                ? request.submit(TestService.sampleEvent()) : request.request()) {
            response.as(String.class);
            return response.status();
        }
    }

    private static String tokenOf(String participant) {
        return TestService.participantToken(backend, TestService.EVENT_ID, participant);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("organizerEndpoints")
    void organizerEndpointsRefuseNoTokenAndParticipantTokens(Method method, String path) {
        assertEquals(Status.UNAUTHORIZED_401, call(method, path, null));
        assertEquals(Status.FORBIDDEN_403, call(method, path, tokenOf("s-flood")));
        assertEquals(Status.FORBIDDEN_403, call(method, path, "guessed-token"));
        Status organizer = call(method, path, TestService.ORGANIZER);
        assertFalse(organizer == Status.UNAUTHORIZED_401 || organizer == Status.FORBIDDEN_403, organizer.toString());
        assertTrue(organizer.code() < 500, organizer.toString());
    }

    @ParameterizedTest(name = "agenda [{0}]")
    @MethodSource("agendaFormats")
    void agendaOpensToItsOwnerAndTheOrganizerOnly(String format) {
        String path = EVENT + "/participants/s-flood/agenda";
        assertEquals(Status.UNAUTHORIZED_401, call(Method.GET, path, null, format));
        assertEquals(Status.FORBIDDEN_403, call(Method.GET, path, tokenOf("a-water"), format));
        assertEquals(Status.FORBIDDEN_403, call(Method.GET, path, tokenOf("s-flood") + "x", format));
        assertEquals(Status.OK_200, call(Method.GET, path, tokenOf("s-flood"), format));
        assertEquals(Status.OK_200, call(Method.GET, path, TestService.ORGANIZER, format));
        try (HttpClientResponse viaLink = client.get(path).queryParam("format", format)
                .queryParam("token", tokenOf("s-flood")).request()) {
            assertEquals(Status.OK_200, viaLink.status());
        }
    }

    static Stream<String> agendaFormats() {
        return Stream.of("json", "ics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicEndpoints")
    void publicEndpointsNeedNoToken(String path) {
        assertEquals(Status.OK_200, call(Method.GET, path, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("organizerEndpoints")
    void organizerEndpointsTakeTheTokenFromTheHeaderOnly(Method method, String path) {
        if (path.endsWith("/solve/stream")) {
            return; // an EventSource cannot send a header: see streamTakesTheOrganizerTokenFromTheAddress
        }
        Http1ClientRequest request = client.method(method).uri(path).queryParam("token", TestService.ORGANIZER);
        try (HttpClientResponse response = method == Method.POST || method == Method.PUT
                ? request.submit(TestService.sampleEvent()) : request.request()) {
            assertEquals(Status.UNAUTHORIZED_401, response.status());
            assertTrue(response.as(String.class).contains("Authorization header"));
        }
    }

    @org.junit.jupiter.api.Test
    void streamTakesTheOrganizerTokenFromTheAddress() {
        try (HttpClientResponse response = client.get(EVENT + "/solve/stream")
                .queryParam("token", TestService.ORGANIZER).request()) {
            assertEquals(Status.OK_200, response.status());
        }
    }

    @org.junit.jupiter.api.Test
    void rotatingALinkRevokesTheOldTokenAndGivesANewOne() {
        String path = EVENT + "/participants/a-water/agenda";
        String old = tokenOf("a-water");
        assertEquals(Status.OK_200, call(Method.GET, path, old));
        String fresh;
        try (HttpClientResponse rotated = client.post(EVENT + "/participants/a-water/token")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.OK_200, rotated.status());
            fresh = jakarta.json.Json.createReader(new java.io.StringReader(rotated.as(String.class))).readObject()
                    .getString("token");
        }
        assertFalse(fresh.equals(old));
        assertEquals(Status.FORBIDDEN_403, call(Method.GET, path, old));
        assertEquals(Status.OK_200, call(Method.GET, path, fresh));
        assertEquals(Status.OK_200, call(Method.GET, EVENT + "/participants/s-flood/agenda", tokenOf("s-flood")),
                "the other participants' links stay as they were");
    }

    @org.junit.jupiter.api.Test
    void sendsSecurityHeadersAndKeepsNoCopyOfPrivateAnswers() {
        try (HttpClientResponse agenda = client.get(EVENT + "/participants/s-flood/agenda")
                .queryParam("token", tokenOf("s-flood")).request()) {
            assertEquals(Status.OK_200, agenda.status());
            assertEquals("private, no-cache", agenda.headers().first(HeaderNames.CACHE_CONTROL).orElse(""),
                    "a browser may keep its own agenda but asks again every time (AgendaCachingRoutingTest)");
            assertEquals("no-referrer", agenda.headers().first(HeaderNames.create("Referrer-Policy")).orElse(""));
            assertEquals("nosniff", agenda.headers().first(HeaderNames.create("X-Content-Type-Options")).orElse(""));
            assertTrue(agenda.headers().first(HeaderNames.create("Content-Security-Policy")).orElse("")
                    .contains("frame-ancestors 'none'"));
        }
        try (HttpClientResponse links = client.get(EVENT + "/participants/s-flood/token")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.OK_200, links.status());
            assertEquals("no-store", links.headers().first(HeaderNames.CACHE_CONTROL).orElse(""));
        }
        try (HttpClientResponse refused = client.get(EVENT + "/schedule").request()) {
            assertEquals(Status.UNAUTHORIZED_401, refused.status());
            assertEquals("nosniff", refused.headers().first(HeaderNames.create("X-Content-Type-Options")).orElse(""));
        }
        try (HttpClientResponse openapi = client.get("/api/openapi").request()) {
            assertFalse(openapi.headers().contains(HeaderNames.CACHE_CONTROL)
                    && openapi.headers().get(HeaderNames.CACHE_CONTROL).values().contains("no-store"));
        }
    }

    static Stream<String> publicEndpoints() {
        return Stream.of("/api/health", "/api/openapi");
    }
}
