package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.time.Instant;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonArrayBuilder;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventJson;
import org.b2g.service.Backend;
import org.b2g.service.persistence.EventRepository.StoredEvent;

/**
 * {@code /api/events}: the organizer's events as {@code b2g-event/1} documents. A body is read and checked in full
 * before the one transaction that stores it, so a bad body leaves nothing behind.
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
            events.add(JSON.createObjectBuilder()
                    .add("id", e.id())
                    .add("name", e.name())
                    .add("version", e.version())
                    .add("participants", e.participants())
                    .add("updatedAt", Instant.ofEpochMilli(e.updatedAt()).toString()));
        }
        res.send(JSON.createObjectBuilder().add("events", events).build());
    }

    private void create(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String body = Bodies.text(req, backend.settings().maxBodyBytes());
        Event event = Bodies.event(body);
        boolean inserted = backend.database().inTransaction(c -> backend.events()
                .insert(c, event.id(), name(event), event.participants().size(), System.currentTimeMillis(), body));
        if (!inserted) {
            throw ApiException.conflict("An event with id (" + event.id() + ") exists already; PUT replaces it.");
        }
        res.status(Status.CREATED_201);
        res.header(HeaderNames.LOCATION, "/api/events/" + Paths.segment(event.id()));
        res.send(JSON.createObjectBuilder().add("id", event.id()).add("version", 1).build());
    }

    private void get(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        StoredEvent event = stored(backend, Paths.param(req, "id"));
        res.header(HeaderNames.ETAG, "\"" + event.version() + "\"");
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(event.body());
    }

    private void replace(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        String body = Bodies.text(req, backend.settings().maxBodyBytes());
        Event event = Bodies.event(body);
        if (!event.id().equals(id)) {
            throw ApiException.badRequest("request body: event.id (" + event.id() + ") differs from the id in the path ("
                    + id + ").");
        }
        int version = backend.database().inTransaction(c -> backend.events()
                .replace(c, id, name(event), event.participants().size(), System.currentTimeMillis(), body));
        if (version == 0) {
            throw noEvent(id);
        }
        res.send(JSON.createObjectBuilder().add("id", id).add("version", version).build());
    }

    private void delete(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        backend.solving().eventDeleted(id);
        if (!backend.database().inTransaction(c -> backend.events().delete(c, id))) {
            throw noEvent(id);
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The stored event; 404 when there is none. */
    static StoredEvent stored(Backend backend, String id) {
        StoredEvent stored = backend.database().inTransaction(c -> backend.events().find(c, id));
        if (stored == null) {
            throw noEvent(id);
        }
        return stored;
    }

    /** The stored event read back into the domain, for the resources under it; 404 when there is none. */
    static Event read(Backend backend, String id) {
        return EventJson.read(stored(backend, id).body(), "event " + id);
    }

    static ApiException noEvent(String id) {
        return ApiException.notFound("There is no event (" + id + ").");
    }

    private static String name(Event event) {
        String name = event.name() == null || event.name().isBlank() ? event.id() : event.name();
        return name.length() <= 1000 ? name : name.substring(0, 999) + "…";
    }
}
