package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.b2g.core.sheets.EventSheets;

/**
 * The OpenAPI 3 document of the API, written from one table of operations. A test compares this table with the
 * routes the services register, so the document cannot silently fall behind the code.
 */
final class OpenApi {

    /** Who may call an operation. */
    enum Caller { ANYONE, ORGANIZER, ORGANIZER_OR_PARTICIPANT }

    /** A query parameter: name, schema type, description. */
    record Query(String name, String type, String description) {
    }

    /**
     * One operation. {@code success} maps the success status to its media type; {@code errors} lists the
     * problem statuses it may answer besides 401/403 (added from {@code caller}).
     */
    record Operation(String method, String path, String summary, Caller caller, boolean eventBody,
            List<Query> query, Map<Integer, String> success, List<Integer> errors) {
    }

    private static final String JSON_TYPE = "application/json";
    /** JSON by default; a workbook or CSV by {@code Accept}. */
    private static final String SHEETS = JSON_TYPE + "|" + EventSheets.XLSX_MEDIA_TYPE + "|" + Downloads.CSV_TYPE;

    /** Of a CSV answer (400 with any other): Excel where the decimal mark is a comma expects ';'. */
    private static final Query SEPARATOR = new Query("separator", "string", "CSV only: , (default), ; (%3B) for"
            + " Excel in locales whose decimal mark is a comma (decimals then written 0,82), or a tab (%09); or"
            + " comma, semicolon, tab");

