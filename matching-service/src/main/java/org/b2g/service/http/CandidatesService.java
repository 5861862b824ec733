package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Participant;
import org.b2g.core.io.ReasonJson;
import org.b2g.core.solver.FeasibilityCheck;
import org.b2g.service.Backend;
import org.b2g.service.solving.CandidateCache;

/**
 * What organizers review before solving: {@code /candidates}, the ranked meetings the solver will choose from, with
 * their origin and the reasons of each match; and {@code /feasibility}, the causes found in milliseconds that make
 * the required meetings impossible. Both run on the bounded analysis pool, not on the request's thread.
 */
final class CandidatesService implements HttpService {

    private final Backend backend;
    private final Access access;

    CandidatesService(Backend backend, Access access) {
        this.backend = backend;
        this.access = access;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/candidates", this::candidates)
                .get("/{id}/feasibility", this::feasibility);
    }

    private void candidates(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        Event event = EventLookup.read(backend, Paths.param(req, "id"));
        Participant only;
        if (req.query().contains("participant")) {
            String pid = req.query().get("participant");
            only = event.participant(pid);
            if (only == null) {
                throw EventLookup.noParticipant(event.id(), pid);
            }
        } else {
            only = null;
        }
        JsonAnswers.send(res, backend.analyses().run(() -> candidates(event, only)));
    }

    /** The event's candidates (those of {@code only} when not null), ranked: matching, on the analysis pool. */
    private static JsonObject candidates(Event event, Participant only) {
        List<Meeting> candidates = new ArrayList<>();
        for (Meeting meeting : CandidateCache.forEvent(event)) {
            if (only == null || meeting.involves(only)) {
                candidates.add(meeting);
            }
        }
        candidates.sort(Comparator.comparing(Meeting::getOrigin)
                .thenComparing(Comparator.comparingDouble(Meeting::getRelevance).reversed())
                .thenComparing(Meeting::getId));
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Meeting meeting : candidates) {
            JsonArrayBuilder reasons = JSON.createArrayBuilder();
            meeting.getReasons().forEach(reasons::add);
            list.add(JSON.createObjectBuilder()
                    .add("id", meeting.getId())
                    .add("participants", JSON.createArrayBuilder()
                            .add(Views.party(meeting.getFirst()))
                            .add(Views.party(meeting.getSecond())))
                    .add("origin", meeting.getOrigin().code())
                    .add("relevance", meeting.getRelevance())
                    .add("weight", meeting.getWeight())
                    .add("reasons", reasons)
                    .add("reasonCodes", ReasonJson.toJson(meeting.getReasonDetails())));
        }
        return JSON.createObjectBuilder().add("event", event.id()).add("candidates", list).build();
    }

    private void feasibility(ServerRequest req, ServerResponse res) {
        access.organizer(req);
        Event event = EventLookup.read(backend, Paths.param(req, "id"));
        JsonAnswers.send(res, backend.analyses().run(() -> {
            JsonArrayBuilder problems = JSON.createArrayBuilder();
            FeasibilityCheck.problems(event).forEach(problems::add);
            return JSON.createObjectBuilder().add("event", event.id()).add("problems", problems).build();
        }));
    }
}
