package org.b2g.service.solving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Changes;
import org.b2g.core.repair.Repair;
import org.b2g.core.repair.RepairMode;
import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.b2g.service.persistence.RequestRepository.State;
import org.b2g.service.persistence.RequestRepository.StoredRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meeting two participants agreed on in self-service, once accepted: what a draft made before it, a repair after
 * it and the version it enters say about it.
 */
class AcceptedMeetingTest {

    private static final String EVENT = "acc";

    @TempDir
    Path dir;
    private Backend backend;

    @BeforeEach
    void publishTheSample() throws Exception {
        backend = TestService.backend(dir);
        TestService.publishSolvedSample(backend, EVENT);
        backend.selfService().setEnabled(EVENT, true);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    /** A startup and an agency that do not meet in the latest published version, and a slot where both can. */
    private record Free(String startup, String agency, int slot) {
    }

    private Free freePair(Set<String> skipped) {
        TestService.OpenPair pair = TestService.openPair(backend, EVENT, skipped, slots -> !slots.isEmpty());
        return new Free(pair.startup(), pair.agency(), pair.slots().get(0));
    }

    /** The startup asks, the agency accepts: the meeting is in a new published version. */
    private StoredRequest accepted(Free pair) {
        String id = backend.selfService().ask(EVENT, pair.startup(), pair.agency(), pair.slot()).id();
        StoredRequest request = backend.selfService().accept(EVENT, pair.agency(), id);
        assertEquals(State.ACCEPTED, request.state());
        return request;
    }

    private StoredRequest request(String id) {
        return backend.selfService().requests(EVENT, null).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private ScheduleFile latest() {
        return ScheduleJson.read(backend.publication().body(EVENT, 0), "latest");
    }

    private int versions() {
        return backend.publication().versions(EVENT).size();
    }

    private ScheduleFile repaired(RepairMode mode) throws InterruptedException {
        backend.solving().repair(EVENT, SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)), mode);
        assertEquals(JobStatus.State.DONE, backend.solving().await(EVENT, Duration.ofSeconds(60)).state());
        return ScheduleJson.read(backend.database().inTransaction(c -> backend.schedules().find(c, EVENT)).body(),
                "draft");
    }

    private static boolean holds(ScheduleFile schedule, String a, String b, int slot) {
        return schedule.meetings().stream().anyMatch(p -> p.slot() == slot
                && Set.of(p.first(), p.second()).equals(Set.of(a, b)));
    }

    /** Replaces the stored event by its document as {@code edit} changes it (the organizer's upload). */
    private int edit(UnaryOperator<JsonObject> edit) {
        return backend.database().inTransaction(c -> {
            JsonObject event;
            try (JsonReader reader = Json.createReader(new StringReader(backend.events().find(c, EVENT).body()))) {
                event = reader.readObject();
            }
            return backend.events().replace(c, EVENT, EVENT, 11, 2L, edit.apply(event).toString());
        });
    }

    /** A late registration without a meeting: an edit that pauses nothing. */
    private static JsonObject withLateStartup(JsonObject event) {
        JsonObject someone = event.getJsonArray("participants").getJsonObject(0);
        return Json.createObjectBuilder(event).add("participants", Json.createArrayBuilder(
                event.getJsonArray("participants")).add(Json.createObjectBuilder(someone).add("id", "s-late")
                        .add("name", "Late Startup JSC"))).build();
    }

    private static JsonObject withRequest(JsonObject event, String from, String to) {
        return Json.createObjectBuilder(event).add("requests", Json.createArrayBuilder(event.getJsonArray("requests"))
                .add(Json.createObjectBuilder().add("from", from).add("to", to))).build();
    }

    private static JsonObject withoutRequest(JsonObject event, String from, String to) {
        var kept = Json.createArrayBuilder();
        event.getJsonArray("requests").getValuesAs(JsonObject.class).stream()
                .filter(r -> !(r.getString("from").equals(from) && r.getString("to").equals(to)))
                .forEach(kept::add);
        return Json.createObjectBuilder(event).add("requests", kept).build();
    }

