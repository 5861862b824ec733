package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.io.EventJson;
import org.b2g.service.Backend;
import org.b2g.service.persistence.EventRepository.StoredEvent;
import org.b2g.service.solving.JobStatus;

/**
 * {@code /api/events}: the organizer's events as {@code b2g-event/1} documents, sent as JSON or as an {@code .xlsx}
 * workbook that is imported into one (stored as the JSON it makes). A body is read and checked in full
 * before the one transaction that stores it, so a bad body leaves nothing behind. GET sends the version as ETag and
 * PUT honours {@code If-Match}, so that two organizers editing at once do not lose each other's changes.
 */
final class EventsService implements HttpService {

    private final Backend backend;
    private final Access access;

    EventsService(Backend backend, Access access) {
        this.backend = backend;
        this.access = access;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{id}", this::get)
                .put("/{id}", this::replace)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        JsonArrayBuilder events = JSON.createArrayBuilder();
        for (StoredEvent e : backend.database().inTransaction(backend.events()::list)) {
            JsonObjectBuilder event = JSON.createObjectBuilder()
                    .add("id", e.id())
                    .add("name", e.name())
                    .add("version", e.version())
                    .add("participants", e.participants())
                    .add("updatedAt", Instant.ofEpochMilli(e.updatedAt()).toString());
            JobStatus job = backend.solving().status(e.id());
            if (job != null) {
                event.add("solve", JSON.createObjectBuilder()
                        .add("state", job.state().name())
                        .add("scheduled", job.scheduled())
                        .add("stale", job.eventVersion() != e.version()));
            }
            events.add(event);
        }
        JsonAnswers.send(res, JSON.createObjectBuilder().add("events", events).build());
    }

    private void create(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        Bodies.EventBody body = Bodies.eventBody(req, backend.settings());
        Event event = body.event();
        boolean inserted = backend.database().inTransaction(c -> backend.events()
                .insert(c, event.id(), name(event), event.participants().size(), System.currentTimeMillis(),
                        body.json()));
        if (!inserted) {
            throw ApiException.conflict("An event with id (" + event.id() + ") exists already; PUT replaces it.");
        }
        res.status(Status.CREATED_201);
        res.header(HeaderNames.LOCATION, "/api/events/" + Paths.segment(event.id()));
        res.header(HeaderNames.ETAG, etag(1));
        JsonAnswers.send(res, stored(body, 1));
    }

    private void get(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        StoredEvent event = EventLookup.stored(backend, Paths.param(req, "id"));
        res.header(HeaderNames.ETAG, etag(event.version()));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(event.body());
    }

    /**
     * Replaces the event; with {@code If-Match} only while it is still at that version (412 otherwise). Participants
     * the new version no longer has lose their agenda, their personal link and their absence.
     */
    private void replace(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        int expected = ifMatch(req);
        Bodies.EventBody body = Bodies.eventBody(req, backend.settings());
        Event event = body.event();
        if (!event.id().equals(id)) {
            throw ApiException.badRequest("request body: event.id (" + event.id() + ") differs from the id in the path ("
                    + id + ").");
        }
        Set<String> kept = new HashSet<>();
        event.participants().forEach(p -> kept.add(p.id()));
        int version = backend.database().inTransaction(c -> {
            StoredEvent before = backend.events().find(c, id);
            if (before == null) {
                return 0;
            }
            int next = backend.events().replace(c, id, name(event), event.participants().size(),
                    System.currentTimeMillis(), body.json(), expected);
            if (next > 0) {
                backend.day().requireKeepsHistory(c, id, event); // refused: the transaction stores nothing
                Set<String> removed = new HashSet<>();
                for (Participant p : EventJson.read(before.body(), "event " + id).participants()) {
                    if (!kept.contains(p.id())) {
                        removed.add(p.id());
                    }
                }
                backend.schedules().deleteAgendas(c, id, removed);
                backend.selfService().participantsLeft(c, id, removed);
                backend.day().participantsLeft(c, id, removed);
                backend.links().rotate(c, id, removed);
            }
            return next;
        });
        if (version == 0) {
            throw EventLookup.notFound(id);
        }
        if (version < 0) {
            throw new ApiException(Status.PRECONDITION_FAILED_412, "The event (" + id + ") is no longer at version "
                    + expected + " (If-Match); read it again and apply your change to the current version.");
        }
        res.header(HeaderNames.ETAG, etag(version));
        JsonAnswers.send(res, stored(body, version));
    }

    /**
     * The answer to a stored event: its id, its version and what it allows but its organizer most likely did not mean
     * (a field that looks misspelt, a missing time zone, a request between an excluded pair, a minimum no schedule
     * reaches; for a workbook also the columns, sheets and keys the import ignored), one sentence each, as the command
     * line prints them ({@code ./b2g import} for a workbook, the verbs that read a JSON event before they work on it);
     * empty when there is nothing to check.
     */
    private static JsonObject stored(Bodies.EventBody body, int version) {
        Event event = body.event();
        JsonArrayBuilder warnings = JSON.createArrayBuilder();
        body.warnings().forEach(warnings::add);
        return JSON.createObjectBuilder().add("id", event.id()).add("version", version).add("warnings", warnings)
                .build();
    }

    private void delete(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        backend.solving().eventDeleted(id);
        if (!backend.database().inTransaction(c -> backend.events().delete(c, id))) {
            throw EventLookup.notFound(id);
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The version {@code If-Match} asks for; 0 when absent or {@code *}; 400 when it is not one of our ETags. */
    private static int ifMatch(ServerRequest req) {
        String header = req.headers().first(HeaderNames.IF_MATCH).orElse(null);
        if (header == null || header.strip().equals("*")) {
            return 0;
        }
        String tag = header.strip();
        if (tag.matches("\"[1-9][0-9]{0,8}\"")) {
            return Integer.parseInt(tag.substring(1, tag.length() - 1));
        }
        throw ApiException.badRequest("If-Match (" + (tag.length() > 40 ? tag.substring(0, 37) + "..." : tag)
                + ") should be one ETag of this event, e.g. \"3\", as GET sent it.");
    }

    private static String etag(int version) {
        return "\"" + version + "\"";
    }

    private static String name(Event event) {
        String name = event.name() == null || event.name().isBlank() ? event.id() : event.name();
        return name.length() <= 1000 ? name : name.substring(0, 999) + "…";
    }
}
