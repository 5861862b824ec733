package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.io.StringReader;
import java.time.Instant;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.b2g.service.Backend;
import org.b2g.service.JsonFactory;
import org.b2g.service.persistence.ScheduleRepository.StoredSchedule;

/**
 * {@code /api/events/{id}/schedule}: the last stored {@code b2g-schedule/1} (with its unscheduled list and metrics),
 * plus {@code stale}: true when the event was replaced after the solve that produced it.
 */
final class ScheduleService implements HttpService {

    private final Backend backend;
    private final Access access;

    ScheduleService(Backend backend, Access access) {
        this.backend = backend;
        this.access = access;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/schedule", this::schedule);
    }

    private void schedule(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        record Found(StoredSchedule schedule, int eventVersion) {
        }
        Found found = backend.database().inTransaction(c -> new Found(backend.schedules().find(c, id),
                backend.events().version(c, id)));
        if (found.eventVersion() == 0) {
            throw EventLookup.notFound(id);
        }
        if (found.schedule() == null) {
            throw ApiException.notFound("The event (" + id + ") has no schedule yet; POST /api/events/"
                    + Paths.segment(id) + "/solve makes one.");
        }
        JsonObject stored;
        try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(found.schedule().body()))) {
            stored = reader.readObject();
        }
        res.send(JSON.createObjectBuilder(stored)
                .add("eventVersion", found.schedule().eventVersion())
                .add("stale", found.schedule().eventVersion() != found.eventVersion())
                .add("solvedAt", Instant.ofEpochMilli(found.schedule().solvedAt()).toString())
                .build());
    }
}
