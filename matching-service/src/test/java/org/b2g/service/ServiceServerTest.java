package org.b2g.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The whole path over a real socket: store, review candidates, solve with a progress stream, read the results. */
@ServerTest
class ServiceServerTest {

    private static Backend backend;
    private final URI uri;
    private final HttpClient http = HttpClient.newHttpClient();

    ServiceServerTest(URI uri) {
        this.uri = uri;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-server-test"));
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

    private HttpResponse<String> send(String method, String path, String body, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.resolve(path))
                .header("Authorization", TestService.bearer(TestService.ORGANIZER))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void storesSolvesAndPublishesAgendas() throws Exception {
        String events = "/api/events/" + TestService.EVENT_ID;
        assertEquals(201, send("POST", "/api/events", TestService.sampleEvent(), null).statusCode());

        HttpResponse<String> candidates = send("GET", events + "/candidates?participant=s-flood", null, null);
        assertEquals(200, candidates.statusCode());
        assertTrue(json(candidates).getJsonArray("candidates").stream().map(v -> v.asJsonObject())
                .anyMatch(c -> c.getString("origin").equals("must")), candidates.body());

        HttpResponse<String> started = send("POST", events + "/solve?timeLimit=2s", null, null);
        assertEquals(202, started.statusCode(), started.body());

        String last = lastStreamedStatus(events + "/solve/stream?token=" + TestService.ORGANIZER);
        JsonObject done = Json.createReader(new StringReader(last)).readObject();
        assertEquals("DONE", done.getString("state"), last);

        JsonObject schedule = json(send("GET", events + "/schedule", null, null));
        assertEquals("b2g-schedule/1", schedule.getString("format"));
        assertFalse(schedule.getBoolean("stale"));
        assertTrue(schedule.containsKey("metrics") && schedule.containsKey("unscheduled"));

        assertEquals(404, send("GET", events + "/participants/s-flood/agenda", null, null).statusCode(),
                "agendas show published schedules only");
        HttpResponse<String> published = send("POST", events + "/publish", null, null);
        assertEquals(201, published.statusCode(), published.body());
        assertEquals(1, json(published).getInt("version"));
        assertEquals(1, json(send("GET", events + "/versions", null, null)).getJsonArray("versions").size());
        JsonObject changes = json(send("GET", events + "/changes", null, null));
        assertEquals("b2g-changes/1", changes.getString("format"));
        assertEquals(0, changes.getJsonArray("moved").size(), "the draft is what was published");

        JsonObject token = json(send("GET", events + "/participants/s-flood/token", null, null));
        assertThat(token.getString("link"), startsWith(uri.toString().replaceAll("/$", "")));
        HttpResponse<String> agenda = http.send(HttpRequest.newBuilder(uri.resolve(events
                + "/participants/s-flood/agenda")).header("Authorization", "Bearer " + token.getString("token"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, agenda.statusCode());
        assertTrue(json(agenda).getJsonArray("meetings").stream().map(v -> v.asJsonObject())
                .anyMatch(m -> m.getJsonObject("counterpart").getString("id").equals("a-water")),
                "the must request of s-flood is in its agenda: " + agenda.body());

        HttpResponse<String> ics = send("GET", events + "/participants/s-flood/agenda", null, "text/calendar");
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow(), startsWith("text/calendar"));
        assertThat(ics.body(), startsWith("BEGIN:VCALENDAR\r\n"));
        assertThat(ics.body(), containsString("\r\nSEQUENCE:0\r\n"));
        String transport = send("GET", events + "/participants/a-transport/agenda", null, "text/calendar").body();
        assertTrue(java.util.regex.Pattern.compile("\r\nLOCATION:Table \\d\\\\, your seat [12]\r\n")
                .matcher(transport.replace("\r\n ", "")).find(),
                "a-transport sends two representatives: its calendar says which one goes where\n" + transport);

        assertEquals(200, send("PUT", events, TestService.sampleEvent().replace("Demo:", "Changed:"), null)
                .statusCode());
        assertTrue(json(send("GET", events + "/schedule", null, null)).getBoolean("stale"));
    }

    /** A path the server cannot even decode never reaches a route; its refusal is still a problem document. */
    @Test
    void refusesAMalformedPathWithAProblemDocument() throws Exception {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/events/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer, startsWith("HTTP/1.1 400"));
            assertThat(answer.toLowerCase(java.util.Locale.ROOT), containsString("content-type: application/problem+json"));
            assertThat(answer, containsString("\"status\":400"));
        }
    }

    /**
     * On a sample whose solve no stop rule ends early ({@link TestService#longSolvingSample}), so that the job is surely
     * still running when the second request and the stop come.
     */
    @Test
    void refusesASecondSolveAndStopsTheFirstKeepingItsBest() throws Exception {
        String solve = "/api/events/long-hcmc/solve";
        assertEquals(201, send("POST", "/api/events", TestService.longSolvingSample("long-hcmc"), null).statusCode());
        assertEquals(202, send("POST", solve + "?timeLimit=10m&unimproved=10m", null, null).statusCode());

        HttpResponse<String> second = send("POST", solve + "?timeLimit=10m", null, null);
        assertEquals(409, second.statusCode(), second.body());
        assertThat(second.headers().firstValue("Content-Type").orElseThrow(), startsWith("application/problem+json"));

        HttpResponse<String> stop = send("DELETE", solve, null, null);
        assertEquals(200, stop.statusCode(), stop.body());
        // DELETE waits a while for the best to be stored; the stream's end says it was, however slow the machine.
        String last = lastStreamedStatus(solve + "/stream?token=" + TestService.ORGANIZER);
        JsonObject stopped = Json.createReader(new StringReader(last)).readObject();
        assertEquals("DONE", stopped.getString("state"), last);
        assertTrue(stopped.getBoolean("stoppedEarly"), last);
        assertEquals(200, send("GET", "/api/events/long-hcmc/schedule", null, null).statusCode());
    }

    @Test
    void streamsProgressAtLeastEverySecondWithTheCandidateCount() throws Exception {
        String json = TestService.longSolvingSample("ticking");
        assertEquals(201, send("POST", "/api/events", json, null).statusCode());
        assertEquals(202, send("POST", "/api/events/ticking/solve?timeLimit=6s", null, null).statusCode());
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(
                uri.resolve("/api/events/ticking/solve/stream?token=" + TestService.ORGANIZER)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        java.util.List<Long> progressAt = new java.util.ArrayList<>();
        JsonObject lastProgress = null;
        long start = System.nanoTime();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "progress".equals(event)) {
                    progressAt.add((System.nanoTime() - start) / 1_000_000);
                    lastProgress = Json.createReader(new StringReader(line.substring(5).strip())).readObject();
                }
            }
        }
        // 6 s of solving with a progress event at least every second (a loaded machine may build slowly).
        assertTrue(progressAt.size() >= 4, "progress events at (ms): " + progressAt);
        assertTrue(lastProgress.getInt("candidates") > 0, lastProgress.toString());
        assertTrue(lastProgress.containsKey("elapsedMillis"), lastProgress.toString());
    }

    /** Reads the event stream to its end and returns the data of its last event, which must be 'done'. */
    private String lastStreamedStatus(String path) throws Exception {
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(uri.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow(), startsWith("text/event-stream"));
        String lastEvent = null;
        String lastData = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    lastEvent = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    lastData = line.substring(5).strip();
                }
            }
        }
        assertEquals("done", lastEvent);
        return lastData;
    }
}
