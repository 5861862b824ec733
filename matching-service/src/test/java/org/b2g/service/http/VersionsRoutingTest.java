package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
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

/** Publishing over HTTP: 201 for a new version, 200 with the latest when it already is that schedule. */
@RoutingTest
class VersionsRoutingTest {

    private static final String EVENT = "/api/events/" + TestService.EVENT_ID;
    private static Backend backend;
    private final DirectClient client;

    VersionsRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-versions-test"));
        String body = TestService.sampleEvent();
        backend.database().inTransaction(c -> backend.events().insert(c, TestService.EVENT_ID, "demo", 10, 1L, body));
        backend.solving().start(TestService.EVENT_ID, SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)));
        assertEquals(JobStatus.State.DONE,
                backend.solving().await(TestService.EVENT_ID, Duration.ofSeconds(60)).state());
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    /** The status and body of a POST by the organizer. */
    private record Answer(Status status, JsonObject body) {
    }

    private Answer post(String version) {
        var request = client.post(EVENT + "/publish")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER));
        if (version != null) {
            request.queryParam("version", version);
        }
        try (HttpClientResponse response = request.request()) {
            String text = response.as(String.class);
            try (var reader = JsonFactory.READER.createReader(new StringReader(text))) {
                return new Answer(response.status(), reader.readObject());
            }
        }
    }

    @Test
    void aRetriedPublicationOrRollBackToTheLatestAnswers200WithTheLatestVersion() {
        Answer first = post(null);
        assertEquals(Status.CREATED_201, first.status(), first.body().toString());
        assertEquals(1, first.body().getInt("version"));

        for (String version : new String[] {null, "1"}) {
            Answer again = post(version);
            assertEquals(Status.OK_200, again.status(), version + ": " + again.body());
            assertEquals(first.body(), again.body(), version);
        }
        assertEquals(1, backend.publication().versions(TestService.EVENT_ID).size());
    }

    /**
     * The status and body of a request by the organizer, once the job it may start has finished.
     *
     * @param query names and values
     */
    private Answer send(Method method, String path, String... query) throws InterruptedException {
        var request = client.method(method).path(path)
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER));
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        try (HttpClientResponse response = request.request()) {
            String text = response.as(String.class);
            if (response.status() == Status.ACCEPTED_202) {
                JobStatus done = backend.solving().await(path.split("/")[3], Duration.ofSeconds(60));
                assertEquals(JobStatus.State.DONE, done.state(), done.reason());
            }
            try (var reader = JsonFactory.READER.createReader(new StringReader(text))) {
                return new Answer(response.status(), reader.readObject());
            }
        }
    }

    /** Stores the sample event under {@code id} and solves it for a second; returns the event's address. */
    private String solvedSample(String id) throws Exception {
        String events = "/api/events/" + id;
        String body = TestService.sampleEvent(id);
        backend.database().inTransaction(c -> backend.events().insert(c, id, "demo", 10, 1L, body));
        assertEquals(Status.ACCEPTED_202, send(Method.POST, events + "/solve", "timeLimit", "1s").status());
        return events;
    }

    @Test
    void aVersionThatWasNeverPublishedIs404NamingItAndTheLatest() throws Exception {
        String events = solvedSample("rolled-back");
        Answer none = send(Method.POST, events + "/publish", "version", "9");
        assertEquals(Status.NOT_FOUND_404, none.status(), none.body().toString());
        assertEquals("The event (rolled-back) has no published version 9: nothing is published yet; publish its draft"
                + " first (without version).", none.body().getString("detail"));

        assertEquals(Status.CREATED_201, send(Method.POST, events + "/publish").status());
        Answer unknown = send(Method.POST, events + "/publish", "version", "9");
        assertEquals(Status.NOT_FOUND_404, unknown.status(), unknown.body().toString());
        assertEquals("The event (rolled-back) has no published version 9; its only published version is 1.",
                unknown.body().getString("detail"));
        assertEquals(Status.OK_200, send(Method.POST, events + "/publish", "version", "1").status(),
                "the one that exists: the latest already is it");
    }

    @Test
    void theChangesOfARepairedDraftSayTheRepairsModeAndOfASolvedOneSaySolve() throws Exception {
        String id = "repaired";
        String events = solvedSample(id);
        assertEquals(Status.CREATED_201, send(Method.POST, events + "/publish").status());

        for (String mode : new String[] {"freeze", "minimal", "freeze"}) {
            assertEquals(Status.ACCEPTED_202, send(Method.POST, events + "/repair", "mode", mode, "timeLimit", "1s")
                    .status());
            Answer changes = send(Method.GET, events + "/changes");
            assertEquals(Status.OK_200, changes.status(), changes.body().toString());
            assertEquals(mode, changes.body().getString("mode"), changes.body().toString());
        }
        assertEquals(Status.ACCEPTED_202, send(Method.POST, events + "/solve", "timeLimit", "1s").status());
        assertEquals("solve", send(Method.GET, events + "/changes").body().getString("mode"),
                "a plain solve is no repair: nothing held the published meetings where they were");
    }

    @Test
    void aPublishedRepairIsNotedAsARepairWithItsModeAndASolveAsASolve() throws Exception {
        String id = "noted";
        String events = solvedSample(id);
        assertTrue(send(Method.POST, events + "/publish").body().getString("note").startsWith("draft solved at "));
        // s-vision can no longer attend the slot of its first meeting: the repair moves or cancels it
        JsonObject meeting = send(Method.GET, events + "/schedule").body().getJsonArray("meetings").stream()
                .map(v -> v.asJsonObject()).filter(m -> m.getJsonArray("participants").getString(0).equals("s-vision")
                        || m.getJsonArray("participants").getString(1).equals("s-vision")).findFirst().orElseThrow();
        String edited = TestService.sampleEvent(id).replace("{\"id\": \"s-vision\",", "{\"id\": \"s-vision\", \"unavailableSlots\": ["
                + meeting.getInt("slot") + "],");
        backend.database().inTransaction(c -> backend.events().replace(c, id, "demo", 10, 2L, edited));
        assertEquals(Status.ACCEPTED_202, send(Method.POST, events + "/repair", "mode", "freeze", "timeLimit", "1s")
                .status());
        Answer published = send(Method.POST, events + "/publish");
        assertTrue(published.body().getString("note").startsWith("draft repaired (freeze) at "),
                published.body().toString());
    }
}
