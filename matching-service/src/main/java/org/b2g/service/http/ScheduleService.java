package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.b2g.core.domain.Event;
import org.b2g.core.io.InputException;
import org.b2g.core.sheets.CsvSeparator;
import org.b2g.core.sheets.ScheduleSheets;
import org.b2g.service.Backend;
import org.b2g.service.JsonFactory;
import org.b2g.service.persistence.ScheduleRepository.StoredSchedule;

/**
 * {@code /api/events/{id}/schedule}: the last stored {@code b2g-schedule/1} (with its unscheduled list and metrics),
 * plus {@code stale}: true when the event was replaced after the solve that produced it. With {@code Accept} of the
 * {@code .xlsx} media type or {@code text/csv}, the same schedule as sheets to print and hand out ({@code ?separator=}
 * picks the CSV's separator).
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
        Paths.onlyQuery(req, "separator");
        Downloads.Kind kind = Downloads.wanted(req);
        CsvSeparator separator = Downloads.separator(req, kind);
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
        if (kind != Downloads.Kind.JSON) {
            sendSheets(res, kind, separator, id, found.schedule(),
                    found.schedule().eventVersion() != found.eventVersion());
            return;
        }
        JsonObject stored;
        try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(found.schedule().body()))) {
            stored = reader.readObject();
        }
        JsonAnswers.send(res, JSON.createObjectBuilder(stored)
                .add("eventVersion", found.schedule().eventVersion())
                .add("stale", found.schedule().eventVersion() != found.eventVersion())
                .add("solvedAt", Instant.ofEpochMilli(found.schedule().solvedAt()).toString())
                .build());
    }

    /**
     * The schedule as the sheets people print: all four sheets in a workbook, the {@code meetings} sheet as CSV. A
     * stale schedule is exported against the current event while it still fits it (409 once it names a participant,
     * table or slot the event no longer has).
     */
    private void sendSheets(ServerResponse res, Downloads.Kind kind, CsvSeparator separator, String id,
            StoredSchedule schedule, boolean stale) {
        Event event = EventLookup.read(backend, id);
        ScheduleSheets sheets;
        try {
            sheets = ScheduleSheets.of(event, schedule.body(), "schedule of event " + id);
        } catch (InputException e) {
            if (stale) {
                throw ApiException.conflict("The schedule of event (" + id + ") was made for an earlier version of"
                        + " the event and no longer fits it (" + e.getMessage() + "); solve again, then download.");
            }
            throw new IllegalStateException("The stored schedule of event " + id + " does not fit the event", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (kind == Downloads.Kind.XLSX) {
                sheets.writeXlsx(out);
            } else {
                try (Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    sheets.writeCsv(text, separator);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the schedule of event " + id + " failed", e);
        }
        Downloads.send(res, kind, id, "schedule", out.toByteArray());
    }
}
