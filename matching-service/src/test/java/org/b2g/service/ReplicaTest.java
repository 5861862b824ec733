package org.b2g.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Two replicas, real processes, over one PostgreSQL: a job survives the {@code kill -9} of the replica solving it,
 * tokens and writes are shared, and a hundred jobs end DONE exactly once.
 */
@Tag("postgresql-only")
class ReplicaTest {

    private static final String EVENTS = "/api/events/";
    private static final String[] FAST_LEASE = {"b2g.job-lease=3s", "b2g.job-poll=200ms"};

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    private final List<ServiceProcess> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(ServiceProcess::close);
    }

    private ServiceProcess replica(Path dir, String db, String... properties) throws Exception {
        ServiceProcess replica = ServiceProcess.start(dir, db, properties);
        replicas.add(replica);
        return replica;
    }

    private static JsonObject status(ServiceProcess replica, String id) throws Exception {
        return ServiceProcess.json(replica.send("GET", EVENTS + id + "/solve", null));
    }

    @Test
    void anotherReplicaFinishesTheJobOfAKilledOneFromItsBestSoFar() throws Exception {
        String db = TestDatabase.freshSchema();
        ServiceProcess a = replica(dirA, db, FAST_LEASE);
        ServiceProcess b = replica(dirB, db, FAST_LEASE);
        String id = "long-hcmc";
        String body = TestService.longSolvingSample(id);
        org.b2g.core.domain.Event event = org.b2g.core.io.EventJson.read(body, "sample");
        String participant = event.participants().get(0).id();
        assertEquals(201, a.send("POST", "/api/events", body).statusCode());
        // Acknowledged by A, so visible on B at once; a personal token A issues works on B (checked below).
        assertEquals(200, b.send("GET", EVENTS + id, null).statusCode());
        String token = ServiceProcess.json(a.send("GET", EVENTS + id + "/participants/" + participant + "/token",
                null)).getString("token");
        long limitSeconds = 12;
        assertEquals(202, a.send("POST", EVENTS + id + "/solve?timeLimit=" + limitSeconds + "s&unimproved="
                + limitSeconds + "s", null).statusCode());
        // B streams the progress of the job A solves (from the row A renews).
        var stream = java.net.http.HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(b.base + EVENTS + id + "/solve/stream"))
                .header("Authorization", TestService.bearer(TestService.ORGANIZER)).build(),
                HttpResponse.BodyHandlers.ofLines());
        String firstEvent = stream.get(60, java.util.concurrent.TimeUnit.SECONDS).body()
                .filter(line -> line.startsWith("event:")).findFirst().orElse("");
        assertEquals("event:progress", firstEvent.replace(" ", ""));
        // Wait on B (reading the row A renews) until A has stored a best schedule, then kill A.
        String storedScore = null;
        int storedBreaks = 0;
        for (int i = 0; i < 200 && storedScore == null; i++) {
            Thread.sleep(100);
            JsonObject job = status(b, id);
            assertEquals("SOLVING", job.getString("state"), job.toString());
            if (job.containsKey("score") && !job.isNull("score") && bestSlotsStored(db, id)) {
                storedScore = job.getString("score");
                storedBreaks = job.getInt("breaks");
            }
        }
        assertNotNull(storedScore, "A never stored a best schedule");
        long killedAt = System.nanoTime();
        a.kill();
        JsonObject done = null;
        for (int i = 0; i < 600; i++) {
            Thread.sleep(100);
            JsonObject job = status(b, id);
            if (!job.getString("state").equals("SOLVING")) {
                done = job;
                break;
            }
        }
        assertNotNull(done, "B did not finish the job");
        double seconds = (System.nanoTime() - killedAt) / 1e9;
        assertEquals("DONE", done.getString("state"), done.toString());
        assertTrue(seconds < 3 + limitSeconds + 10, "finished " + seconds + " s after the kill");
        HardMediumSoftLongScore before = HardMediumSoftLongScore.parseScore(storedScore);
        HardMediumSoftLongScore after = HardMediumSoftLongScore.parseScore(done.getString("score"));
        // While solving, the soft level counts breaks only (tables come at the end): compare hard, medium, breaks.
        HardMediumSoftLongScore beforeHardMedium = HardMediumSoftLongScore.of(before.hardScore(), before.mediumScore(),
                -storedBreaks);
        HardMediumSoftLongScore afterHardMedium = HardMediumSoftLongScore.of(after.hardScore(), after.mediumScore(),
                -done.getInt("breaks"));
        assertTrue(afterHardMedium.compareTo(beforeHardMedium) >= 0, "B's result " + after + " with "
                + done.getInt("breaks") + " breaks is worse than A's stored " + before + " with " + storedBreaks);
        assertEquals(2, claims(db, id), "claimed by A, then by B");
        System.out.printf("replicas: A killed with %s stored; B finished %.1f s later (lease 3 s, limit %d s) with %s%n",
                before, seconds, limitSeconds, after);

        // The token secret is the one A stored in the database.
        assertEquals(201, b.send("POST", EVENTS + id + "/publish", null).statusCode());
        HttpResponse<String> agenda = b.send("GET", EVENTS + id + "/participants/" + participant + "/agenda", null,
                token);
        assertEquals(200, agenda.statusCode(), agenda.body());
    }

    @Test
    void aHundredJobsThroughTwoReplicasEachEndDoneExactlyOnce() throws Exception {
        String db = TestDatabase.freshSchema();
        String[] settings = {"b2g.job-lease=5s", "b2g.job-poll=200ms", "b2g.solve-threads=1",
                "b2g.solve-queue=200"};
        ServiceProcess a = replica(dirA, db, settings);
        ServiceProcess b = replica(dirB, db, settings);
        int count = 100;
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = "e" + i;
                ServiceProcess via = i % 2 == 0 ? a : b;
                answers.add(clients.submit((Callable<Integer>) () -> {
                    int created = via.send("POST", "/api/events", TestService.sampleEvent(id)).statusCode();
                    if (created != 201) {
                        return created;
                    }
                    return via.send("POST", EVENTS + id + "/solve?timeLimit=300ms&unimproved=100ms", null)
                            .statusCode();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(202, answer.get());
            }
        } finally {
            clients.shutdown();
        }
        Map<String, String> states = new HashMap<>();
        for (int round = 0; round < 1800; round++) {
            states = jobStates(db);
            if (states.size() == count && states.values().stream().allMatch(s -> !s.startsWith("SOLVING"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(count, states.size());
        for (Map.Entry<String, String> state : states.entrySet()) {
            assertEquals("DONE/1", state.getValue(), state.getKey() + " ended " + state.getValue());
        }
        assertEquals(count, drafts(db), "one draft per event");
        System.out.printf("replicas: %d jobs through two replicas all DONE with one claim each in %.1f s%n", count,
                (System.nanoTime() - started) / 1e9);
    }

    private static Connection connect(String db) throws Exception {
        return DriverManager.getConnection(db);
    }

    private static boolean bestSlotsStored(String db, String id) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT best_slots FROM solve_jobs WHERE event_id = '" + id + "'")) {
            return r.next() && r.getString(1) != null;
        }
    }

    private static int claims(String db, String id) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT claims FROM solve_jobs WHERE event_id = '" + id + "'")) {
            assertTrue(r.next());
            return r.getInt(1);
        }
    }

    /** "STATE/claims" by event. */
    private static Map<String, String> jobStates(String db) throws Exception {
        Map<String, String> states = new HashMap<>();
        try (Connection c = connect(db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT event_id, state, claims FROM solve_jobs")) {
            while (r.next()) {
                states.put(r.getString(1), r.getString(2) + "/" + r.getInt(3));
            }
        }
        return states;
    }

    private static int drafts(String db) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM schedules")) {
            r.next();
            return r.getInt(1);
        }
    }
}
