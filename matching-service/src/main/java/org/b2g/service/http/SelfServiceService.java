package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.io.ReasonJson;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.repair.Openings;
import org.b2g.service.Backend;
import org.b2g.service.JsonFactory;
import org.b2g.service.persistence.RequestRepository.StoredRequest;
import org.b2g.service.solving.SelfService;

/**
 * Self-service: the organizer turns it on or off per event and sees every request ({@code /{id}/self-service});
 * a participant, with its personal token, sees the counterparts worth meeting with the slots where both are free,
 * asks for a meeting, and accepts, declines or cancels ({@code /{id}/participants/{pid}/counterparts|requests}).
 */
final class SelfServiceService implements HttpService {

    /** Self-service bodies are a few fields. */
    private static final long MAX_BODY = 4096;

    /** Most counterparts one answer lists ({@code ?limit=}). */
    private static final int MAX_COUNTERPARTS = 5000;
    /** The origin of a counterpart that nobody asked for and the engine did not recommend, but that is free. */
    static final String AVAILABLE = "available";

    private final Backend backend;
    private final Access access;

    SelfServiceService(Backend backend, Access access) {
        this.backend = backend;
        this.access = access;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/self-service", this::overview)
                .put("/{id}/self-service", this::switchOnOrOff)
                .get("/{id}/participants/{pid}/counterparts", this::counterparts)
                .get("/{id}/participants/{pid}/requests", this::requests)
                .post("/{id}/participants/{pid}/requests", this::ask)
                .post("/{id}/participants/{pid}/requests/{rid}/accept", this::accept)
                .post("/{id}/participants/{pid}/requests/{rid}/decline", this::decline)
                .post("/{id}/participants/{pid}/requests/{rid}/cancel", this::cancel);
    }

    private void overview(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        JsonAnswers.send(res, overview(Paths.param(req, "id")));
    }

    private void switchOnOrOff(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        String id = Paths.param(req, "id");
        JsonValue enabled = body(req).get("enabled");
        if (enabled != JsonValue.TRUE && enabled != JsonValue.FALSE) {
            throw ApiException.badRequest("request body: enabled (" + enabled + ") should be true or false.");
        }
        backend.selfService().setEnabled(id, enabled == JsonValue.TRUE);
        JsonAnswers.send(res, overview(id));
    }

    private JsonObject overview(String id) {
        Event event = EventLookup.read(backend, id);
        boolean enabled = backend.selfService().enabled(id);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        backend.selfService().requests(id, null).forEach(r -> list.add(request(event, r, null)));
        return JSON.createObjectBuilder().add("event", id).add("enabled", enabled).add("requests", list).build();
    }

    private void counterparts(ServerRequest req, ServerResponse res) {
        String id = Paths.param(req, "id");
        String pid = Paths.param(req, "pid");
        access.ownerOrOrganizer(req, id, pid);
        int limit = SelfService.COUNTERPARTS;
        if (req.query().contains("limit")) {
            String text = req.query().get("limit");
            try {
                limit = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                limit = 0;
            }
            if (limit < 1 || limit > MAX_COUNTERPARTS) {
                throw ApiException.badRequest("The query parameter limit (" + text + ") should be a whole number from"
                        + " 1 to " + MAX_COUNTERPARTS + ".");
            }
        }
        SelfService.Offer offer = backend.selfService().counterparts(id, pid, limit);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (SelfService.Counterpart c : offer.counterparts()) {
            JsonArrayBuilder openings = JSON.createArrayBuilder();
            for (Openings.Opening o : c.openings()) {
                JsonObjectBuilder opening = slot(offer.event(), o.slot());
                opening.add("table", table(o.table()));
                openings.add(opening.add("breakChange", o.breakChange()));
            }
            JsonArrayBuilder reasons = JSON.createArrayBuilder();
            c.reasons().forEach(r -> reasons.add(r.text()));
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("counterpart", Views.party(c.participant()))
                    .add("origin", c.origin() == null ? AVAILABLE : c.origin().code())
                    .add("relevance", c.relevance())
                    .add("reasons", reasons)
                    .add("reasonCodes", ReasonJson.toJson(c.reasons()))
                    .add("openings", openings);
            if (c.reason() != null) {
                json.add("reason", c.reason());
            }
            list.add(json);
        }
        JsonObjectBuilder answer = JSON.createObjectBuilder()
                .add("event", id)
                .add("participant", Views.party(offer.participant()))
                .add("selfService", offer.enabled())
                .add("version", offer.version())
                .add("total", offer.total())
                .add("counterparts", list);
        if (offer.paused() != null) {
            answer.add("paused", offer.paused());
        }
        JsonAnswers.send(res, answer.build());
    }

    private void requests(ServerRequest req, ServerResponse res) {
        String id = Paths.param(req, "id");
        String pid = Paths.param(req, "pid");
        access.ownerOrOrganizer(req, id, pid);
        Event event = EventLookup.read(backend, id);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        backend.selfService().requests(id, pid).forEach(r -> list.add(request(event, r, pid)));
        JsonAnswers.send(res, JSON.createObjectBuilder()
                .add("event", id)
                .add("participant", pid)
                .add("selfService", backend.selfService().enabled(id))
                .add("requests", list)
                .build());
    }

