package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.service.Backend;
import org.b2g.service.MovableClock;
import org.b2g.service.TestService;
import org.b2g.service.solving.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An absence recorded while publishing waits for the organizer (an edit moved the slots of a session the published
 * meetings use to other times, and nothing is published yet): it publishes nothing, so taking it back publishes
 * nothing either, and the participant takes part again. Each test has an event of its own: the sample (sessions am,
 * slots 1 to 6 from 09:00, and pm, slots 7 to 12 from 13:30), solved and published the week before it runs
 * (2024-10-10); the clock moves on before the absence.
 */
@RoutingTest
class AbsenceWhilePublishingWaitsRoutingTest {

    private static final Instant PUBLISHED = Instant.parse("2024-10-03T02:00:00Z");
    private static final MovableClock CLOCK = new MovableClock(PUBLISHED);
    /** The morning's last slot. */
    private static final int MORNING = 6;
    private static Backend backend;
    private final DirectClient client;

    AbsenceWhilePublishingWaitsRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-absence-while-publishing-waits"), CLOCK);
        for (String id : List.of("back", "undone", "repaired")) {
            CLOCK.set(PUBLISHED);
            TestService.publishSolvedSample(backend, id);
        }
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private ApiCall organizer(Method method, String path, String body) {
        return ApiCall.send(client, method, path, TestService.ORGANIZER, body);
    }

    private static ScheduleFile published(String id, int version) {
        return ScheduleJson.read(backend.publication().body(id, version), "published version " + version);
    }

    private static List<ScheduleFile.Placement> meetingsOf(ScheduleFile schedule, String participant) {
        return schedule.meetings().stream().filter(p -> p.first().equals(participant)
                || p.second().equals(participant)).toList();
    }

