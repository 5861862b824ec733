package org.b2g.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Role;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Openings;
import org.b2g.datasets.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Many participants accepting meeting requests for the same slot at once, over real sockets: whatever the order,
 * nobody ends up with two meetings in one slot (beyond their representatives) and no table holds two meetings.
 */
@ServerTest
class SelfServiceRaceTest {

    private static final String EVENT_ID = "race-day";
    private static Backend backend;
    private final URI uri;
    private final HttpClient http = HttpClient.newHttpClient();

    SelfServiceRaceTest(URI uri) {
        this.uri = uri;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-race-test"));
        Main.routing(routing, backend);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(org.b2g.service.http.Api::registerDirect);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri.resolve(path))
                .header("Authorization", TestService.bearer(token))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String token(String participant) {
        return TestService.participantToken(backend, EVENT_ID, participant);
    }

    private String published() {
        return backend.database().inTransaction(c -> backend.schedules().published(c, EVENT_ID, 0)).body();
    }

    @Test
    void concurrentAcceptancesForOneSlotNeverDoubleBook() throws Exception {
        String sample = Samples.json(Samples.HCMC_DX_DAY);
        String body = sample.replace("\"" + EventJson.read(sample, "sample").id() + "\"", "\"" + EVENT_ID + "\"");
        String events = "/api/events/" + EVENT_ID;
        String admin = TestService.ORGANIZER;
        assertEquals(201, send("POST", "/api/events", body, admin).statusCode());
        assertEquals(202, send("POST", events + "/solve?timeLimit=2s", null, admin).statusCode());
        for (int i = 0; i < 600 && !json(send("GET", events + "/solve", null, admin)).getString("state")
                .equals("DONE"); i++) {
            Thread.sleep(100);
        }
        assertEquals(201, send("POST", events + "/publish", null, admin).statusCode());
        assertEquals(200, send("PUT", events + "/self-service", "{\"enabled\": true}", admin).statusCode());
        Event event = EventJson.read(body, "sample");

        // The slot with the most startup-agency pairs that could meet in it, several per agency.
        Openings openings = Openings.of(event, ScheduleJson.read(published(), "published"), "published");
        Map<Integer, List<String[]>> pairsBySlot = new HashMap<>();
        for (Participant agency : event.participants()) {
            if (agency.role() != Role.AGENCY) {
                continue;
            }
            for (Participant startup : event.participants()) {
                if (startup.role() == Role.STARTUP) {
                    for (Openings.Opening o : openings.find(startup.id(), agency.id(), 100).openings()) {
                        pairsBySlot.computeIfAbsent(o.slot().index(), s -> new ArrayList<>())
                                .add(new String[] {startup.id(), agency.id()});
                    }
                }
            }
        }
        int slot = pairsBySlot.entrySet().stream().max(Map.Entry.comparingByValue(
                java.util.Comparator.comparingInt(List::size))).orElseThrow().getKey();
        List<String[]> pairs = pairsBySlot.get(slot).subList(0, Math.min(24, pairsBySlot.get(slot).size()));
        assertTrue(pairs.size() >= 4, "enough pairs to race: " + pairs.size());

        List<String[]> requests = new ArrayList<>(); // request id, agency
        for (String[] pair : pairs) {
            HttpResponse<String> asked = send("POST", events + "/participants/" + pair[0] + "/requests",
                    "{\"with\": \"" + pair[1] + "\", \"slot\": " + slot + "}", token(pair[0]));
            assertEquals(201, asked.statusCode(), asked.body());
            requests.add(new String[] {json(asked).getString("id"), pair[1]});
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests.size())) {
            for (String[] request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send("POST", events + "/participants/" + request[1] + "/requests/" + request[0]
                            + "/accept", null, token(request[1]));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertTrue(response.statusCode() == 200 || response.statusCode() == 409, response.body());
                won += response.statusCode() == 200 ? 1 : 0;
            }
            assertTrue(won >= 1, "somebody wins");
            assertTrue(won < requests.size(), "the agencies asked more than once cannot all win");

            List<String> versions = json(send("GET", events + "/versions", null, admin)).getJsonArray("versions")
                    .stream().map(v -> v.asJsonObject().getString("note")).toList();
            assertEquals(1 + won, versions.size(), "one published version per acceptance: " + versions);
            assertNoDoubleBooking(event, ScheduleJson.read(published(), "published"));
        }
    }

    private static void assertNoDoubleBooking(Event event, ScheduleFile schedule) {
        Map<String, Integer> perPersonAndSlot = new HashMap<>();
        Map<String, String> tableUse = new HashMap<>();
        for (ScheduleFile.Placement m : schedule.meetings()) {
            for (String p : List.of(m.first(), m.second())) {
                int n = perPersonAndSlot.merge(p + "@" + m.slot(), 1, Integer::sum);
                assertTrue(n <= Math.max(1, event.participant(p).representatives()),
                        p + " has " + n + " meetings in slot " + m.slot());
            }
            if (m.table() != null) {
                String before = tableUse.put(m.table() + "@" + m.slot(), m.id());
                assertEquals(null, before, "table " + m.table() + " twice in slot " + m.slot());
            }
        }
    }
}