    static final List<Operation> OPERATIONS = List.of(
            new Operation("get", "/api/health", "Whether the service and its database answer", Caller.ANYONE, false,
                    List.of(), Map.of(200, JSON_TYPE), List.of(400, 503)),
            new Operation("get", "/api/openapi", "This document", Caller.ANYONE, false,
                    List.of(), Map.of(200, JSON_TYPE), List.of(400)),
            new Operation("get", "/api/events", "List the events, each with the state of its last solve",
                    Caller.ORGANIZER, false, List.of(), Map.of(200, JSON_TYPE), List.of()),
            new Operation("post", "/api/events", "Create an event from a b2g-event/1 document or an .xlsx workbook;"
                    + " answers its id, version and warnings (what it allows but most likely does not mean; for a"
                    + " workbook also what the import ignored, as ./b2g import says it). Ids of the event, its"
                    + " participants and required meetings may not hold '/' or ';' nor be '.' or '..' (400): the"
                    + " server decodes %2F and takes ';' for a path parameter before routing",
                    Caller.ORGANIZER, true, List.of(), Map.of(201, JSON_TYPE), List.of(400, 409, 413, 415)),
            new Operation("get", "/api/events/{id}", "The event as stored (b2g-event/1)", Caller.ORGANIZER, false,
                    List.of(), Map.of(200, JSON_TYPE), List.of(404)),
            new Operation("put", "/api/events/{id}", "Replace the event (b2g-event/1 or .xlsx; only the version"
                    + " If-Match names, when sent); a schedule solved before becomes stale; removed participants lose"
                    + " their agenda and link",
                    Caller.ORGANIZER, true, List.of(), Map.of(200, JSON_TYPE),
                    List.of(400, 404, 409, 412, 413, 415)),
            new Operation("delete", "/api/events/{id}", "Delete the event, its schedule and its job; stops solving",
                    Caller.ORGANIZER, false, List.of(), Map.of(204, ""), List.of(404)),
            new Operation("post", "/api/events/{id}/solve", "Start solving (one job per event)", Caller.ORGANIZER,
                    false, List.of(
                            new Query("timeLimit", "string", "Wall-clock limit such as 30s, 2m or PT30S"),
                            new Query("unimproved", "string",
                                    "Stop when no better schedule came for this long (default: grows with the event)"),
                            new Query("seed", "integer", "Random seed"),
                            new Query("moveLimit", "integer", "Stop after this many moves (repeatable runs)")),
                    Map.of(202, JSON_TYPE), List.of(400, 404, 409, 503)),
            new Operation("post", "/api/events/{id}/repair", "Start repairing the event from its published schedule"
                    + " (a job like solve; its result is the draft)", Caller.ORGANIZER, false, List.of(
                            new Query("mode", "string", "minimal (default: moves a published meeting only for a"
                                    + " required meeting, a must request or a minimum) or freeze (moves none)"),
                            new Query("timeLimit", "string", "Wall-clock limit such as 30s, 2m or PT30S"),
                            new Query("seed", "integer", "Random seed"),
                            new Query("moveLimit", "integer", "Stop after this many moves (repeatable runs)")),
                    Map.of(202, JSON_TYPE), List.of(400, 404, 409, 503)),
            new Operation("post", "/api/events/{id}/publish", "Publish the draft (or, with version, an earlier"
                    + " published version again) as the next published version: agendas and calendars show it (201);"
                    + " 200 with the latest version when it already holds the same meetings; 404 for a version never"
                    + " published (the answer names those there are), 409 for a draft or version that no longer fits"
                    + " the event or would undo what happened since",
                    Caller.ORGANIZER, false, List.of(new Query("version", "integer",
                            "An earlier published version to publish again (roll back)")),
                    new TreeMap<>(Map.of(200, JSON_TYPE, 201, JSON_TYPE)), List.of(400, 404, 409)),
            new Operation("get", "/api/events/{id}/versions", "The published versions, oldest first",
                    Caller.ORGANIZER, false, List.of(), Map.of(200, JSON_TYPE), List.of(404)),
            new Operation("get", "/api/events/{id}/versions/{version}", "One published version (b2g-schedule/1)",
                    Caller.ORGANIZER, false, List.of(), Map.of(200, JSON_TYPE), List.of(400, 404)),
            new Operation("put", "/api/events/{id}/participants/{pid}/meetings/{mid}/attendance", "On the day: mark"
                    + " a published meeting held or no-show (or pending again): the organizer, or the participant for"
                    + " its own meeting", Caller.ORGANIZER_OR_PARTICIPANT, false, List.of(new Query("state", "string",
                            "held, no-show or pending")), Map.of(200, JSON_TYPE), List.of(400, 403, 404, 409)),
            new Operation("get", "/api/events/{id}/day", "On the day: each published meeting's state (held, no-show,"
                    + " pending), the counts per table, and who is absent", Caller.ORGANIZER, false, List.of(),
                    Map.of(200, JSON_TYPE), List.of(404, 409)),
            new Operation("post", "/api/events/{id}/participants/{pid}/absence", "On the day: mark a participant"
                    + " absent; its meetings not held yet are cancelled in a new published version, each freed"
                    + " slot comes with meetings that fit there, and its self-service requests are closed"
                    + " (requestsClosed: pending ones asked of it declined, those it asked or accepted ones it loses"
                    + " cancelled, each with the absence as reason); while the published schedule no longer fits"
                    + " the edited event, the absence is recorded and nothing is published (waiting says so: repair"
                    + " and publish)", Caller.ORGANIZER, false, List.of(),
                    Map.of(200, JSON_TYPE), List.of(404, 409)),
            new Operation("delete", "/api/events/{id}/participants/{pid}/absence", "On the day: take back an"
                    + " absence recorded by mistake; in a new published version the meetings it cancelled come back"
                    + " at their slot (restored: at their table, or another free one then) unless they can no"
                    + " longer take place (notRestored, each with its reason: the slot has started or was re-used,"
                    + " the counterpart left or is absent too), and accepted requests it cancelled are accepted"
                    + " again (requestsReopened); an absence recorded while publishing waited, with nothing"
                    + " published since, is taken back without publishing (note says so); 404 when the participant"
                    + " is not marked absent; 409 while the published schedule no longer fits the edited event and a"
                    + " published version holds the absence",
                    Caller.ORGANIZER, false, List.of(), Map.of(200, JSON_TYPE), List.of(404, 409)),
            new Operation("get", "/api/events/{id}/changes", "b2g-changes/1: what publishing the draft would change"
                    + " for the people of the published version; mode is the repair's (minimal, freeze) or solve",
                    Caller.ORGANIZER, false, List.of(),
                    Map.of(200, JSON_TYPE), List.of(404, 409)),
            new Operation("get", "/api/events/{id}/solve",
                    "The solve job: state SOLVING, DONE or FAILED, score, bestSince, reason", Caller.ORGANIZER, false,
                    List.of(), Map.of(200, JSON_TYPE), List.of(404)),
            new Operation("delete", "/api/events/{id}/solve", "Stop solving early and keep the best schedule",
                    Caller.ORGANIZER, false, List.of(), Map.of(200, JSON_TYPE), List.of(404)),
            new Operation("get", "/api/events/{id}/solve/stream",
                    "Server-Sent Events: 'progress' at each new best and at least every second (time, best score, meetings"
                            + " placed, moves tried), then 'done'", Caller.ORGANIZER, false,
                    List.of(new Query("token", "string", "The organizer token, for EventSource (no header)")),
                    Map.of(200, "text/event-stream"), List.of(404)),
            new Operation("get", "/api/events/{id}/schedule",
                    "The last schedule (b2g-schedule/1) with unscheduled list, metrics and 'stale'; with Accept an"
                    + " .xlsx workbook (meetings, agendas, grid, unscheduled) or the meetings as CSV",
                    Caller.ORGANIZER, false, List.of(SEPARATOR), Map.of(200, SHEETS), List.of(400, 404, 409)),
            new Operation("get", "/api/events/{id}/candidates",
                    "Ranked candidate meetings with origin, relevance and reasons", Caller.ORGANIZER, false,
                    List.of(new Query("participant", "string", "Only the candidates of this participant")),
                    Map.of(200, JSON_TYPE), List.of(404, 503)),
            new Operation("get", "/api/events/{id}/feasibility",
                    "Causes that make the required meetings impossible, found before solving", Caller.ORGANIZER,
                    false, List.of(), Map.of(200, JSON_TYPE), List.of(404, 503)),
            new Operation("get", "/api/events/{id}/participants",
                    "Participants with their personal links; with Accept a sheet (.xlsx or CSV: id, name, role, email,"
                    + " link, calendar) for a mail merge",
                    Caller.ORGANIZER, false, List.of(SEPARATOR), Map.of(200, SHEETS), List.of(400, 404)),
            new Operation("get", "/api/events/{id}/participants/{pid}/token",
                    "A participant's personal token, link and calendar link", Caller.ORGANIZER, false, List.of(),
                    Map.of(200, JSON_TYPE), List.of(404)),
            new Operation("post", "/api/events/{id}/participants/{pid}/token",
                    "A new personal token for the participant: its old link stops working at once", Caller.ORGANIZER,
                    false, List.of(), Map.of(200, JSON_TYPE), List.of(404, 409)),
            new Operation("get", "/api/events/{id}/participants/{pid}/agenda",
                    "A participant's agenda (b2g-agenda/1), or iCalendar with Accept: text/calendar or ?format=ics"
                            + " (409 when its meetings have no clock time: the event's sessions give no day and start)",
                    Caller.ORGANIZER_OR_PARTICIPANT, false,
                    List.of(new Query("format", "string", "ics for iCalendar"),
                            new Query("token", "string", "The personal token, for links opened in a browser")),
                    Map.of(200, JSON_TYPE + "|text/calendar"), List.of(404, 409)),
            new Operation("get", "/api/events/{id}/self-service", "Whether self-service is on, and every meeting"
                    + " request of the event with its state", Caller.ORGANIZER, false, List.of(),
                    Map.of(200, JSON_TYPE), List.of(404)),
            new Operation("put", "/api/events/{id}/self-service", "Turn self-service on or off for the event"
                    + " (off by default)", Caller.ORGANIZER, false, List.of(), Map.of(200, JSON_TYPE),
                    List.of(400, 404, 413, 415)),
            new Operation("get", "/api/events/{id}/participants/{pid}/counterparts", "The counterparts the"
                    + " participant may still ask for a meeting: the other side, not met yet, not excluded, not"
                    + " absent, with the slots where both are free and a table is in the published schedule; the"
                    + " pairs somebody asked for first, then by relevance (origin 'available' when the pair is no"
                    + " candidate); requests and recommendations without such a slot last, with the reason; total"
                    + " counts them all. None, with 'paused' saying why, while an edit not published yet removed a"
                    + " participant, slot or table the published schedule names (an ask is then refused, 409, in"
                    + " the same words)", Caller.ORGANIZER_OR_PARTICIPANT, false, List.of(new Query("limit",
                            "integer", "Most counterparts listed, 1 to 5000 (default 100)")),
                    Map.of(200, JSON_TYPE), List.of(400, 404)),
            new Operation("get", "/api/events/{id}/participants/{pid}/requests", "The participant's meeting requests,"
                    + " made and received, with state, closedBy and, when the organizer's action closed one, reason", Caller.ORGANIZER_OR_PARTICIPANT, false, List.of(),
                    Map.of(200, JSON_TYPE), List.of(404)),
            new Operation("post", "/api/events/{id}/participants/{pid}/requests", "Ask a counterpart for a meeting in"
                    + " a slot where both are free", Caller.ORGANIZER_OR_PARTICIPANT, false, List.of(),
                    Map.of(201, JSON_TYPE), List.of(400, 404, 409, 413, 415)),
            new Operation("post", "/api/events/{id}/participants/{pid}/requests/{rid}/accept", "Accept a request:"
                    + " the meeting enters the published schedule as its next version (409 when the slot was taken"
                    + " meanwhile)", Caller.ORGANIZER_OR_PARTICIPANT, false, List.of(), Map.of(200, JSON_TYPE),
                    List.of(404, 409)),
            new Operation("post", "/api/events/{id}/participants/{pid}/requests/{rid}/decline", "Decline a request",
                    Caller.ORGANIZER_OR_PARTICIPANT, false, List.of(), Map.of(200, JSON_TYPE), List.of(404, 409)),
            new Operation("post", "/api/events/{id}/participants/{pid}/requests/{rid}/cancel", "Cancel a request"
                    + " (either side); an accepted meeting leaves the published schedule as its next version",
                    Caller.ORGANIZER_OR_PARTICIPANT, false, List.of(), Map.of(200, JSON_TYPE), List.of(404, 409)));

