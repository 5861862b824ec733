package org.b2g.service.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** An event edit after meetings took place: refused when those meetings would break the participant's own rules. */
@RoutingTest
class EditAfterTheDayRoutingTest {

    private static final String EVENT = "/api/events/" + TestService.EVENT_ID;
    private static Backend backend;
    private final DirectClient client;

    EditAfterTheDayRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-edit-after-the-day"));
        TestService.publishSolvedSample(backend);
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private HttpClientResponse organizer(io.helidon.http.Method method, String path, String body) {
        var request = client.method(method).uri(path)
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER));
        return body == null ? request.request() : request.header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body);
    }

    /** The stored event with {@code participant}'s maxMeetings set. */
    private static String withMaxMeetings(String participant, int max) {
        String stored = backend.database().inTransaction(c -> backend.events().find(c, TestService.EVENT_ID)).body();
        JsonObject event = Json.createReader(new StringReader(stored)).readObject();
        JsonArrayBuilder participants = Json.createArrayBuilder();
        for (JsonObject p : event.getJsonArray("participants").getValuesAs(JsonObject.class)) {
            participants.add(p.getString("id").equals(participant)
                    ? Json.createObjectBuilder(p).add("maxMeetings", max).build() : p);
        }
        return Json.createObjectBuilder(event).add("participants", participants).build().toString();
    }

    @Test
    void loweringMaxMeetingsBelowTheMeetingsHeldIsRefusedNamingThemAndStoresNothing() {
        ScheduleFile published = ScheduleJson.read(backend.publication().body(TestService.EVENT_ID, 0), "published");
        String busy = published.meetings().stream().flatMap(p -> Stream.of(p.first(), p.second()))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() >= 3).map(Map.Entry::getKey).findFirst().orElseThrow();
        List<ScheduleFile.Placement> mine = published.meetings().stream()
                .filter(p -> p.first().equals(busy) || p.second().equals(busy)).toList();
        for (int i = 0; i < 2; i++) {
            try (HttpClientResponse marked = client.put(EVENT + "/participants/" + busy + "/meetings/"
                    + mine.get(i).id() + "/attendance").queryParam("state", i == 0 ? "held" : "no-show")
                    .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
                assertEquals(200, marked.status().code(), marked.as(String.class));
            }
        }
        int version = backend.database().inTransaction(c -> backend.events().find(c, TestService.EVENT_ID)).version();

        try (HttpClientResponse refused = organizer(io.helidon.http.Method.PUT, EVENT, withMaxMeetings(busy, 1))) {
            assertEquals(409, refused.status().code());
            String detail = Json.createReader(new StringReader(refused.as(String.class))).readObject()
                    .getString("detail");
            assertThat(detail, containsString(busy + ": maxMeetings (1) is below the 2 meetings it has had on the day"
                    + " (with " + counterpart(mine.get(0), busy) + " in "));
            assertThat(detail, containsString(", held; with " + counterpart(mine.get(1), busy) + " in "));
            assertThat(detail, containsString(", no-show); they stay in the schedule, so maxMeetings must be at"
                    + " least 2."));
        }
        assertEquals(version, backend.database().inTransaction(c -> backend.events().find(c, TestService.EVENT_ID))
                .version(), "nothing stored");

        try (HttpClientResponse accepted = organizer(io.helidon.http.Method.PUT, EVENT, withMaxMeetings(busy, 2))) {
            assertEquals(200, accepted.status().code(), "down to the meetings held is fine: " + accepted.as(String.class));
        }
    }

    @Test
    void aLateRegistrationsAgendaSaysItComesWithTheNextPublication() {
        String stored = backend.database().inTransaction(c -> backend.events().find(c, TestService.EVENT_ID)).body();
        JsonObject event = Json.createReader(new StringReader(stored)).readObject();
        JsonObject late = Json.createObjectBuilder(event.getJsonArray("participants").getValuesAs(JsonObject.class)
                .stream().filter(p -> p.getString("role").equals("startup")).findFirst().orElseThrow())
                .add("id", "s-late").add("name", "Late JSC").build();
        try (HttpClientResponse edited = organizer(io.helidon.http.Method.PUT, EVENT, Json.createObjectBuilder(event)
                .add("participants", Json.createArrayBuilder(event.getJsonArray("participants")).add(late)).build()
                .toString())) {
            assertEquals(200, edited.status().code(), edited.as(String.class));
        }
        try (HttpClientResponse agenda = organizer(io.helidon.http.Method.GET, EVENT + "/participants/s-late/agenda",
                null)) {
            assertEquals(404, agenda.status().code());
            assertThat(agenda.as(String.class), containsString("Participant (s-late) has no agenda yet: it joined"
                    + " event (" + TestService.EVENT_ID + ") after published version 1; its agenda comes with the"
                    + " next publication (repair, then publish)."));
        }
        try (HttpClientResponse agenda = organizer(io.helidon.http.Method.GET, EVENT + "/participants/s-nobody/agenda",
                null)) {
            assertEquals(404, agenda.status().code());
            assertThat(agenda.as(String.class), containsString("There is no agenda of participant (s-nobody): the event ("
                    + TestService.EVENT_ID + ") has no such participant."));
        }
    }

    @Test
    void markingWithoutAStateSaysWhichParameterIsMissing() {
        ScheduleFile.Placement any = ScheduleJson.read(backend.publication().body(TestService.EVENT_ID, 0), "published")
                .meetings().get(0);
        try (HttpClientResponse marked = organizer(io.helidon.http.Method.PUT, EVENT + "/participants/" + any.first()
                + "/meetings/" + any.id() + "/attendance", null)) {
            assertEquals(400, marked.status().code());
            assertThat(marked.as(String.class), containsString("The query parameter state is missing; expected"
                    + " ?state=held, no-show or pending."));
        }
    }

    private static String counterpart(ScheduleFile.Placement meeting, String participant) {
        return meeting.first().equals(participant) ? meeting.second() : meeting.first();
    }
}