    private void ask(ServerRequest req, ServerResponse res) {
        String id = Paths.param(req, "id");
        String pid = Paths.param(req, "pid");
        access.ownerOrOrganizer(req, id, pid);
        JsonObject body = body(req);
        JsonValue with = Bodies.field(body, "with", "the id of the participant to meet, such as \"a-dost\"");
        JsonValue slot = Bodies.field(body, "slot", "a slot number such as 3");
        if (!(with instanceof JsonString withId)) {
            throw ApiException.badRequest("request body: with (" + with + ") should be the id of the participant"
                    + " to meet, as a string.");
        }
        if (!(slot instanceof JsonNumber number) || !number.isIntegral()) {
            throw ApiException.badRequest("request body: slot (" + slot + ") should be a slot number.");
        }
        int slotNumber;
        try {
            slotNumber = number.intValueExact(); // intValue() would wrap 4294967300 round to slot 4
        } catch (ArithmeticException e) {
            throw ApiException.badRequest("request body: slot (" + slot + ") is not a slot of the event; expected a"
                    + " number from 1 to its number of slots.");
        }
        StoredRequest asked = backend.selfService().ask(id, pid, withId.getString(), slotNumber);
        Event event = EventLookup.read(backend, id);
        res.status(Status.CREATED_201);
        JsonAnswers.send(res, request(event, asked, pid));
    }

    private void accept(ServerRequest req, ServerResponse res) {
        answer(req, res, backend.selfService()::accept);
    }

    private void decline(ServerRequest req, ServerResponse res) {
        answer(req, res, backend.selfService()::decline);
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        answer(req, res, backend.selfService()::cancel);
    }

    private interface Answer {
        StoredRequest apply(String eventId, String participantId, String requestId);
    }

    private void answer(ServerRequest req, ServerResponse res, Answer answer) {
        String id = Paths.param(req, "id");
        String pid = Paths.param(req, "pid");
        String rid = Paths.param(req, "rid");
        access.ownerOrOrganizer(req, id, pid);
        StoredRequest done = answer.apply(id, pid, rid);
        JsonAnswers.send(res, request(EventLookup.read(backend, id), done, pid));
    }

    /** A request as its participants and the organizer see it; {@code viewer} adds its direction. */
    private static JsonObject request(Event event, StoredRequest r, String viewer) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", r.id())
                .add("from", party(event, r.fromId()))
                .add("to", party(event, r.toId()))
                .add("state", r.state().name());
        json.addAll(askedTime(event, r));
        if (viewer != null) {
            json.add("direction", r.fromId().equals(viewer) ? "outgoing" : "incoming");
        }
        json.add("createdAt", Instant.ofEpochMilli(r.createdAt()).toString())
                .add("updatedAt", Instant.ofEpochMilli(r.updatedAt()).toString());
        if (r.closedBy() != null) {
            json.add("closedBy", r.closedBy());
        }
        if (r.reason() != null) {
            json.add("reason", r.reason());
        }
        if (r.meetingId() != null) {
            json.add("meeting", r.meetingId()).add("version", r.version());
            if (r.tableId() != null) {
                Table table = event.table(r.tableId());
                json.add("table", table == null ? JSON.createObjectBuilder().add("id", r.tableId()).build()
                        : table(table));
            }
        }
        return json.build();
    }

    /**
     * The request's slot and its time: the time it was asked for, also when the sessions changed since and that slot
     * number now stands for another time (acceptance is then refused, saying so); {@code end} only while a slot of the
     * event still starts then.
     */
    private static JsonObjectBuilder askedTime(Event event, StoredRequest r) {
        Slot byNumber = r.slot() <= event.slotCount() ? event.slot(r.slot()) : null;
        if (r.start() == null) {
            return slot(event, byNumber, r.slot());
        }
        Slot byTime = r.slotAskedFor(event);
        if (byTime != null && byTime.index() == r.slot()) {
            return slot(event, byNumber, r.slot());
        }
        JsonObjectBuilder json = JSON.createObjectBuilder().add("slot", r.slot()).add("start", r.start());
        if (byTime != null && byTime.end() != null) {
            json.add("end", ScheduleJson.timestamp(byTime.end(), event.timeZone()));
        }
        return json;
    }

    private static JsonObject party(Event event, String participantId) {
        Participant participant = event.participant(participantId);
        return participant == null ? JSON.createObjectBuilder().add("id", participantId).build()
                : Views.party(participant);
    }

    private static JsonObjectBuilder slot(Event event, Slot slot) {
        return slot(event, slot, slot.index());
    }

    private static JsonObjectBuilder slot(Event event, Slot slot, int number) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("slot", number);
        if (slot != null && slot.start() != null) {
            json.add("start", ScheduleJson.timestamp(slot.start(), event.timeZone()))
                    .add("end", ScheduleJson.timestamp(slot.end(), event.timeZone()));
        }
        return json;
    }

    private static JsonObject table(Table table) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", table.id());
        if (table.name() != null) {
            json.add("name", table.name());
        }
        return json.build();
    }

    /** A small JSON object body; 400 when it is not one. */
    private static JsonObject body(ServerRequest req) {
        String text = Bodies.text(req, MAX_BODY, "a JSON object");
        try (JsonReader reader = JsonFactory.STRICT_READER.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                Bodies.nothingAfterTheValue(text);
                return object;
            }
            throw ApiException.badRequest("request body: expected a JSON object, got " + value.getValueType()
                    .name().toLowerCase(Locale.ROOT) + ".");
        } catch (JsonException e) {
            Matcher twice = Pattern.compile("Duplicate key '(.*)' is not allowed")
                    .matcher(String.valueOf(e.getMessage()));
            if (twice.find()) {
                throw ApiException.badRequest("request body: \"" + twice.group(1) + "\" is given twice in one object;"
                        + " expected it once.");
            }
            throw ApiException.badRequest("request body: not JSON (" + e.getMessage() + ").");
        }
    }
}