    /** The small JSON bodies some operations take, by method and path. */
    private static final Map<String, String> BODIES = Map.of(
            "put /api/events/{id}/self-service", "{\"enabled\": true} or {\"enabled\": false}",
            "post /api/events/{id}/participants/{pid}/requests",
            "{\"with\": \"a-water\", \"slot\": 4}: whom to meet and in which slot");

    /** Operations whose answers carry an ETag and answer 304 to an If-None-Match that names it (Revalidation). */
    static final Set<String> REVALIDATED = Set.of("get /api/events/{id}/participants/{pid}/agenda");

    /** Where the API is served: relative to the address the document was read from. */
    static final String SERVER = "/";
    static final String LICENSE = "Apache-2.0";
    static final String LICENSE_URL = "https://www.apache.org/licenses/LICENSE-2.0";

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private OpenApi() {
    }

    static JsonObject document() {
        Map<String, JsonObjectBuilder> paths = new LinkedHashMap<>();
        for (Operation op : OPERATIONS) {
            paths.computeIfAbsent(op.path(), p -> JSON.createObjectBuilder()).add(op.method(), operation(op));
        }
        JsonObjectBuilder pathsJson = JSON.createObjectBuilder();
        paths.forEach(pathsJson::add);
        JsonObject problem = JSON.createObjectBuilder()
                .add("type", "object")
                .add("properties", JSON.createObjectBuilder()
                        .add("type", JSON.createObjectBuilder().add("type", "string"))
                        .add("title", JSON.createObjectBuilder().add("type", "string"))
                        .add("status", JSON.createObjectBuilder().add("type", "integer"))
                        .add("detail", JSON.createObjectBuilder().add("type", "string"))
                        .add("instance", JSON.createObjectBuilder().add("type", "string"))
                        .add("errors", JSON.createObjectBuilder().add("type", "array")
                                .add("description", "Every problem of a bad input, one line each")
                                .add("items", JSON.createObjectBuilder().add("type", "string"))))
                .build();
        return JSON.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("info", JSON.createObjectBuilder()
                        .add("title", "B2G matchmaking and meeting scheduling")
                        .add("version", "1")
                        .add("description", "Events in b2g-event/1, schedules in b2g-schedule/1, agendas in "
                                + "b2g-agenda/1; errors as application/problem+json (RFC 9457). Tokens go in the "
                                + "Authorization header; only agendas and event streams also take ?token=.")
                        .add("license", JSON.createObjectBuilder().add("name", LICENSE).add("url", LICENSE_URL)))
                .add("servers", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("url", SERVER)
                        .add("description", "This service")))
                .add("paths", pathsJson)
                .add("components", JSON.createObjectBuilder()
                        .add("schemas", JSON.createObjectBuilder().add("Problem", problem))
                        .add("securitySchemes", JSON.createObjectBuilder()
                                .add("organizer", bearer("The organizer token (B2G_ADMIN_TOKEN or data/admin-token)"))
                                .add("participant", bearer("A participant's personal token"))))
                .build();
    }

    private static JsonObject operation(Operation op) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("summary", op.summary())
                .add("operationId", op.method() + op.path().replaceAll("[^A-Za-z]+", "_"));
        JsonArrayBuilder parameters = JSON.createArrayBuilder();
        Matcher m = PARAM.matcher(op.path());
        while (m.find()) {
            parameters.add(JSON.createObjectBuilder().add("name", m.group(1)).add("in", "path")
                    .add("required", true).add("schema", JSON.createObjectBuilder().add("type", "string")));
        }
        for (Query q : op.query()) {
            parameters.add(JSON.createObjectBuilder().add("name", q.name()).add("in", "query")
                    .add("required", false).add("description", q.description())
                    .add("schema", JSON.createObjectBuilder().add("type", q.type())));
        }
        if (op.method().equals("put") && op.eventBody()) {
            parameters.add(JSON.createObjectBuilder().add("name", "If-Match").add("in", "header")
                    .add("required", false)
                    .add("description", "The ETag of the version this replacement was made from; 412 when the event"
                            + " has changed since")
                    .add("schema", JSON.createObjectBuilder().add("type", "string")));
        }
        boolean revalidated = REVALIDATED.contains(op.method() + " " + op.path());
        if (revalidated) {
            parameters.add(JSON.createObjectBuilder().add("name", "If-None-Match").add("in", "header")
                    .add("required", false)
                    .add("description", "The ETag of the copy the client holds; 304 without a body while it is"
                            + " still the current one")
                    .add("schema", JSON.createObjectBuilder().add("type", "string")));
        }
        json.add("parameters", parameters);
        if (op.eventBody()) {
            json.add("requestBody", JSON.createObjectBuilder().add("required", true)
                    .add("description", "A b2g-event/1 document (docs/formats.md) or an .xlsx workbook in the"
                            + " spreadsheet layout (docs/spreadsheets.md), imported into one")
                    .add("content", JSON.createObjectBuilder()
                            .add(JSON_TYPE, JSON.createObjectBuilder()
                                    .add("schema", JSON.createObjectBuilder().add("type", "object")))
                            .add(EventSheets.XLSX_MEDIA_TYPE, JSON.createObjectBuilder()
                                    .add("schema", JSON.createObjectBuilder().add("type", "string")
                                            .add("format", "binary")))));
        }
        String small = BODIES.get(op.method() + " " + op.path());
        if (small != null) {
            json.add("requestBody", JSON.createObjectBuilder().add("required", true)
                    .add("description", small)
                    .add("content", JSON.createObjectBuilder().add(JSON_TYPE, JSON.createObjectBuilder()
                            .add("schema", JSON.createObjectBuilder().add("type", "object")))));
        }
        JsonObjectBuilder responses = JSON.createObjectBuilder();
        op.success().forEach((status, types) -> {
            JsonObjectBuilder response = JSON.createObjectBuilder().add("description", "Success");
            if (!types.isEmpty()) {
                JsonObjectBuilder content = JSON.createObjectBuilder();
                for (String type : types.split("\\|")) {
                    content.add(type, JSON.createObjectBuilder());
                }
                response.add("content", content);
            }
            if (revalidated) {
                response.add("headers", revalidationHeaders());
            }
            responses.add(String.valueOf(status), response);
        });
        if (revalidated) {
            responses.add("304", JSON.createObjectBuilder()
                    .add("description", "Not Modified: the copy whose ETag If-None-Match names is still current;"
                            + " no body")
                    .add("headers", revalidationHeaders()));
        }
        List<Integer> errors = new ArrayList<>(op.errors());
        if (op.caller() != Caller.ANYONE) {
            errors.add(401);
            errors.add(403);
            JsonArrayBuilder security = JSON.createArrayBuilder()
                    .add(JSON.createObjectBuilder().add("organizer", JSON.createArrayBuilder()));
            if (op.caller() == Caller.ORGANIZER_OR_PARTICIPANT) {
                security.add(JSON.createObjectBuilder().add("participant", JSON.createArrayBuilder()));
            }
            json.add("security", security);
        } else {
            json.add("security", JSON.createArrayBuilder()); // public, said explicitly
        }
        errors.stream().sorted().forEach(status -> responses.add(String.valueOf(status), JSON.createObjectBuilder()
                .add("description", io.helidon.http.Status.create(status).reasonPhrase())
                .add("content", JSON.createObjectBuilder().add(Problems.MEDIA_TYPE, JSON.createObjectBuilder()
                        .add("schema", JSON.createObjectBuilder().add("$ref", "#/components/schemas/Problem"))))));
        return json.add("responses", responses).build();
    }

    /** What an answer that may be kept and revalidated says about itself. */
    private static JsonObject revalidationHeaders() {
        return JSON.createObjectBuilder()
                .add("ETag", JSON.createObjectBuilder()
                        .add("description", "A strong tag of this answer's bytes: it changes with every published"
                                + " version and every change to the answer")
                        .add("schema", JSON.createObjectBuilder().add("type", "string")))
                .add("Cache-Control", JSON.createObjectBuilder()
                        .add("description", "private, no-cache: a browser or calendar may keep a copy but asks with"
                                + " If-None-Match before using it; shared caches keep none")
                        .add("schema", JSON.createObjectBuilder().add("type", "string")))
                .add("Vary", JSON.createObjectBuilder()
                        .add("description", "Accept: JSON and iCalendar share the address")
                        .add("schema", JSON.createObjectBuilder().add("type", "string")))
                .build();
    }

    private static JsonObject bearer(String description) {
        return JSON.createObjectBuilder().add("type", "http").add("scheme", "bearer")
                .add("description", description).build();
    }
}
