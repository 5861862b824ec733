package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.io.EventJson;
import org.b2g.core.sheets.CsvSeparator;
import org.b2g.service.Backend;
import org.b2g.service.JsonFactory;
import org.b2g.service.PersonalLinks;
import org.b2g.service.persistence.EventRepository.LinkKey;
import org.b2g.service.persistence.EventRepository.StoredEvent;
import org.b2g.service.persistence.ScheduleRepository.StoredAgenda;

/**
 * {@code /api/events/{id}/participants}: the organizer's list with personal links (JSON, or a sheet for a mail merge
 * with {@code Accept} of the {@code .xlsx} media type or {@code text/csv}, {@code ?separator=} picking the CSV's), a
 * participant's token (and its rotation, which revokes the old link), and a participant's agenda, as JSON
 * ({@code b2g-agenda/1}) or iCalendar. An agenda opens to the organizer and to that participant's own current token
 * only.
 */
final class ParticipantsService implements HttpService {

    private static final MediaType CALENDAR = MediaTypes.create("text", "calendar");

    private final Backend backend;
    private final Access access;

    ParticipantsService(Backend backend, Access access) {
        this.backend = backend;
        this.access = access;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/participants", this::list)
                .get("/{id}/participants/{pid}/token", this::token)
                .post("/{id}/participants/{pid}/token", this::rotate)
                .get("/{id}/participants/{pid}/agenda", this::agenda);
    }

    private void list(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        Paths.onlyQuery(req, "separator");
        Downloads.Kind kind = Downloads.wanted(req);
        CsvSeparator separator = Downloads.separator(req, kind);
        StoredEvent stored = EventLookup.stored(backend, Paths.param(req, "id"));
        Event event = EventJson.read(stored.body(), "event " + stored.id());
        record Links(LinkKey key, Map<String, Integer> generations) {
        }
        Links links = backend.database().inTransaction(c -> new Links(backend.events().linkKey(c, event.id()),
                backend.links().generations(c, event.id())));
        if (links.key() == null) {
            throw EventLookup.notFound(event.id());
        }
        String base = Paths.baseUrl(req, backend.settings());
        if (kind != Downloads.Kind.JSON) {
            sendSheet(res, kind, separator, event, stored.body(), links.key(), links.generations(), base);
            return;
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Participant participant : event.participants()) {
            String token = backend.credentials().participantToken(links.key().key(), participant.id(),
                    links.generations().getOrDefault(participant.id(), 0));
            list.add(JSON.createObjectBuilder(Views.party(participant))
                    .add("token", token)
                    .add("link", PersonalLinks.agenda(base, backend.settings().linkTemplate(), event.id(),
                            participant.id(), token)));
        }
        JsonAnswers.send(res, JSON.createObjectBuilder().add("event", event.id()).add("participants", list).build());
    }

    /**
     * The list as one sheet for a mail merge: id, name, role, email (when the event document has any), the personal
     * link and the calendar link, in the event's order.
     */
    private void sendSheet(ServerResponse res, Downloads.Kind kind, CsvSeparator separator, Event event,
            String document, LinkKey key, Map<String, Integer> generations, String base) {
        Map<String, String> emails = EventJson.emails(document, "event");
        List<String> headers = new ArrayList<>(List.of("id", "name", "role"));
        if (!emails.isEmpty()) {
            headers.add("email");
        }
        headers.addAll(List.of("link", "calendar"));
        List<List<String>> rows = new ArrayList<>(event.participants().size());
        for (Participant participant : event.participants()) {
            String token = backend.credentials().participantToken(key.key(), participant.id(),
                    generations.getOrDefault(participant.id(), 0));
            List<String> row = new ArrayList<>(List.of(participant.id(), participant.label(),
                    participant.role().name().toLowerCase(Locale.ROOT)));
            if (!emails.isEmpty()) {
                row.add(emails.getOrDefault(participant.id(), ""));
            }
            row.add(PersonalLinks.agenda(base, backend.settings().linkTemplate(), event.id(), participant.id(), token));
            row.add(PersonalLinks.calendar(base, event.id(), participant.id(), token));
            rows.add(row);
        }
        Downloads.send(res, kind, event.id(), "participants",
                Downloads.table(kind, separator, "participants", headers, rows));
    }

    private void token(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        sendToken(req, res, false);
    }

    /** A new token for one participant: the old link stops opening the agenda at once. */
    private void rotate(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        sendToken(req, res, true);
    }

