package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import jakarta.json.JsonObject;

import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.service.JsonFactory;
import org.b2g.service.TestService;
import org.b2g.service.solving.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A calendar of an event whose slots have no clock time: refused with 409 saying how to give them, not an empty
 * calendar that a phone imports without a word.
 */
@RoutingTest
class CalendarWithoutClockTimesRoutingTest {

    private static final String ID = "untimed";
    private static Backend backend;
    private final DirectClient client;

    CalendarWithoutClockTimesRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-untimed-calendar-test"));
        String body = TestService.sampleEvent(ID)
                .replace("{\"id\": \"am\", \"day\": \"2024-10-10\", \"start\": \"09:00\", \"slots\": 6}",
                        "{\"id\": \"am\", \"slots\": 6}")
                .replace("{\"id\": \"pm\", \"day\": \"2024-10-10\", \"start\": \"13:30\", \"slots\": 6}",
                        "{\"id\": \"pm\", \"slots\": 6}");
        assertFalse(body.contains("\"start\": \"09:00\""), "the sample's sessions changed: update this test");
        backend.database().inTransaction(c -> backend.events().insert(c, ID, "demo", 10, 1L, body));
        backend.solving().start(ID, SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)));
        JobStatus solved = backend.solving().await(ID, Duration.ofSeconds(60));
        assertEquals(JobStatus.State.DONE, solved.state(), solved.toString());
        backend.publication().publish(ID, 0);
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void refusesTheCalendarOfAnAgendaWhoseMeetingsHaveNoClockTimeWith409SayingHowToGiveThem() {
        try (HttpClientResponse response = client.get("/api/events/" + ID + "/participants/s-flood/agenda")
                .queryParam("format", "ics")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            String text = response.as(String.class);
            assertEquals(Status.CONFLICT_409, response.status(), text);
            JsonObject problem = JsonFactory.READER.createReader(new StringReader(text)).readObject();
            String detail = problem.getString("detail");
            assertTrue(detail.matches("The agenda of s-flood has \\d+ meetings?, but the event \\(untimed\\) gives its"
                    + " slots no clock time, so a calendar would hold none of them; give each session a \"day\" and a"
                    + " \"start\" \\(and the event a \"timeZone\"\\), then solve or repair and publish again\\. The"
                    + " agenda as JSON lists the meetings by slot number\\."), detail);
        }
        try (HttpClientResponse json = client.get("/api/events/" + ID + "/participants/s-flood/agenda")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.OK_200, json.status(), "the agenda itself is there");
        }
    }
}