    @Test
    void aDraftMadeBeforeAnAcceptanceIsNotPublishedOverTheAcceptedMeeting() throws Exception {
        // The draft is the solve's that version 1 published; the acceptance publishes version 2.
        Free pair = freePair(Set.of());
        StoredRequest request = accepted(pair);
        assertEquals(2, request.version());

        Publication.RejectedException refused = assertThrows(Publication.RejectedException.class,
                () -> backend.publication().publish(EVENT, 0));

        assertEquals(Publication.RejectedException.Reason.STALE, refused.reason(), "a 409");
        assertEquals("The draft was made before 1 meeting was accepted in self-service and does not hold it: "
                + request.meetingId() + " (" + pair.startup() + " with " + pair.agency() + " in slot " + pair.slot()
                + ", request " + request.id() + ", published version 2); repair or solve again before publishing.",
                refused.getMessage());
        assertEquals(2, versions(), "nothing published");
        assertEquals(State.ACCEPTED, request(request.id()).state(), "the meeting stands");

        ScheduleFile draft = repaired(RepairMode.MINIMAL); // from version 2, which holds it
        assertTrue(holds(draft, pair.startup(), pair.agency(), pair.slot()), "a repair after it keeps it");
        backend.publication().publish(EVENT, 0); // version 2 again when the repair changed nothing
        assertTrue(holds(latest(), pair.startup(), pair.agency(), pair.slot()));
        assertEquals(State.ACCEPTED, request(request.id()).state());
    }

    @Test
    void aRollBackToAVersionBeforeTheAcceptanceIsTheOrganizersChoice() {
        StoredRequest request = accepted(freePair(Set.of()));

        assertEquals(3, backend.publication().publish(EVENT, 1).version());

        StoredRequest after = request(request.id());
        assertEquals(State.CANCELLED, after.state());
        assertEquals("Published version 3 no longer holds this meeting.", after.reason());
    }

    @Test
    void aRepairKeepsAnAcceptedMeetingWhosePairIsNoLongerACandidate() throws Exception {
        // The pair becomes a candidate (a request added), so the accepted meeting takes the candidate's id...
        Free pair = freePair(Set.of());
        edit(e -> withRequest(e, pair.startup(), pair.agency()));
        StoredRequest request = accepted(pair);
        assertTrue(request.meetingId().startsWith("c-"), request.meetingId());
        // ... and stops being one (the request is taken out of the event): nobody withdrew the meeting agreed on.
        edit(e -> withoutRequest(e, pair.startup(), pair.agency()));

        ScheduleFile draft = repaired(RepairMode.MINIMAL);

        assertTrue(holds(draft, pair.startup(), pair.agency(), pair.slot()), "the agreed meeting stays where it was");
        Changes changes = backend.publication().changes(EVENT);
        assertTrue(changes.cancelled().stream().noneMatch(c -> c.id().equals(request.meetingId())),
                changes.cancelled().toString());
        assertTrue(changes.added().stream().noneMatch(c -> c.participants().contains(pair.startup())
                && c.participants().contains(pair.agency())), changes.added().toString());
        backend.publication().publish(EVENT, 0);
        assertEquals(State.ACCEPTED, request(request.id()).state());
    }

    @Test
    void aRepairAfterTheEventAsksForThePairOfAnAgreedMeetingKeepsItsRequestAcceptedAndCancellable() throws Exception {
        // Nobody asked for the pair when it agreed, so its meeting has an id of its own ("self-" and the request's).
        Free pair = freePair(Set.of());
        StoredRequest request = accepted(pair);
        assertTrue(request.meetingId().startsWith(Repair.AGREED_PREFIX), request.meetingId());
        // The organizer adds the request to the event since: the pair has a candidate of its own now.
        edit(e -> withRequest(e, pair.startup(), pair.agency()));

        ScheduleFile draft = repaired(RepairMode.MINIMAL);

        assertTrue(draft.meetings().stream().anyMatch(p -> p.id().equals(request.meetingId())
                && p.slot() == pair.slot()), "the agreed meeting keeps its id and its slot: " + draft.meetings());
        backend.publication().publish(EVENT, 0);
        assertEquals(State.ACCEPTED, request(request.id()).state(), "the meeting stands, so does its request");
        StoredRequest cancelled = backend.selfService().cancel(EVENT, pair.agency(), request.id());
        assertEquals(State.CANCELLED, cancelled.state());
        assertFalse(holds(latest(), pair.startup(), pair.agency(), pair.slot()), "the cancellation removed it");
    }

