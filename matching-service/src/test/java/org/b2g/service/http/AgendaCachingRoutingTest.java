package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.b2g.service.solving.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agendas and calendars are revalidated, not downloaded again: a strong ETag, {@code Cache-Control: private,
 * no-cache}, and 304 without a body when {@code If-None-Match} names the current tag.
 */
@RoutingTest
class AgendaCachingRoutingTest {

    private static final String EVENT = "/api/events/" + TestService.EVENT_ID;
    private static final String AGENDA = EVENT + "/participants/s-flood/agenda";
    private static Backend backend;
    private final DirectClient client;

    AgendaCachingRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-agenda-caching-test"));
        String body = TestService.sampleEvent();
        backend.database().inTransaction(c -> backend.events().insert(c, TestService.EVENT_ID, "demo", 10, 1L, body));
        backend.solving().start(TestService.EVENT_ID, SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)));
        JobStatus solved = backend.solving().await(TestService.EVENT_ID, Duration.ofSeconds(60));
        assertEquals(JobStatus.State.DONE, solved.state(), solved.toString());
        backend.publication().publish(TestService.EVENT_ID, 0);
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    static Stream<String> formats() {
        return Stream.of("json", "ics");
    }

    /** What one GET answered. */
    record Answer(Status status, String etag, String cacheControl, String vary, String contentType, String body) {
    }

    private Answer get(String format, String ifNoneMatch) {
        return get(format, ifNoneMatch, TestService.ORGANIZER, true);
    }

    private Answer get(String format, String ifNoneMatch, String token, boolean inHeader) {
        Http1ClientRequest request = client.get(AGENDA).queryParam("format", format);
        request = inHeader ? request.header(HeaderNames.AUTHORIZATION, TestService.bearer(token))
                : request.queryParam("token", token);
        if (ifNoneMatch != null) {
            request.header(HeaderNames.IF_NONE_MATCH, ifNoneMatch);
        }
        try (HttpClientResponse response = request.request()) {
            var headers = response.headers();
            return new Answer(response.status(), headers.first(HeaderNames.ETAG).orElse(null),
                    headers.first(HeaderNames.CACHE_CONTROL).orElse(null),
                    headers.first(HeaderNames.VARY).orElse(null),
                    headers.first(HeaderNames.CONTENT_TYPE).orElse(null),
                    response.entity().hasEntity() ? response.as(String.class) : "");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void answersWithAStrongETagAndMayBeKeptOnlyPrivatelyAndRevalidated(String format) {
        Answer answer = get(format, null);
        assertEquals(Status.OK_200, answer.status());
        assertTrue(answer.etag().matches("\"[A-Za-z0-9_-]{22}\""), "a strong tag: " + answer.etag());
        assertEquals("private, no-cache", answer.cacheControl());
        assertEquals("Accept", answer.vary(), "JSON and iCalendar share the address");
        assertFalse(answer.body().isEmpty());
        assertEquals(answer.etag(), get(format, null).etag(), "the same bytes, the same tag");
    }

    @Test
    void jsonAndCalendarHaveTagsOfTheirOwn() {
        assertNotEquals(get("json", null).etag(), get("ics", null).etag());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void answers304WithoutABodyWhenIfNoneMatchNamesTheCurrentTag(String format) {
        String tag = get(format, null).etag();
        for (String header : new String[] {tag, "\"not-this-one\", " + tag, "W/" + tag, "*"}) {
            Answer answer = get(format, header);
            assertEquals(Status.NOT_MODIFIED_304, answer.status(), header);
            assertEquals("", answer.body(), header);
            assertEquals(tag, answer.etag(), "a 304 names what the client may keep using");
            assertEquals("private, no-cache", answer.cacheControl());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void answersInFullWhenTheTagIsStaleOrGarbled(String format) {
        Answer current = get(format, null);
        for (String header : new String[] {"\"AAAAAAAAAAAAAAAAAAAAAA\"", "garbled", current.etag().replace("\"", ""),
                "W/\"x\"" + current.etag()}) {
            Answer answer = get(format, header);
            assertEquals(Status.OK_200, answer.status(), header);
            assertEquals(current.etag(), answer.etag());
            assertEquals(current.body(), answer.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void theParticipantsOwnLinkRevalidatesLikeTheOrganizer(String format) {
        String token = TestService.participantToken(backend, TestService.EVENT_ID, "s-flood");
        Answer viaLink = get(format, null, token, false);
        assertEquals(Status.OK_200, viaLink.status());
        assertEquals(get(format, null).etag(), viaLink.etag());
        assertEquals(Status.NOT_MODIFIED_304, get(format, viaLink.etag(), token, false).status());
        assertEquals(Status.NOT_MODIFIED_304, get(format, viaLink.etag(), token, true).status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aNewPublishedVersionChangesTheTag(String format) {
        Answer before = get(format, null);
        // A new version with s-flood's meetings as they were: a startup it does not meet is absent (one per run).
        backend.day().absent(TestService.EVENT_ID, format.equals("json") ? "s-vision" : "s-docs");
        Answer after = get(format, before.etag());
        assertEquals(Status.OK_200, after.status(), "the copy the client holds is of the previous version");
        assertNotEquals(before.etag(), after.etag());
        assertEquals(Status.NOT_MODIFIED_304, get(format, after.etag()).status());
    }

    @Test
    void refusalsAreNeitherTaggedNorKept() {
        String someoneElse = TestService.participantToken(backend, TestService.EVENT_ID, "a-water");
        Answer refused = get("json", null, someoneElse, true);
        assertEquals(Status.FORBIDDEN_403, refused.status());
        assertEquals(null, refused.etag());
        assertEquals("no-store", refused.cacheControl());
        String tag = get("json", null).etag();
        assertEquals(Status.FORBIDDEN_403, get("json", tag, someoneElse, true).status(),
                "a tag opens nothing: access is checked first");
    }
}
