package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.service.Backend;
import org.b2g.service.MovableClock;
import org.b2g.service.TestService;
import org.b2g.service.solving.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A meeting two participants agreed on in self-service, which the organizer's repair then moves to another slot: the
 * request says where the published schedule has it now, and cancelling it asks whether that slot has started. The
 * sample runs on 2024-10-10 in Asia/Ho_Chi_Minh; everything is published the day before.
 */
@RoutingTest
class AgreedMeetingMovedRoutingTest {

    private static final String ID = "moved";
    private static final String EVENT = "/api/events/" + ID;
    private static final ZoneId HCMC = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2024-10-09T12:00:00Z"));
    private static Backend backend;
    private final DirectClient client;

    AgreedMeetingMovedRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-agreed-meeting-moved"), CLOCK);
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

    private static Event event() {
        return EventJson.read(backend.database().inTransaction(c -> backend.events().find(c, ID)).body(), "event");
    }

    private static ScheduleFile latest() {
        return ScheduleJson.read(backend.publication().body(ID, 0), "latest");
    }

    /** A startup and an agency that do not meet yet, and the first two slots where both can. */
    private record Free(String startup, String agency, int first, int later) {
    }

    private static Free freeTwice() {
        TestService.OpenPair pair = TestService.openPair(backend, ID, Set.of(), open -> open.size() >= 2);
        List<Integer> slots = pair.slots().stream().sorted().toList();
        return new Free(pair.startup(), pair.agency(), slots.get(0), slots.get(1));
    }

    /** The stored event with {@code participant} no longer available in {@code slot}, as the organizer uploads it. */
    private static String unavailable(String participant, int slot) {
        JsonObject event = Json.createReader(new StringReader(backend.database().inTransaction(c ->
                backend.events().find(c, ID)).body())).readObject();
        JsonArrayBuilder participants = Json.createArrayBuilder();
        for (JsonObject p : event.getJsonArray("participants").getValuesAs(JsonObject.class)) {
            participants.add(!p.getString("id").equals(participant) ? p : Json.createObjectBuilder(p)
                    .add("unavailableSlots", Json.createArrayBuilder(p.containsKey("unavailableSlots")
                            ? p.getJsonArray("unavailableSlots") : JsonValue.EMPTY_JSON_ARRAY).add(slot)).build());
        }
        return Json.createObjectBuilder(event).add("participants", participants).build().toString();
    }

    private JsonObject requestOf(String participant, String requestId) {
        return send(Method.GET, EVENT + "/participants/" + participant + "/requests", tokenOf(participant), null)
                .json().getJsonArray("requests").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("id").equals(requestId)).findFirst().orElseThrow();
    }

    private static Instant at(Slot slot, int minutes) {
        return slot.start().plusMinutes(minutes).atZone(HCMC).toInstant();
    }

    @Test
    void aRequestFollowsTheMeetingTheOrganizersRepairMovedAndItsCancellationAsksWhetherThatSlotHasStarted()
            throws Exception {
        assertEquals(200, send(Method.PUT, EVENT + "/self-service", TestService.ORGANIZER, "{\"enabled\": true}")
                .status());
        Free pair = freeTwice();
        ApiCall asked = send(Method.POST, EVENT + "/participants/" + pair.startup() + "/requests",
                tokenOf(pair.startup()), "{\"with\": \"" + pair.agency() + "\", \"slot\": " + pair.first() + "}");
        assertEquals(201, asked.status(), asked.json().toString());
        String id = asked.json().getString("id");
        ApiCall accepted = send(Method.POST, EVENT + "/participants/" + pair.agency() + "/requests/" + id + "/accept",
                tokenOf(pair.agency()), null);
        assertEquals(200, accepted.status(), accepted.json().toString());
        String meeting = accepted.json().getString("meeting");

        // The startup can no longer come in that slot; the organizer repairs (nothing else moves) and publishes.
        ApiCall edited = send(Method.PUT, EVENT, TestService.ORGANIZER, unavailable(pair.startup(), pair.first()));
        assertEquals(200, edited.status(), edited.json().toString());
        try (HttpClientResponse repair = client.post(EVENT + "/repair").queryParam("mode", "freeze")
                .queryParam("timeLimit", "1s").header(HeaderNames.AUTHORIZATION,
                        TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(202, repair.status().code(), repair.as(String.class));
        }
        assertEquals(JobStatus.State.DONE, backend.solving().await(ID, Duration.ofSeconds(60)).state());
        ApiCall published = send(Method.POST, EVENT + "/publish", TestService.ORGANIZER, null);
        assertEquals(201, published.status(), published.json().toString());
        ScheduleFile.Placement moved = latest().meetings().stream().filter(p -> p.id().equals(meeting)).findFirst()
                .orElse(null);
        assertNotNull(moved, "the repair keeps the agreed meeting: " + latest().meetings());
        assertTrue(moved.slot() > pair.first(), "it moved to a later slot where both are free: " + moved);

        JsonObject request = requestOf(pair.startup(), id);
        assertAll(() -> assertEquals("ACCEPTED", request.getString("state")),
                () -> assertEquals(moved.slot(), request.getInt("slot"), "the slot of the meeting now: " + request),
                () -> assertEquals(moved.table(), request.getJsonObject("table").getString("id"), request.toString()));
        assertEquals(moved.slot(), requestOf(pair.agency(), id).getInt("slot"), "the agency reads the same");

        // Once the meeting's new slot has started, it stays; before, it can be cancelled although the slot asked
        // for has started by then.
        Slot now = event().slot(moved.slot());
        CLOCK.set(at(now, 1));
        ApiCall started = send(Method.POST, EVENT + "/participants/" + pair.startup() + "/requests/" + id + "/cancel",
                tokenOf(pair.startup()), null);
        assertEquals(409, started.status(), started.json().toString());
        assertEquals("The meeting of request " + id + " (" + meeting + ", " + now + ") has started: it stays in the"
                + " schedule.", started.json().getString("detail"));
        CLOCK.set(at(now, -1));
        int versions = send(Method.GET, EVENT + "/versions", TestService.ORGANIZER, null).json()
                .getJsonArray("versions").size();
        ApiCall cancelled = send(Method.POST, EVENT + "/participants/" + pair.startup() + "/requests/" + id
                + "/cancel", tokenOf(pair.startup()), null);
        assertEquals(200, cancelled.status(), "slot " + pair.first() + " has started, slot " + moved.slot()
                + " where the meeting is has not: " + cancelled.json());
        assertEquals("CANCELLED", cancelled.json().getString("state"));
        List<JsonObject> listed = send(Method.GET, EVENT + "/versions", TestService.ORGANIZER, null).json()
                .getJsonArray("versions").getValuesAs(JsonObject.class);
        assertEquals(versions + 1, listed.size(), "the cancellation is published");
        assertTrue(listed.get(listed.size() - 1).getString("note").endsWith(" no longer meets " + pair.agency()
                + " in slot " + moved.slot()), listed.get(listed.size() - 1).toString());
        assertTrue(latest().meetings().stream().noneMatch(p -> p.id().equals(meeting)), "it left the schedule");
    }
}