    @Test
    void anAcceptanceAfterAHarmlessEditPublishesAVersionOfTheEditedEvent() {
        int edited = edit(AcceptedMeetingTest::withLateStartup);
        assertTrue(backend.database().inTransaction(c -> backend.schedules().agenda(c, EVENT, "s-late")) == null,
                "nothing published for the edited event yet");

        StoredRequest request = accepted(freePair(Set.of("s-late")));

        Publication.Published version = backend.publication().versions(EVENT).get(request.version() - 1);
        assertEquals(edited, version.eventVersion(), "its agendas are the edited event's");
        assertNotNull(backend.database().inTransaction(c -> backend.schedules().agenda(c, EVENT, "s-late")),
                "the late registration has its agenda");
        assertFalse(backend.database().inTransaction(c -> backend.schedules().agenda(c, EVENT, "s-late")).stale());

        StoredRequest cancelled = backend.selfService().cancel(EVENT, request.fromId(), request.id());
        assertEquals(State.CANCELLED, cancelled.state());
        assertEquals(edited, backend.publication().versions(EVENT).get(versions() - 1).eventVersion(),
                "a cancellation likewise");
    }

    @Test
    void aRequiredMeetingAddedForThePairOfAnAgreedMeetingIsThatMeetingAndKeepsItsRequestAccepted() throws Exception {
        Free pair = freePair(Set.of());
        StoredRequest request = accepted(pair);
        // The organizer then requires the pair to meet: the repair makes the agreed meeting that required one.
        edit(e -> Json.createObjectBuilder(e).add("meetings", Json.createArrayBuilder(e.getJsonArray("meetings"))
                .add(Json.createObjectBuilder().add("id", "m-added").add("participants", Json.createArrayBuilder()
                        .add(pair.startup()).add(pair.agency())))).build());

        ScheduleFile draft = repaired(RepairMode.MINIMAL);
        assertTrue(draft.meetings().stream().anyMatch(p -> p.id().equals("m-added") && p.slot() == pair.slot()),
                "the required meeting, where they agreed to meet: " + draft.meetings());
        Changes changes = backend.publication().changes(EVENT);
        assertTrue(changes.cancelled().stream().noneMatch(x -> x.participants().contains(pair.startup())
                && x.participants().contains(pair.agency())), "nobody is told it was cancelled: " + changes.cancelled());
        backend.publication().publish(EVENT, 0);

        StoredRequest after = request(request.id());
        assertEquals(State.ACCEPTED, after.state(), "the pair still meets: " + after.reason());
        assertEquals("m-added", after.meetingId(), "the request names the meeting it is now");
    }

    @Test
    void aParticipantCannotCancelTheRequiredMeetingItsAgreedMeetingBecame() throws Exception {
        Free pair = freePair(Set.of());
        StoredRequest request = accepted(pair);
        edit(e -> Json.createObjectBuilder(e).add("meetings", Json.createArrayBuilder(e.getJsonArray("meetings"))
                .add(Json.createObjectBuilder().add("id", "m-added").add("participants", Json.createArrayBuilder()
                        .add(pair.startup()).add(pair.agency())))).build());
        repaired(RepairMode.MINIMAL);
        backend.publication().publish(EVENT, 0);
        int published = versions();

        for (String side : List.of(pair.startup(), pair.agency())) {
            SelfService.RejectedException e = assertThrows(SelfService.RejectedException.class,
                    () -> backend.selfService().cancel(EVENT, side, request.id()));
            assertEquals(SelfService.RejectedException.Reason.REQUIRED, e.reason());
            assertTrue(e.getMessage().contains("organizer requires") && e.getMessage().contains("ask the organizer"),
                    e.getMessage());
        }
        assertEquals(State.ACCEPTED, request(request.id()).state());
        assertEquals(published, versions(), "nothing is published");
        assertTrue(holds(latest(), pair.startup(), pair.agency(), pair.slot()), "the required meeting stays");
    }
}
