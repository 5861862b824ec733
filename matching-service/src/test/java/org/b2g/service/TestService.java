package org.b2g.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Role;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Openings;
import org.b2g.core.solver.SolveOptions;
import org.b2g.datasets.Samples;
import org.b2g.service.solving.JobStatus;

/** Backends on a fresh data folder, and the sample event, for the service's tests. */
public final class TestService {

    public static final String ORGANIZER = "organizer-token-for-the-tests";
    public static final String EVENT_ID = "demo-dx-day";

    private static final Map<Path, String> SCHEMAS = new ConcurrentHashMap<>();

    private TestService() {
    }

    /**
     * A fresh data folder named after {@code prefix}, deleted when the test run ends: the routing tests set up their
     * backend in static methods, before JUnit could hand them a temporary folder, and each run left a dozen behind.
     */
    public static Path dataDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a folder left in the system's temporary directory is no failure of the tests
        }
    }

    /** A backend with its database and tokens in {@code dir}. */
    public static Backend backend(Path dir) {
        return backend(dir, Map.of());
    }

    /** A backend whose time comes from {@code clock}. */
    public static Backend backend(Path dir, Clock clock) {
        return backend(dir, Map.of(), clock);
    }

    public static Backend backend(Path dir, Map<String, String> settings) {
        return backend(dir, settings, Clock.systemUTC());
    }

    private static Backend backend(Path dir, Map<String, String> settings, Clock clock) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("b2g.data", dir.toString());
        if (TestDatabase.postgres() && !all.containsKey("b2g.db")) {
            // One schema per data folder: a backend reopened on the same folder finds what the last one stored.
            all.put("b2g.db", SCHEMAS.computeIfAbsent(dir.toAbsolutePath(), d -> TestDatabase.freshSchema()));
        }
        Settings parsed = Settings.from(Main.config(all));
        return Backend.open(parsed, Credentials.load(dir, ORGANIZER), clock);
    }

    /**
     * The HCMC sample under {@code id}, with every even slot closed to everyone: whoever holds two meetings has a
     * break, so neither a proof nor the demand bound ends its solve early, for tests that stop, kill or watch a
     * running job. (The sample as it is meets its demand bound without breaks in about a second, and stops there.)
     */
    public static String longSolvingSample(String id) {
        String body = Samples.json(Samples.HCMC_DX_DAY);
        JsonObject event = Json.createReader(new StringReader(body)).readObject();
        JsonArrayBuilder participants = Json.createArrayBuilder();
        for (JsonValue value : event.getJsonArray("participants")) {
            JsonObject participant = value.asJsonObject();
            Set<Integer> closed = new TreeSet<>();
            if (participant.containsKey("unavailableSlots")) {
                participant.getJsonArray("unavailableSlots").getValuesAs(JsonNumber.class)
                        .forEach(slot -> closed.add(slot.intValue()));
            }
            for (int slot = 2; slot <= 20; slot += 2) {
                closed.add(slot);
            }
            participants.add(Json.createObjectBuilder(participant)
                    .add("unavailableSlots", Json.createArrayBuilder(closed)));
        }
        JsonObject header = Json.createObjectBuilder(event.getJsonObject("event")).add("id", id).build();
        return Json.createObjectBuilder(event).add("event", header).add("participants", participants).build()
                .toString();
    }

    /** The sample event (b2g-event/1 text). */
    public static String sampleEvent() {
        return Main.resource(Demo.SAMPLE);
    }

    /** The sample event under another id. */
    public static String sampleEvent(String id) {
        return sampleEvent().replace("\"" + EVENT_ID + "\"", "\"" + id + "\"");
    }

    /** The current personal token of a participant, as the organizer's token route would give it. */
    public static String participantToken(Backend backend, String eventId, String participantId) {
        var key = backend.database().inTransaction(c -> backend.events().linkKey(c, eventId));
        int generation = backend.database().inTransaction(c -> backend.links().generation(c, eventId, participantId));
        return backend.credentials().participantToken(key.key(), participantId, generation);
    }

    /** Stores the sample event, solves it for a second and publishes the schedule: the routing tests' starting point. */
    public static void publishSolvedSample(Backend backend) throws InterruptedException {
        publishSolvedSample(backend, EVENT_ID);
    }

    /** As {@link #publishSolvedSample(Backend)}, the sample under another id. */
    public static void publishSolvedSample(Backend backend, String eventId) throws InterruptedException {
        String body = sampleEvent(eventId);
        backend.database().inTransaction(c -> backend.events().insert(c, eventId, "demo", 10, 1L, body));
        backend.solving().start(eventId, SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)));
        assertEquals(JobStatus.State.DONE, backend.solving().await(eventId, Duration.ofSeconds(60)).state());
        backend.publication().publish(eventId, 0);
    }

    /** A startup and an agency that do not meet in the latest published version, and the slots where both can. */
    public record OpenPair(String startup, String agency, List<Integer> slots) {
    }

    /**
     * The first startup and agency, in the event's order and neither in {@code skipped}, whose open slots (as
     * {@link Openings} ranks them) satisfy {@code wanted}.
     */
    public static OpenPair openPair(Backend backend, String eventId, Set<String> skipped,
            Predicate<List<Integer>> wanted) {
        Event event = EventJson.read(backend.database().inTransaction(c -> backend.events().find(c, eventId)).body(),
                "event");
        Openings openings = Openings.of(event, ScheduleJson.read(backend.publication().body(eventId, 0), "latest"),
                "latest");
        for (Participant s : event.participants()) {
            if (s.role() != Role.STARTUP || skipped.contains(s.id())) {
                continue;
            }
            for (Participant a : event.participants()) {
                if (a.role() != Role.AGENCY || skipped.contains(a.id())) {
                    continue;
                }
                List<Integer> slots = openings.find(s.id(), a.id(), 100).openings().stream()
                        .map(o -> o.slot().index()).toList();
                if (wanted.test(slots)) {
                    return new OpenPair(s.id(), a.id(), slots);
                }
            }
        }
        throw new AssertionError("the published schedule of " + eventId + " leaves no startup and agency such slots");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
