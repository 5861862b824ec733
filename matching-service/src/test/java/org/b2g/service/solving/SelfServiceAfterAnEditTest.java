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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.RepairMode;
import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.b2g.service.persistence.RequestRepository.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-service after an edit of the event that pauses nothing: the counterparts route, the ask and the acceptance
 * check a slot against the event as it is now, so that no version they publish puts somebody where the event says
 * it cannot be.
 */
class SelfServiceAfterAnEditTest {

    private static final String EVENT = "edited";

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

    /** A startup and an agency that do not meet in the published version, free together in both slots. */
    private record Free(String startup, String agency, int slot, int other) {
    }

    /** A pair free together in a slot of {@code first..last} and in another slot of {@code from..to}. */
    private Free freePair(int first, int last, int from, int to) {
        TestService.OpenPair pair = TestService.openPair(backend, EVENT, Set.of(),
                slots -> slot(slots, first, last, 0) != null
                        && slot(slots, from, to, slot(slots, first, last, 0)) != null);
        Integer one = slot(pair.slots(), first, last, 0);
        return new Free(pair.startup(), pair.agency(), one, slot(pair.slots(), from, to, one));
    }

    /** The first of {@code slots} within {@code from..to} other than {@code not}, or null. */
    private static Integer slot(List<Integer> slots, int from, int to, int not) {
        return slots.stream().filter(i -> i >= from && i <= to && i != not).findFirst().orElse(null);
    }

    private Event event() {
        return EventJson.read(backend.database().inTransaction(c -> backend.events().find(c, EVENT)).body(), "event");
    }

    private ScheduleFile latest() {
        return ScheduleJson.read(backend.publication().body(EVENT, 0), "latest");
    }

    private int versions() {
        return backend.publication().versions(EVENT).size();
    }

    private void edit(UnaryOperator<JsonObject> edit) {
        backend.database().inTransaction(c -> {
            JsonObject event;
            try (JsonReader reader = Json.createReader(new StringReader(backend.events().find(c, EVENT).body()))) {
                event = reader.readObject();
            }
            return backend.events().replace(c, EVENT, EVENT, 11, 2L, edit.apply(event).toString());
        });
    }

    private static JsonObject unavailable(JsonObject event, String participant, int slot) {
        JsonArrayBuilder participants = Json.createArrayBuilder();
        for (JsonObject p : event.getJsonArray("participants").getValuesAs(JsonObject.class)) {
            if (!p.getString("id").equals(participant)) {
                participants.add(p);
                continue;
            }
            JsonArrayBuilder away = Json.createArrayBuilder(p.containsKey("unavailableSlots")
                    ? p.getJsonArray("unavailableSlots") : Json.createArrayBuilder().build()).add(slot);
            participants.add(Json.createObjectBuilder(p).add("unavailableSlots", away));
        }
        return Json.createObjectBuilder(event).add("participants", participants).build();
    }

    private static JsonObject withRequiredMeeting(JsonObject event, String id, String a, String b, String session) {
        return Json.createObjectBuilder(event).add("meetings", Json.createArrayBuilder(event.getJsonArray("meetings"))
                .add(Json.createObjectBuilder().add("id", id).add("participants", Json.createArrayBuilder().add(a)
                        .add(b)).add("session", session))).build();
    }

    /** The morning session starting at {@code start} instead of 09:00. */
    private static JsonObject morningAt(JsonObject event, String start) {
        JsonObject header = event.getJsonObject("event");
        JsonArrayBuilder sessions = Json.createArrayBuilder();
        for (JsonObject s : header.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
            sessions.add(s.getString("id").equals("am") ? Json.createObjectBuilder(s).add("start", start).build() : s);
        }
        return Json.createObjectBuilder(event).add("event", Json.createObjectBuilder(header).add("sessions", sessions))
                .build();
    }

    /** The morning session with {@code slots} slots instead of 6: the afternoon's slots get other numbers. */
    private static JsonObject morningOf(JsonObject event, int slots) {
        JsonObject header = event.getJsonObject("event");
        JsonArrayBuilder sessions = Json.createArrayBuilder();
        for (JsonObject s : header.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
            sessions.add(s.getString("id").equals("am") ? Json.createObjectBuilder(s).add("slots", slots).build() : s);
        }
        return Json.createObjectBuilder(event).add("event", Json.createObjectBuilder(header).add("sessions", sessions))
                .build();
    }

    private List<Integer> offered(String self, String other) {
        return backend.selfService().counterparts(EVENT, self, 5000).counterparts().stream()
                .filter(c -> c.participant().id().equals(other)).flatMap(c -> c.openings().stream())
                .map(o -> o.slot().index()).toList();
    }

