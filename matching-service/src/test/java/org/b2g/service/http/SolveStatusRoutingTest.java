package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.time.Duration;

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

/** {@code /api/events/{id}/solve} without a network: what a job's status tells the organizer. */
@RoutingTest
class SolveStatusRoutingTest {

    private static Backend backend;
    private final DirectClient client;

    SolveStatusRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        backend = TestService.backend(TestService.dataDir("b2g-solve-status"));
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static JsonObject json(HttpClientResponse response) {
        try (response) {
            return Json.createReader(new StringReader(response.as(String.class))).readObject();
        }
    }

    @Test
    void aFinishedSolveSaysWhyItStoppedAndARunningOneDoesNot() throws Exception {
        // Every even slot closed: breaks are forced, so no proof or demand bound comes before the move limit.
        String id = "stops";
        String body = TestService.longSolvingSample(id);
        backend.database().inTransaction(c -> backend.events().insert(c, id, id, 10, 1L, body));

        JsonObject started = json(client.post("/api/events/" + id + "/solve").queryParam("moveLimit", "20000")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request());
        assertEquals("SOLVING", started.getString("state"));
        assertFalse(started.containsKey("stopReason"), started.toString());

        assertEquals("DONE", backend.solving().await(id, Duration.ofSeconds(60)).state().name());
        try (HttpClientResponse response = client.get("/api/events/" + id + "/solve")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(Status.OK_200, response.status());
            JsonObject done = Json.createReader(new StringReader(response.as(String.class))).readObject();
            assertEquals(Json.createObjectBuilder().add("code", "move-limit").add("description", "move limit reached")
                    .build(), done.getJsonObject("stopReason"), done.toString());
        }
    }
}
