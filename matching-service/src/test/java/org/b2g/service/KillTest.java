package org.b2g.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.json.Json;
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
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (process != null) {
            process.close();
        }
    }

    /** Starts {@code Main serve} in a new JVM and returns its base URL once it listens. */
    private String start() throws Exception {
        if (db == null) {
            db = TestDatabase.url("");
        }
        process = ServiceProcess.start(data, db);
        return process.base;
    }

    private void kill() throws Exception {
        process.kill();
    }

    private HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestService.bearer(TestService.ORGANIZER))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void keepsEveryAnsweredWriteAfterSigkill() throws Exception {
        String events = "/api/events/" + TestService.EVENT_ID;
        String base = start();
        assertEquals(201, send(base, "POST", "/api/events", TestService.sampleEvent()).statusCode());
        assertEquals(201, send(base, "POST", "/api/events", TestService.sampleEvent("second")).statusCode());
        assertEquals(202, send(base, "POST", events + "/solve?timeLimit=1s", null).statusCode());
        for (int i = 0; i < 600 && json(send(base, "GET", events + "/solve", null)).getString("state")
                .equals("SOLVING"); i++) {
            Thread.sleep(100);
        }
        String schedule = send(base, "GET", events + "/schedule", null).body();
        assertEquals(201, send(base, "POST", events + "/publish", null).statusCode());
        String agenda = send(base, "GET", events + "/participants/s-flood/agenda", null).body();
        assertEquals(200, send(base, "PUT", "/api/events/second",
                TestService.sampleEvent("second").replace("Demo:", "Last write:")).statusCode());
        kill();

        base = start();
        assertEquals(200, send(base, "GET", "/api/health", null).statusCode());
        assertEquals(schedule, send(base, "GET", events + "/schedule", null).body());
        assertEquals(agenda, send(base, "GET", events + "/participants/s-flood/agenda", null).body());
        assertEquals("DONE", json(send(base, "GET", events + "/solve", null)).getString("state"));
        JsonObject second = json(send(base, "GET", "/api/events/second", null));
        assertTrue(second.getJsonObject("event").getString("name").startsWith("Last write:"));
        assertEquals(2, json(send(base, "GET", "/api/events", null)).getJsonArray("events").size());
    }

    /** Killed while publishing, the service comes back with the old published version or the new one, whole. */
    @Test
    void aKillDuringPublishLeavesOneWholePublishedVersion() throws Exception {
        String events = "/api/events/" + TestService.EVENT_ID;
        String base = start();
        assertEquals(201, send(base, "POST", "/api/events", TestService.sampleEvent()).statusCode());
        assertEquals(202, send(base, "POST", events + "/solve?timeLimit=1s&seed=1", null).statusCode());
        awaitSolved(base, events);
        assertEquals(201, send(base, "POST", events + "/publish", null).statusCode());
        assertEquals(202, send(base, "POST", events + "/solve?timeLimit=1s&seed=2", null).statusCode());
        awaitSolved(base, events);
        String target = base;
        Thread publisher = Thread.ofVirtual().start(() -> {
            try {
                send(target, "POST", events + "/publish", null);
            } catch (Exception ignored) {
                // the process dies under the request
            }
        });
        Thread.sleep(5);
        kill();
        publisher.join(5_000);

        base = start();
        JsonArray versions = json(send(base, "GET", events + "/versions", null)).getJsonArray("versions");
        int latest = versions.getJsonObject(versions.size() - 1).getInt("version");
        assertTrue(latest == 1 || latest == 2, "versions: " + versions);
        JsonObject published = json(send(base, "GET", events + "/versions/" + latest, null));
        JsonObject agenda = json(send(base, "GET", events + "/participants/s-flood/agenda", null));
        assertEquals(meetingsOf(published, "s-flood"), agendaMeetings(agenda),
                "the agenda shows exactly published version " + latest);
    }

    private void awaitSolved(String base, String events) throws Exception {
        for (int i = 0; i < 600 && json(send(base, "GET", events + "/solve", null)).getString("state")
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