    private void sendToken(ServerRequest req, ServerResponse res, boolean rotate) {
        Event event = EventLookup.read(backend, Paths.param(req, "id"));
        String pid = Paths.param(req, "pid");
        if (event.participant(pid) == null) {
            throw EventLookup.noParticipant(event.id(), pid);
        }
        record Link(LinkKey key, int generation) {
        }
        Link link = backend.database().inTransaction(c -> new Link(backend.events().linkKey(c, event.id()),
                rotate ? backend.links().rotate(c, event.id(), List.of(pid))
                        : backend.links().generation(c, event.id(), pid)));
        if (link.key() == null) {
            throw EventLookup.notFound(event.id());
        }
        String token = backend.credentials().participantToken(link.key().key(), pid, link.generation());
        String base = Paths.baseUrl(req, backend.settings());
        JsonAnswers.send(res, JSON.createObjectBuilder()
                .add("event", event.id())
                .add("participant", pid)
                .add("token", token)
                .add("link", PersonalLinks.agenda(base, backend.settings().linkTemplate(), event.id(), pid, token))
                .add("calendar", PersonalLinks.calendar(base, event.id(), pid, token))
                .build());
    }

    /** Why a participant has no agenda: nothing published yet, it registered after the version published, or it is not one. */
    private String noAgendaWhy(String id, String pid) {
        int published = backend.database().inTransaction(c -> backend.schedules().latestVersion(c, id));
        if (published == 0) {
            return "Participant (" + pid + ") has no agenda yet: event (" + id + ") has no published schedule;"
                    + " agendas appear once the organizer publishes one.";
        }
        if (EventLookup.read(backend, id).participant(pid) == null) {
            return "There is no agenda of participant (" + pid + "): the event (" + id + ") has no such participant.";
        }
        return "Participant (" + pid + ") has no agenda yet: it joined event (" + id + ") after published version "
                + published + "; its agenda comes with the next publication (repair, then publish).";
    }

    private void agenda(ServerRequest req, ServerResponse res) {
        String id = Paths.param(req, "id");
        String pid = Paths.param(req, "pid");
        access.agendaOf(req, id, pid);
        StoredAgenda agenda = backend.database().inTransaction(c -> backend.schedules().agenda(c, id, pid));
        if (agenda == null) {
            int version = backend.database().inTransaction(c -> backend.events().version(c, id));
            if (version == 0) {
                throw EventLookup.notFound(id);
            }
            throw ApiException.notFound(noAgendaWhy(id, pid));
        }
        // The stored agenda is our own JSON object: mark staleness without parsing it again.
        byte[] json = ("{\"stale\":" + agenda.stale() + "," + agenda.body().substring(1))
                .getBytes(StandardCharsets.UTF_8);
        res.header(HeaderNames.VARY, "Accept"); // JSON or iCalendar at the same address
        if (wantsCalendar(req)) {
            JsonObject parsed;
            try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(agenda.body()))) {
                parsed = reader.readObject();
            }
            int untimed = ICalendar.meetingsWithoutClockTime(parsed);
            if (untimed > 0) {
                throw new ApiException(Status.CONFLICT_409, "The agenda of " + pid + " has " + untimed + " meeting"
                        + (untimed == 1 ? "" : "s") + ", but the event (" + id + ") gives its slots no clock time, so a"
                        + " calendar would hold none of them; give each session a \"day\" and a \"start\" (and the"
                        + " event a \"timeZone\"), then solve or repair and publish again. The agenda as JSON lists the"
                        + " meetings by slot number.");
            }
            byte[] calendar = ICalendar.of(parsed).getBytes(StandardCharsets.UTF_8);
            // Its agenda in the tag too: a new publication is a new tag, even in the second of the last one.
            if (!Revalidation.notModified(req, res, Revalidation.tag(calendar, json))) {
                res.header(HeaderNames.CONTENT_TYPE, "text/calendar; charset=utf-8");
                res.header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"agenda.ics\"");
                res.send(calendar);
            }
            return;
        }
        if (!Revalidation.notModified(req, res, Revalidation.tag(json))) {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(json);
        }
    }

    private static boolean wantsCalendar(ServerRequest req) {
        if (req.query().contains("format")) {
            return "ics".equalsIgnoreCase(req.query().get("format"));
        }
        for (HttpMediaType type : req.headers().acceptedTypes()) {
            if (type.mediaType().equals(CALENDAR)) {
                return true;
            }
        }
        return false;
    }
}
