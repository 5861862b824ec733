package org.b2g.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.b2g.service.http.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The pages read only fields the service sends. Every property the scripts read is either a field of a real answer
 * of the API (or of the b2g-event/1 document they download), or on the short list below of browser and page-own
 * names; a field the server never sends (a guess) fails the test by name.
 */
@RoutingTest
class PageFieldsTest {

    private static final String EVENT = "/api/events/" + TestService.EVENT_ID;
    private static final String[] SCRIPTS = {"api.js", "dom.js", "event.js", "i18n.js", "console.js", "agenda.js"};

    /** Browser, language and library names the scripts use. */
    private static final Set<String> PLATFORM = Set.of(
            "length", "hidden", "value", "textContent", "className", "classList", "dataset", "style", "tabIndex",
            "tBodies", "files", "disabled", "href", "title", "lang", "documentElement", "body", "target",
            "currentTarget", "parentElement", "activeElement", "key", "name", "message", "status", "statusText",
            "headers", "ok", "clipboard", "search", "pathname", "hash", "language", "languages", "api", "dom",
            "event", "i18n", "B2G", "done", "abort", "signal", "innerWidth", "flat", "detail", "participants",
            "participant", "cancelled", "options", "selectedOptions", "submitter", "size", "checked");

    /** Names of objects the pages build themselves (state, slots from the event, rankings, progress). */
    private static final Set<String> PAGE_OWN = Set.of(
            "id", "doc", "people", "schedule", "job", "timeLimit", "rankings", "started", "poll", "number", "session",
            "day", "start", "end", "candidates", "mark", "required", "order", "clock", "key", "t", "choose", "other",
            "paths", "call", "stream", "ApiError", "slots", "tables", "clockOfIso", "el", "startup", "agency",
            "company", "apply", "Authorization", "en", "vi", "replacement", "baseline", "current");

    /** Fields the service sends only in states the solved sample is not in (a job that is still solving). */
    private static final Set<String> SENT_WHILE_SOLVING = Set.of("elapsedMillis", "movesTried");

    /** Fields of a change report's moved meetings: the draft of the sample is the published version, so none moved. */
    private static final Set<String> SENT_WHEN_A_DRAFT_DIFFERS = Set.of("from", "to");

    /** Fields of the answers to marking somebody absent and taking it back, which the sample's routes do not do. */
    private static final Set<String> SENT_FOR_AN_ABSENCE = Set.of("offers", "suggestions", "breakChange", "restored",
            "notRestored", "waiting");

    /**
     * Fields of a repair job whose plan has something to say (slots renumbered since publication): the sample's job
     * is a plain solve. {@code SolveJobsTest} sees a repair send them.
     */
    private static final Set<String> SENT_BY_A_REPAIR_PLAN = Set.of("notes", "warnings");

    /**
     * Sent by the counterparts route while requests are paused (an edit removed what the published schedule names):
     * the sample's edit only adds requests. {@code SelfServiceRoutingTest} sees it sent.
     */
    private static final Set<String> SENT_WHILE_PAUSED = Set.of("paused");

    private static Backend backend;
    /** A participant with counterparts left to meet. */
    private static String withCounterparts;
    private final DirectClient client;

    PageFieldsTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        backend = TestService.backend(TestService.dataDir("b2g-page-fields"));
        TestService.publishSolvedSample(backend);
        requestsInEveryState();
        Api.register(routing, backend);
    }

    /** Self-service on, and s-flood with an accepted, a declined and a pending request, so every field is sent. */
    private static void requestsInEveryState() {
        var self = backend.selfService();
        self.setEnabled(TestService.EVENT_ID, true);
        var event = org.b2g.core.io.EventJson.read(TestService.sampleEvent(), "sample");
        int made = 0;
        for (var other : event.participants()) {
            if (other.role() == event.participant("s-flood").role()) {
                continue; // a startup asks agencies
            }
            for (int slot = 1; slot <= event.slotCount() && made < 3; slot++) {
                org.b2g.service.persistence.RequestRepository.StoredRequest request;
                try {
                    request = self.ask(TestService.EVENT_ID, "s-flood", other.id(), slot);
                } catch (org.b2g.service.solving.SelfService.RejectedException e) {
                    continue; // not free then
                }
                switch (made++) {
                    case 0 -> self.accept(TestService.EVENT_ID, other.id(), request.id());
                    case 1 -> self.decline(TestService.EVENT_ID, other.id(), request.id());
                    default -> { }
                }
                break;
            }
        }
        assertEquals(3, made, "s-flood finds three participants to ask");
        // Late requests after publication: counterparts that the published schedule does not meet yet.
        String late = TestService.sampleEvent().replace("\"requests\": [", "\"requests\": [{\"from\": \"s-vision\","
                + " \"to\": \"a-justice\"}, {\"from\": \"s-shield\", \"to\": \"a-transport\"}, {\"from\":"
                + " \"s-park\", \"to\": \"a-info\"}, {\"from\": \"s-chat\", \"to\": \"a-water\"},");
        assertTrue(!late.equals(TestService.sampleEvent()), "the sample has a requests list to add to");
        backend.database().inTransaction(c -> backend.events().replace(c, TestService.EVENT_ID, "demo", 10, 2L, late));
        withCounterparts = event.participants().stream().map(p -> p.id())
                .filter(id -> !self.counterparts(TestService.EVENT_ID, id).counterparts().isEmpty())
                .findFirst().orElseThrow();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void everyFieldThePagesReadIsSentByTheService() throws Exception {
        Set<String> sent = new TreeSet<>();
        for (String path : new String[] {"/api/events", EVENT, EVENT + "/solve", EVENT + "/schedule",
                EVENT + "/candidates", EVENT + "/participants", EVENT + "/participants/s-flood/token",
                EVENT + "/participants/s-flood/agenda", EVENT + "/versions", EVENT + "/changes", EVENT + "/day",
                EVENT + "/self-service", EVENT + "/participants/" + withCounterparts + "/counterparts",
                EVENT + "/participants/s-flood/requests",
                EVENT + "/nothing-here"}) {
            try (HttpClientResponse response = client.get(path)
                    .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER)).request()) {
                keys(Json.createReader(new StringReader(response.as(String.class))).readValue(), sent);
            }
        }
        // A workbook upload the service refuses: the console lists its errors.
        try (HttpClientResponse refused = client.post("/api/events")
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER))
                .header(HeaderNames.CONTENT_TYPE, org.b2g.core.sheets.EventSheets.XLSX_MEDIA_TYPE)
                .submit("not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            assertEquals(400, refused.status().code());
            keys(Json.createReader(new StringReader(refused.as(String.class))).readValue(), sent);
        }
        Set<String> unknown = new TreeSet<>();
        for (String script : SCRIPTS) {
            for (String field : reads(code(script))) {
                if (!sent.contains(field) && !PLATFORM.contains(field) && !PAGE_OWN.contains(field)
                        && !SENT_WHILE_SOLVING.contains(field) && !SENT_WHEN_A_DRAFT_DIFFERS.contains(field)
                        && !SENT_FOR_AN_ABSENCE.contains(field) && !SENT_BY_A_REPAIR_PLAN.contains(field)
                        && !SENT_WHILE_PAUSED.contains(field)) {
                    unknown.add(script + ": ." + field);
                }
            }
        }
        assertTrue(unknown.isEmpty(), "read by the pages but sent by no answer: " + unknown);
    }

    @Test
    void findsAGuessedField() {
        assertTrue(reads("const x = update.timeSpent ?? status.bestScore; e.preventDefault();")
                .containsAll(Set.of("timeSpent", "bestScore")));
        assertTrue(!reads("e.preventDefault(); 'a.b'; // c.d").contains("preventDefault"));
    }

    private static void keys(JsonValue value, Set<String> into) {
        if (value instanceof JsonObject object) {
            object.forEach((key, member) -> {
                into.add(key);
                keys(member, into);
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> keys(item, into));
        }
    }

    /** Properties read (not called) in {@code code}: {@code x.name} and {@code x?.name}, not followed by "(". */
    static Set<String> reads(String code) {
        Set<String> fields = new TreeSet<>();
        Matcher m = Pattern.compile("[\\w$)\\]]\\??\\.([A-Za-z_$][\\w$]*+)(?!\\s*\\()").matcher(strip(code));
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    /** The script without comments and without the text of string literals (template expressions are kept). */
    private static String strip(String code) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        java.util.Deque<Integer> templates = new java.util.ArrayDeque<>(); // brace depth at each ${ ... }
        int depth = 0;
        boolean inTemplate = false;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (inTemplate) {
                if (c == '\\') {
                    i += 2;
                } else if (c == '`') {
                    inTemplate = false;
                    out.append("``");
                    i++;
                } else if (c == '$' && i + 1 < code.length() && code.charAt(i + 1) == '{') {
                    templates.push(depth);
                    inTemplate = false;
                    out.append(' ');
                    i += 2;
                } else {
                    i++;
                }
            } else if (code.startsWith("//", i)) {
                i = code.indexOf('\n', i) < 0 ? code.length() : code.indexOf('\n', i);
            } else if (code.startsWith("/*", i)) {
                i = code.indexOf("*/", i) + 2;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != c) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                out.append("''");
                i = j + 1;
            } else if (c == '`') {
                inTemplate = true;
                i++;
            } else {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (!templates.isEmpty() && templates.peek() == depth) {
                        templates.pop();
                        inTemplate = true;
                        out.append(' ');
                        i++;
                        continue;
                    }
                    depth--;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String code(String script) throws Exception {
        try (InputStream in = PageFieldsTest.class.getResourceAsStream("/web/js/" + script)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
