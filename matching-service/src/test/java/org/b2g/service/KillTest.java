package org.b2g.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write answered 2xx survives {@code kill -9}: the service runs as a separate process, is killed with SIGKILL
 * right after its last answer, restarted on the same data folder, and everything is read back.
 */
class KillTest {


    @TempDir
    Path data;
    private ServiceProcess process;
    /** The database both processes use: the data folder's HSQLDB, or one PostgreSQL schema. */
    private String db;

    @AfterEach
    void stop() {
        if (process != null) {
            process.close();
        }
    }

    /** Starts {@code Main serve} in a new JVM, on the same database each time, once it listens. */
    private ServiceProcess start() throws Exception {
        if (db == null) {
            db = TestDatabase.url("");
        }
        process = ServiceProcess.start(data, db);
        return process;
    }

    private void kill() throws Exception {
        process.kill();
    }

    @Test
    void keepsEveryAnsweredWriteAfterSigkill() throws Exception {
        String events = "/api/events/" + TestService.EVENT_ID;
        ServiceProcess service = start();
        assertEquals(201, service.send("POST", "/api/events", TestService.sampleEvent()).statusCode());
        assertEquals(201, service.send("POST", "/api/events", TestService.sampleEvent("second")).statusCode());
        assertEquals(202, service.send("POST", events + "/solve?timeLimit=1s", null).statusCode());
        for (int i = 0; i < 600 && ServiceProcess.json(service.send("GET", events + "/solve", null)).getString("state")
                .equals("SOLVING"); i++) {
            Thread.sleep(100);
        }
        String schedule = service.send("GET", events + "/schedule", null).body();
        assertEquals(201, service.send("POST", events + "/publish", null).statusCode());
        String agenda = service.send("GET", events + "/participants/s-flood/agenda", null).body();
        assertEquals(200, service.send("PUT", "/api/events/second",
                TestService.sampleEvent("second").replace("Demo:", "Last write:")).statusCode());
        kill();

        service = start();
        assertEquals(200, service.send("GET", "/api/health", null).statusCode());
        assertEquals(schedule, service.send("GET", events + "/schedule", null).body());
        assertEquals(agenda, service.send("GET", events + "/participants/s-flood/agenda", null).body());
        assertEquals("DONE", ServiceProcess.json(service.send("GET", events + "/solve", null)).getString("state"));
        JsonObject second = ServiceProcess.json(service.send("GET", "/api/events/second", null));
        assertTrue(second.getJsonObject("event").getString("name").startsWith("Last write:"));
        assertEquals(2, ServiceProcess.json(service.send("GET", "/api/events", null)).getJsonArray("events").size());
    }

    /** Killed while publishing, the service comes back with the old published version or the new one, whole. */
    @Test
    void aKillDuringPublishLeavesOneWholePublishedVersion() throws Exception {
        String events = "/api/events/" + TestService.EVENT_ID;
        ServiceProcess service = start();
        assertEquals(201, service.send("POST", "/api/events", TestService.sampleEvent()).statusCode());
        assertEquals(202, service.send("POST", events + "/solve?timeLimit=1s&seed=1", null).statusCode());
        awaitSolved(service, events);
        assertEquals(201, service.send("POST", events + "/publish", null).statusCode());
        assertEquals(202, service.send("POST", events + "/solve?timeLimit=1s&seed=2", null).statusCode());
        awaitSolved(service, events);
        ServiceProcess target = service;
        Thread publisher = Thread.ofVirtual().start(() -> {
            try {
                target.send("POST", events + "/publish", null);
            } catch (Exception ignored) {
                // the process dies under the request
            }
        });
        Thread.sleep(5);
        kill();
        publisher.join(5_000);

        service = start();
        JsonArray versions = ServiceProcess.json(service.send("GET", events + "/versions", null)).getJsonArray("versions");
        int latest = versions.getJsonObject(versions.size() - 1).getInt("version");
        assertTrue(latest == 1 || latest == 2, "versions: " + versions);
        JsonObject published = ServiceProcess.json(service.send("GET", events + "/versions/" + latest, null));
        JsonObject agenda = ServiceProcess.json(service.send("GET", events + "/participants/s-flood/agenda", null));
        assertEquals(meetingsOf(published, "s-flood"), agendaMeetings(agenda),
                "the agenda shows exactly published version " + latest);
    }

    private void awaitSolved(ServiceProcess service, String events) throws Exception {
        for (int i = 0; i < 600 && ServiceProcess.json(service.send("GET", events + "/solve", null)).getString("state")
                .equals("SOLVING"); i++) {
            Thread.sleep(100);
        }
    }

    /** "counterpart@slot" for each meeting of {@code pid} in a b2g-schedule/1. */
    private static java.util.Set<String> meetingsOf(JsonObject schedule, String pid) {
        java.util.Set<String> set = new java.util.TreeSet<>();
        for (JsonObject m : schedule.getJsonArray("meetings").getValuesAs(JsonObject.class)) {
            java.util.List<String> pair = m.getJsonArray("participants").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList();
            if (pair.contains(pid)) {
                set.add(pair.get(pair.get(0).equals(pid) ? 1 : 0) + "@" + m.getInt("slot"));
            }
        }
        return set;
    }

    private static java.util.Set<String> agendaMeetings(JsonObject agenda) {
        java.util.Set<String> set = new java.util.TreeSet<>();
        for (JsonObject m : agenda.getJsonArray("meetings").getValuesAs(JsonObject.class)) {
            set.add(m.getJsonObject("counterpart").getString("id") + "@" + m.getInt("slot"));
        }
        return set;
    }
}
