package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.Instant;
import java.util.Set;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.b2g.service.Backend;
import org.b2g.service.MovableClock;
import org.b2g.service.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A request asked for an afternoon slot, after which the organizer gives the morning one slot more: that slot number
 * now stands for another time. The request still reads the time it was asked for (acceptance is refused, saying so).
 */
@RoutingTest
class PendingRequestAfterRenumberingRoutingTest {

    private static final String ID = "renumbered";
    private static final String EVENT = "/api/events/" + ID;
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2024-10-09T12:00:00Z"));
    private static Backend backend;
    private final DirectClient client;

    PendingRequestAfterRenumberingRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-pending-renumbered"), CLOCK);
        TestService.publishSolvedSample(backend, ID);
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private ApiCall send(Method method, String path, String token, String body) {
        return ApiCall.send(client, method, path, token, body);
    }

    private static String tokenOf(String participant) {
        return TestService.participantToken(backend, ID, participant);
    }

    /** The stored event with a morning of {@code slots} slots, as the organizer uploads it. */
    private static String morningOf(int slots) {
        JsonObject event = Json.createReader(new StringReader(backend.database().inTransaction(c ->
                backend.events().find(c, ID)).body())).readObject();
        JsonObject header = event.getJsonObject("event");
        JsonArrayBuilder sessions = Json.createArrayBuilder();
        for (JsonObject s : header.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
            sessions.add(s.getString("id").equals("am") ? Json.createObjectBuilder(s).add("slots", slots).build() : s);
        }
        return Json.createObjectBuilder(event).add("event", Json.createObjectBuilder(header).add("sessions", sessions))
                .build().toString();
    }

    private JsonObject requestOf(String participant, String requestId) {
        return send(Method.GET, EVENT + "/participants/" + participant + "/requests", tokenOf(participant), null)
                .json().getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("id").equals(requestId)).findFirst().orElseThrow();
    }

    @Test
    void aPendingRequestReadsTheTimeItWasAskedForAfterTheSlotsWereRenumbered() {
        assertEquals(200, send(Method.PUT, EVENT + "/self-service", TestService.ORGANIZER, "{\"enabled\": true}")
                .status());
        // An afternoon slot (the sample's morning has 6 slots).
        TestService.OpenPair pair = TestService.openPair(backend, ID, Set.of(),
                open -> open.stream().anyMatch(s -> s >= 7 && s <= 11));
        int slot = pair.slots().stream().filter(s -> s >= 7 && s <= 11).findFirst().orElseThrow();
        ApiCall asked = send(Method.POST, EVENT + "/participants/" + pair.startup() + "/requests",
                tokenOf(pair.startup()), "{\"with\": \"" + pair.agency() + "\", \"slot\": " + slot + "}");
        assertEquals(201, asked.status(), asked.json().toString());
        String id = asked.json().getString("id");
        String start = asked.json().getString("start");
        String end = asked.json().getString("end");

        ApiCall edited = send(Method.PUT, EVENT, TestService.ORGANIZER, morningOf(7));
        assertEquals(200, edited.status(), edited.json().toString());

        JsonObject request = requestOf(pair.agency(), id);
        assertEquals(slot, request.getInt("slot"));
        assertEquals(start, request.getString("start"), "the time asked for, not the time of slot " + slot + " now");
        assertEquals(end, request.getString("end"), "that time is still a slot of the event: " + request);
    }
}
