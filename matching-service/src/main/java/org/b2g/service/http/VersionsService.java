package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.io.StringReader;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.b2g.core.io.ChangesJson;
import org.b2g.service.Backend;
import org.b2g.service.JsonFactory;
import org.b2g.service.solving.Publication;

/**
 * The life cycle of an event's schedule: {@code POST /{id}/publish} makes the draft (or, with {@code ?version=N},
 * an earlier published version) the next published version, which agendas and calendars show;
 * {@code GET /{id}/versions} lists them; {@code GET /{id}/changes} is the {@code b2g-changes/1} report of the draft
 * against the published version: who would be told what.
 */
final class VersionsService implements HttpService {

    private final Backend backend;
    private final Access access;

    VersionsService(Backend backend, Access access) {
        this.backend = backend;
        this.access = access;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/publish", this::publish)
                .get("/{id}/versions", this::versions)
                .get("/{id}/versions/{version}", this::version)
                .get("/{id}/changes", this::changes);
    }

    private void publish(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        Paths.onlyQuery(req, "version");
        String id = Paths.param(req, "id");
        int version = 0;
        if (req.query().contains("version")) {
            String text = req.query().get("version");
            try {
                version = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                version = -1;
            }
            if (version < 1) {
                throw ApiException.badRequest("The version (" + text + ") should be the number of a published"
                        + " version, 1 or more.");
            }
        }
        Publication.Published published = backend.publication().publish(id, version);
        res.status(published.created() ? Status.CREATED_201 : Status.OK_200); // 200: the latest already was it
        JsonAnswers.send(res, json(published));
    }

    private void versions(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        EventLookup.stored(backend, id);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        backend.publication().versions(id).forEach(v -> list.add(json(v)));
        JsonAnswers.send(res, JSON.createObjectBuilder().add("event", id).add("versions", list).build());
    }

    /** One published version's {@code b2g-schedule/1}, with its number. */
    private void version(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        String text = Paths.param(req, "version");
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) { // 0 would read the latest version and label it 0
            throw ApiException.badRequest("The version (" + text + ") should be a whole number, 1 or more.");
        }
        EventLookup.stored(backend, id);
        String body = backend.publication().body(id, number);
        if (body == null) {
            throw ApiException.notFound("The event (" + id + ") has no published version " + number + ".");
        }
        try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(body))) {
            JsonAnswers.send(res, JSON.createObjectBuilder(reader.readObject()).add("version", number).build());
        }
    }

    private void changes(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        JsonAnswers.send(res, ChangesJson.toJson(backend.publication().changes(id)));
    }

    private static JsonObject json(Publication.Published v) {
        return JSON.createObjectBuilder()
                .add("version", v.version())
                .add("eventVersion", v.eventVersion())
                .add("publishedAt", v.publishedAt().toString())
                .add("note", v.note())
                .build();
    }
}
