package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.io.StringReader;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.service.Backend;
import org.b2g.service.JsonFactory;
import org.b2g.service.persistence.ScheduleRepository.StoredAgenda;

/**
 * {@code /api/events/{id}/participants}: the organizer's list with personal links, a participant's token, and a
 * participant's agenda, as JSON ({@code b2g-agenda/1}) or iCalendar. An agenda opens to the organizer and to that
 * participant's own token only.
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
                .get("/{id}/participants/{pid}/agenda", this::agenda);
    }

    private void list(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        Event event = EventsService.read(backend, Paths.param(req, "id"));
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Participant participant : event.participants()) {
            String token = access.participantToken(event.id(), participant.id());
            list.add(JSON.createObjectBuilder(CandidatesService.party(participant))
                    .add("token", token)
                    .add("link", link(req, event.id(), participant.id(), token)));
        }
        res.send(JSON.createObjectBuilder().add("event", event.id()).add("participants", list).build());
    }

    private void token(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        Event event = EventsService.read(backend, Paths.param(req, "id"));
        String pid = Paths.param(req, "pid");
        if (event.participant(pid) == null) {
            throw noParticipant(event.id(), pid);
        }
        String token = access.participantToken(event.id(), pid);
        res.send(JSON.createObjectBuilder()
                .add("event", event.id())
                .add("participant", pid)
                .add("token", token)
                .add("link", link(req, event.id(), pid, token))
                .build());
    }

    private void agenda(ServerRequest req, ServerResponse res) {
        String id = Paths.param(req, "id");
        String pid = Paths.param(req, "pid");
        access.agendaOf(req, id, pid);
        StoredAgenda agenda = backend.database().inTransaction(c -> backend.schedules().agenda(c, id, pid));
        if (agenda == null) {
            int version = backend.database().inTransaction(c -> backend.events().version(c, id));
            if (version == 0) {
                throw EventsService.noEvent(id);
            }
            throw ApiException.notFound("There is no agenda of participant (" + pid + ") in event (" + id
                    + "): the event has no schedule yet, or no such participant.");
        }
        if (wantsCalendar(req)) {
            JsonObject json;
            try (JsonReader reader = JsonFactory.READER.createReader(new StringReader(agenda.body()))) {
                json = reader.readObject();
            }
            res.header(HeaderNames.CONTENT_TYPE, "text/calendar; charset=utf-8");
            res.header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"agenda.ics\"");
            res.send(ICalendar.of(json));
            return;
        }
        // The stored agenda is our own JSON object: mark staleness without parsing it again.
        String body = agenda.body();
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send("{\"stale\":" + agenda.stale() + "," + body.substring(1));
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

    private String link(ServerRequest req, String eventId, String pid, String token) {
        String base = backend.settings().publicUrl();
        if (base.isBlank()) {
            var uri = req.requestedUri();
            base = uri.scheme() + "://" + uri.host() + ":" + uri.port();
        }
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + backend.settings().linkTemplate()
                .replace("{event}", Paths.segment(eventId))
                .replace("{participant}", Paths.segment(pid))
                .replace("{token}", Paths.segment(token));
    }

    private static ApiException noParticipant(String eventId, String pid) {
        return ApiException.notFound("The event (" + eventId + ") has no participant (" + pid + ").");
    }
}