    /** The participant with the most meetings in version 1 (the first by id of those). */
    private static String busiest(String id) {
        return published(id, 1).meetings().stream().flatMap(p -> Stream.of(p.first(), p.second()))
                .collect(Collectors.groupingBy(p -> p, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /** The session of the participant's first meeting in version 1, which the edit moves: am or pm. */
    private static String sessionOf(String id, String participant) {
        return meetingsOf(published(id, 1), participant).stream().mapToInt(ScheduleFile.Placement::slot).min()
                .orElseThrow() <= MORNING ? "am" : "pm";
    }

    private static boolean in(String session, ScheduleFile.Placement meeting) {
        return (meeting.slot() <= MORNING) == session.equals("am");
    }

    /** The stored event with {@code session} starting half an hour later (09:30, or 14:00): its slots move. */
    private static String later(String id, String session) {
        JsonObject event = stored(id);
        JsonObject header = event.getJsonObject("event");
        JsonArrayBuilder sessions = Json.createArrayBuilder();
        for (JsonObject s : header.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
            sessions.add(s.getString("id").equals(session) ? Json.createObjectBuilder(s).add("start",
                    session.equals("am") ? "09:30" : "14:00").build() : s);
        }
        return Json.createObjectBuilder(event).add("event", Json.createObjectBuilder(header).add("sessions", sessions))
                .build().toString();
    }

    private static JsonObject stored(String id) {
        return Json.createReader(new StringReader(backend.database().inTransaction(c -> backend.events().find(c, id))
                .body())).readObject();
    }

    /** The edit of the participant's first session, then its absence an hour later: recorded, nothing published. */
    private void absentWhilePublishingWaits(String id, String participant) {
        ApiCall edited = organizer(Method.PUT, "/api/events/" + id, later(id, sessionOf(id, participant)));
        assertEquals(200, edited.status(), edited.json().toString());
        CLOCK.set(PUBLISHED.plus(Duration.ofHours(1)));
        ApiCall absence = organizer(Method.POST, "/api/events/" + id + "/participants/" + participant + "/absence",
                null);
        assertEquals(200, absence.status(), absence.json().toString());
        assertTrue(absence.json().containsKey("waiting"), "publishing waits: " + absence.json());
        assertEquals(1, absence.json().getInt("version"));
    }

    private void repair(String id, String mode) throws InterruptedException {
        try (HttpClientResponse repair = client.post("/api/events/" + id + "/repair").queryParam("mode", mode)
                .queryParam("timeLimit", "1s").header(HeaderNames.AUTHORIZATION,
                        TestService.bearer(TestService.ORGANIZER)).request()) {
            assertEquals(202, repair.status().code(), repair.as(String.class));
        }
        assertEquals(JobStatus.State.DONE, backend.solving().await(id, Duration.ofSeconds(60)).state());
    }

    /** The participant's agenda as the organizer reads it, without {@code stale} (the edit made it so). */
    private JsonObject agenda(String id, String participant) {
        ApiCall agenda = organizer(Method.GET, "/api/events/" + id + "/participants/" + participant + "/agenda", null);
        assertEquals(200, agenda.status(), agenda.json().toString());
        return Json.createObjectBuilder(agenda.json()).remove("stale").build();
    }

    private int versions(String id) {
        return organizer(Method.GET, "/api/events/" + id + "/versions", null).json().getJsonArray("versions").size();
    }

    private List<String> absent(String id) {
        return organizer(Method.GET, "/api/events/" + id + "/day", null).json().getJsonArray("absent")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** Takes the absence back: nothing comes back or is published, since nothing had left; the note says so. */
    private void takenBackWithoutPublishing(String id, String participant, JsonObject agendaBefore) {
        ApiCall back = organizer(Method.DELETE, "/api/events/" + id + "/participants/" + participant + "/absence",
                null);

        assertEquals(200, back.status(), back.json().toString());
        assertAll(() -> assertEquals(1, back.json().getInt("version"), "published version 1 stands"),
                () -> assertEquals(JsonValue.EMPTY_JSON_ARRAY, back.json().getJsonArray("restored")),
                () -> assertEquals(JsonValue.EMPTY_JSON_ARRAY, back.json().getJsonArray("notRestored")),
                () -> assertEquals(JsonValue.EMPTY_JSON_ARRAY, back.json().getJsonArray("requestsReopened")),
                () -> assertEquals(participant + " takes part again. Its absence was recorded while publishing waited"
                        + " for the organizer, and no published version holds it, so nothing was published: published"
                        + " version 1 stands.", back.json().getString("note")));
        assertEquals(1, versions(id), "no version published");
        assertEquals(List.of(), absent(id), participant + " is no longer absent");
        assertEquals(agendaBefore, agenda(id, participant), "its agenda is as it was");
        assertEquals(404, organizer(Method.DELETE, "/api/events/" + id + "/participants/" + participant + "/absence",
                null).status(), "taken back once");
    }

    @Test
    void anAbsenceRecordedWhilePublishingWaitedIsTakenBackWithoutPublishingAndTheParticipantTakesPartAgain()
            throws Exception {
        String id = "back";
        String participant = busiest(id);
        JsonObject agendaBefore = agenda(id, participant);
        absentWhilePublishingWaits(id, participant);
        repair(id, "minimal"); // while it is absent: gives it nothing
        assertEquals(List.of(), meetingsOf(ScheduleJson.read(backend.database().inTransaction(c ->
                backend.schedules().find(c, id)).body(), "draft"), participant), "the repair while it was absent");

        takenBackWithoutPublishing(id, participant, agendaBefore);

        ApiCall refused = organizer(Method.POST, "/api/events/" + id + "/publish", null);
        assertEquals(409, refused.status(), "the draft made during the absence would cancel its meetings: "
                + refused.json());
        int mine = meetingsOf(published(id, 1), participant).size();
        assertTrue(refused.json().getString("detail").startsWith("The draft was made while " + participant
                + " was marked absent, whose absence was taken back since; it does not hold " + mine + " meeting"
                + (mine == 1 ? "" : "s") + " of it that published version 1 holds: "), "those in the session moved too,"
                + " which the draft could have moved: " + refused.json().getString("detail"));
        assertEquals(1, versions(id), "nothing published");

        // Now it takes part: the repair keeps its meetings the edit left where they were and moves the others to the
        // session's new times, as anybody's.
        repair(id, "freeze");
        assertEquals(201, organizer(Method.POST, "/api/events/" + id + "/publish", null).status());
        String session = sessionOf(id, participant);
        Map<String, ScheduleFile.Placement> now = meetingsOf(published(id, 2), participant).stream()
                .collect(Collectors.toMap(ScheduleFile.Placement::id, p -> p));
        for (ScheduleFile.Placement p : meetingsOf(published(id, 1), participant)) {
            ScheduleFile.Placement kept = now.get(p.id());
            assertTrue(kept != null, p + " is still in the schedule: " + now.values());
            if (!in(session, p)) {
                assertEquals(p.slot() + "/" + p.table(), kept.slot() + "/" + kept.table(), "where it was: " + p);
            }
        }
    }

    @Test
    void anAbsenceRecordedWhilePublishingWaitedAndTakenBackOnceTheEditIsUndonePublishesNothing() {
        String id = "undone";
        String participant = busiest(id);
        JsonObject agendaBefore = agenda(id, participant);
        String original = stored(id).toString();
        absentWhilePublishingWaits(id, participant);
        ApiCall undone = organizer(Method.PUT, "/api/events/" + id, original);
        assertEquals(200, undone.status(), "the published version fits again: " + undone.json());

        takenBackWithoutPublishing(id, participant, agendaBefore);
    }

    @Test
    void anAbsenceRecordedWhilePublishingWaitedThatTheOrganizersRepairPublishedIsTakenBackInANewVersion()
            throws Exception {
        String id = "repaired";
        String participant = busiest(id);
        List<ScheduleFile.Placement> before = meetingsOf(published(id, 1), participant);
        String session = sessionOf(id, participant);
        absentWhilePublishingWaits(id, participant);
        repair(id, "minimal");
        assertEquals(201, organizer(Method.POST, "/api/events/" + id + "/publish", null).status());
        assertEquals(List.of(), meetingsOf(published(id, 2), participant), "version 2 tells its counterparts");

        ApiCall back = organizer(Method.DELETE, "/api/events/" + id + "/participants/" + participant + "/absence",
                null);

        assertEquals(200, back.status(), back.json().toString());
        assertEquals(3, back.json().getInt("version"), "what version 2 cancelled for it comes back in a version");
        assertFalse(back.json().containsKey("note"), back.json().toString());
        Set<String> answered = new HashSet<>();
        for (JsonObject r : back.json().getJsonArray("restored").getValuesAs(JsonObject.class)) {
            answered.add(r.getString("id"));
            assertTrue(meetingsOf(published(id, 3), participant).stream().anyMatch(p -> p.id().equals(r.getString("id"))
                    && p.slot() == r.getInt("slot")), r + " is in version 3");
        }
        for (JsonObject n : back.json().getJsonArray("notRestored").getValuesAs(JsonObject.class)) {
            answered.add(n.getString("id"));
            if (before.stream().anyMatch(p -> p.id().equals(n.getString("id")) && in(session, p))) {
                assertTrue(n.getString("reason").endsWith(") is no longer in the event"), n.toString());
            }
        }
        assertEquals(before.stream().map(ScheduleFile.Placement::id).collect(Collectors.toSet()), answered,
                "each meeting version 1 had and version 2 dropped, restored or not");
    }
}
