package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.util.Map;
import java.util.TreeMap;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import org.b2g.service.Backend;
import org.b2g.service.persistence.DayRepository.Attendance;
import org.b2g.service.solving.TheDay;

/**
 * The day itself: {@code PUT /{id}/participants/{pid}/meetings/{mid}/attendance?state=held|no-show|pending} (the
 * organizer, or the participant for its own meeting), {@code GET /{id}/day} (each published meeting's state and the
 * status per table), and {@code POST /{id}/participants/{pid}/absence} (the organizer: cancels the participant's
 * meetings not held yet in a new published version and offers the freed slots to other meetings), and {@code DELETE}
 * on it (the organizer takes an absence recorded by mistake back: the meetings it cancelled that can still take
 * place come back in a new version, the others are listed with the reason).
 */
final class DayService implements HttpService {

    private final Backend backend;
    private final Access access;

    DayService(Backend backend, Access access) {
        this.backend = backend;
        this.access = access;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put("/{id}/participants/{pid}/meetings/{mid}/attendance", this::mark)
                .get("/{id}/day", this::status)
                .post("/{id}/participants/{pid}/absence", this::absent)
                .delete("/{id}/participants/{pid}/absence", this::present);
    }

    private void mark(ServerRequest req, ServerResponse res) {
        String id = Paths.param(req, "id");
        String pid = Paths.param(req, "pid");
        String by = access.ownerOrOrganizer(req, id, pid);
        if (!req.query().contains("state") || req.query().get("state").isBlank()) {
            throw ApiException.badRequest("The query parameter state is missing; expected ?state=held, no-show or"
                    + " pending.");
        }
        String text = req.query().get("state");
        Attendance state;
        try {
            state = Attendance.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The state (" + text + ") should be held, no-show or pending.");
        }
        String meeting = Paths.param(req, "mid", Paths.MAX_MEETING_ID);
        backend.day().mark(id, meeting, pid, by == null, state);
        JsonAnswers.send(res, JSON.createObjectBuilder().add("meeting", meeting)
                .add("state", state == null ? "pending" : state.code()).build());
    }

    private void status(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        TheDay.Status status = backend.day().status(id);
        JsonArrayBuilder meetings = JSON.createArrayBuilder();
        Map<String, int[]> perTable = new TreeMap<>();
        for (TheDay.Mark m : status.meetings()) {
            String state = m.state() == null ? "pending" : m.state().code();
            meetings.add(JSON.createObjectBuilder().add("id", m.meetingId())
                    .add("participants", JSON.createArrayBuilder().add(m.first()).add(m.second())).add("slot", m.slot())
                    .add("table", m.table() == null ? "" : m.table()).add("state", state));
            int[] counts = perTable.computeIfAbsent(m.table() == null ? "" : m.table(), k -> new int[3]);
            counts[m.state() == null ? 2 : m.state() == Attendance.HELD ? 0 : 1]++;
        }
        JsonArrayBuilder tables = JSON.createArrayBuilder();
        perTable.forEach((table, c) -> tables.add(JSON.createObjectBuilder().add("table", table).add("held", c[0])
                .add("noShow", c[1]).add("pending", c[2])));
        JsonArrayBuilder absent = JSON.createArrayBuilder();
        status.absent().forEach(absent::add);
        JsonAnswers.send(res, JSON.createObjectBuilder().add("version", status.version()).add("meetings", meetings)
                .add("tables", tables).add("absent", absent).build());
    }

    private void absent(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        TheDay.Absence absence = backend.day().absent(id, Paths.param(req, "pid"));
        JsonArrayBuilder cancelled = JSON.createArrayBuilder();
        absence.cancelled().forEach(cancelled::add);
        JsonArrayBuilder offers = JSON.createArrayBuilder();
        for (TheDay.Offer offer : absence.offers()) {
            JsonArrayBuilder suggestions = JSON.createArrayBuilder();
            for (TheDay.Suggestion s : offer.suggestions()) {
                suggestions.add(JSON.createObjectBuilder().add("participant", s.participant()).add("table", s.table())
                        .add("breakChange", s.breakChange()));
            }
            JsonObjectBuilder item = JSON.createObjectBuilder().add("counterpart", offer.counterpart())
                    .add("slot", offer.slot()).add("suggestions", suggestions);
            offers.add(item);
        }
        JsonArrayBuilder closed = JSON.createArrayBuilder();
        absence.requestsClosed().forEach(closed::add);
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("version", absence.version())
                .add("cancelled", cancelled).add("offers", offers).add("requestsClosed", closed);
        if (absence.waiting() != null) {
            answer.add("waiting", absence.waiting());
        }
        JsonAnswers.send(res, answer.build());
    }

    private void present(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        TheDay.Presence presence = backend.day().present(id, Paths.param(req, "pid"));
        JsonArrayBuilder restored = JSON.createArrayBuilder();
        for (TheDay.Restored r : presence.restored()) {
            restored.add(JSON.createObjectBuilder().add("id", r.meetingId()).add("counterpart", r.counterpart())
                    .add("slot", r.slot()).add("table", r.table() == null ? "" : r.table()));
        }
        JsonArrayBuilder notRestored = JSON.createArrayBuilder();
        for (TheDay.NotRestored n : presence.notRestored()) {
            notRestored.add(JSON.createObjectBuilder().add("id", n.meetingId()).add("counterpart", n.counterpart())
                    .add("slot", n.slot()).add("reason", n.reason()));
        }
        JsonArrayBuilder reopened = JSON.createArrayBuilder();
        presence.requestsReopened().forEach(reopened::add);
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("version", presence.version())
                .add("restored", restored).add("notRestored", notRestored).add("requestsReopened", reopened);
        if (presence.note() != null) {
            answer.add("note", presence.note());
        }
        JsonAnswers.send(res, answer.build());
    }
}
