package org.b2g.service.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import org.b2g.service.Backend;
import org.b2g.service.persistence.EventRepository.LinkKey;

/**
 * Who may call what. The organizer token opens everything; a participant's token opens that participant's agenda
 * and nothing else. A token comes as {@code Authorization: Bearer ...}. Only what a browser or a calendar opens
 * without being able to send a header (a personal link's agenda, its calendar download, an {@code EventSource})
 * also takes it as a {@code token} query parameter: anywhere else an address with a token would end up in proxy
 * logs and browser history for nothing.
 */
final class Access {

    private final Backend backend;

    Access(Backend backend) {
        this.backend = backend;
    }

    /** Lets the organizer through (header only); 401 without a token, 403 with any other token. */
    void organizer(ServerRequest req) {
        check(header(req), req);
    }

    /** Lets the organizer through with the token in the header or the address (event streams). */
    void organizerOrQuery(ServerRequest req) {
        String token = header(req);
        check(token == null ? query(req) : token, req);
    }

    private void check(String token, ServerRequest req) {
        if (token == null) {
            throw new ApiException(Status.UNAUTHORIZED_401, query(req) == null
                    ? "This needs the organizer token (Authorization: Bearer)."
                    : "This needs the organizer token in the Authorization header (Bearer); a token in the address"
                            + " is accepted only by agendas and event streams.");
        }
        if (!backend.credentials().isAdmin(token)) {
            throw new ApiException(Status.FORBIDDEN_403, "This token is not the organizer token.");
        }
    }

    /** Lets the organizer and the participant itself through; 401 without a token, 403 with anyone else's. */
    void agendaOf(ServerRequest req, String eventId, String participantId) {
        String token = header(req);
        if (token == null) {
            token = query(req);
        }
        if (token == null) {
            throw new ApiException(Status.UNAUTHORIZED_401,
                    "This needs the participant's personal token (Authorization: Bearer, or ?token=).");
        }
        if (backend.credentials().isAdmin(token)) {
            return;
        }
        record Link(LinkKey key, int generation) {
        }
        Link link = backend.database().inTransaction(c -> new Link(backend.events().linkKey(c, eventId),
                backend.links().generation(c, eventId, participantId)));
        if (link.key() == null
                || !backend.credentials().isParticipant(token, link.key().key(), participantId, link.generation())) {
            throw new ApiException(Status.FORBIDDEN_403,
                    "This token does not open the agenda of participant (" + participantId + ").");
        }
    }

    /**
     * Lets the organizer or participant {@code participantId} through, header only (for writes such as marking its
     * own meeting held); returns null for the organizer, else the participant's id.
     */
    String ownerOrOrganizer(ServerRequest req, String eventId, String participantId) {
        String token = header(req);
        if (token == null) {
            throw new ApiException(Status.UNAUTHORIZED_401,
                    "This needs the organizer token or the participant's personal token (Authorization: Bearer).");
        }
        if (backend.credentials().isAdmin(token)) {
            return null;
        }
        LinkKey key = backend.database().inTransaction(c -> backend.events().linkKey(c, eventId));
        int generation = backend.database().inTransaction(c -> backend.links().generation(c, eventId, participantId));
        if (key == null || !backend.credentials().isParticipant(token, key.key(), participantId, generation)) {
            throw new ApiException(Status.FORBIDDEN_403,
                    "This token is neither the organizer's nor participant (" + participantId + ")'s.");
        }
        return participantId;
    }

    private static String header(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static String query(ServerRequest req) {
        if (req.query().contains("token")) {
            String token = req.query().get("token").strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