    @Test
    void aSlotAParticipantIsNoLongerAvailableInIsNeitherOfferedNorAskedNorAccepted() {
        Free pair = freePair(1, 12, 1, 12);
        String asked = backend.selfService().ask(EVENT, pair.startup(), pair.agency(), pair.slot()).id();
        edit(e -> unavailable(e, pair.startup(), pair.slot()));

        assertFalse(offered(pair.agency(), pair.startup()).contains(pair.slot()));
        assertTrue(offered(pair.agency(), pair.startup()).contains(pair.other()), "its other slots still are");
        SelfService.RejectedException refused = assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().accept(EVENT, pair.agency(), asked));
        assertEquals(SelfService.RejectedException.Reason.NOT_FREE, refused.reason());
        assertTrue(refused.getMessage().startsWith(pair.startup() + " and " + pair.agency() + " cannot meet in "
                + event().slot(pair.slot()) + ": " + pair.startup() + " is not available then"),
                refused.getMessage());
        assertEquals(1, versions(), "nothing published");
        backend.selfService().cancel(EVENT, pair.startup(), asked);
        assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().ask(EVENT, pair.startup(), pair.agency(), pair.slot()));
    }

    @Test
    void aPairWhoseRequiredMeetingWasAddedMeetsOnlyInItsSession() {
        // Free together in the morning and the afternoon; the organizer then requires them to meet in the afternoon.
        Free pair = freePair(1, 6, 7, 12);
        String asked = backend.selfService().ask(EVENT, pair.startup(), pair.agency(), pair.slot()).id();
        edit(e -> withRequiredMeeting(e, "m-late", pair.startup(), pair.agency(), "pm"));

        List<Integer> offered = offered(pair.startup(), pair.agency());
        assertFalse(offered.isEmpty(), "the afternoon is offered");
        assertTrue(offered.stream().allMatch(slot -> slot >= 7), "only the afternoon: " + offered);
        SelfService.RejectedException refused = assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().accept(EVENT, pair.agency(), asked));
        assertEquals(SelfService.RejectedException.Reason.NOT_FREE, refused.reason());
        assertTrue(refused.getMessage().contains(": their required meeting m-late must take place in session pm"),
                refused.getMessage());
        assertEquals(1, versions(), "nothing published");
        backend.selfService().cancel(EVENT, pair.startup(), asked);
        assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().ask(EVENT, pair.startup(), pair.agency(), pair.slot()));

        String afternoon = backend.selfService().ask(EVENT, pair.startup(), pair.agency(), pair.other()).id();
        assertEquals(State.ACCEPTED, backend.selfService().accept(EVENT, pair.agency(), afternoon).state());
        assertTrue(latest().meetings().stream().anyMatch(p -> p.id().equals("m-late") && p.slot() == pair.other()),
                "the required meeting, in its session");
    }

    @Test
    void requestsArePausedWhileTheSlotsThePublishedScheduleNamesAreAtOtherTimes() {
        // The morning starts half an hour later: the published meetings of slots 1-6 are at times the event no longer
        // has, and an acceptance would publish them under their old numbers at the new times.
        Free pair = freePair(7, 12, 7, 12);
        String asked = backend.selfService().ask(EVENT, pair.startup(), pair.agency(), pair.slot()).id();
        edit(e -> morningAt(e, "09:30"));

        SelfService.Offer offer = backend.selfService().counterparts(EVENT, pair.startup(), 5000);
        assertNotNull(offer.paused(), "paused");
        assertEquals(List.of(), offer.counterparts());
        assertTrue(offer.paused().matches(".*names slot [1-6] at 2024-10-10T(09|10):..:00\\+07:00, and the event now"
                + " has no slot then.*"), offer.paused());
        SelfService.RejectedException refused = assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().accept(EVENT, pair.agency(), asked));
        assertEquals(offer.paused(), refused.getMessage());
        assertEquals(1, versions(), "nothing published");
    }

    @Test
    void aPendingRequestWhoseSlotNumberNowStandsForAnotherTimeIsNotAcceptedThere() throws Exception {
        // Asked for an afternoon slot; the morning gets a seventh slot, so that number is now the last of the morning.
        Free pair = freePair(7, 11, 7, 11);
        String asked = backend.selfService().ask(EVENT, pair.startup(), pair.agency(), pair.slot()).id();
        String time = event().slot(pair.slot()).start().toLocalTime().toString();
        edit(e -> morningOf(e, 7));
        backend.solving().repair(EVENT, SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)), RepairMode.MINIMAL);
        assertEquals(JobStatus.State.DONE, backend.solving().await(EVENT, Duration.ofSeconds(60)).state());
        backend.publication().publish(EVENT, 0);
        int published = versions();

        SelfService.RejectedException refused = assertThrows(SelfService.RejectedException.class,
                () -> backend.selfService().accept(EVENT, pair.agency(), asked));

        assertEquals(SelfService.RejectedException.Reason.NOT_FREE, refused.reason(), "a 409");
        assertTrue(refused.getMessage().startsWith("Request " + asked + " asked for slot " + pair.slot() + " at "
                + "2024-10-10T" + time + ":00+07:00, and the event now has that time as slot " + (pair.slot() + 1)
                + " (its sessions changed since)"), refused.getMessage());
        assertEquals(published, versions(), "nothing published");
        assertEquals(State.PENDING, backend.selfService().requests(EVENT, pair.agency()).stream()
                .filter(r -> r.id().equals(asked)).findFirst().orElseThrow().state(), "it can still be declined");
    }
}
