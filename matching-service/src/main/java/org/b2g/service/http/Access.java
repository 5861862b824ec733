package org.b2g.service.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import org.b2g.service.Credentials;

/**
 * Who may call what. The organizer token opens everything; a participant's token opens that participant's agenda
 * and nothing else. A token comes as {@code Authorization: Bearer ...}, or as a {@code token} query parameter for
 * what browsers open directly (personal links, calendar downloads, event streams).
 */
final class Access {

    private final Credentials credentials;

    Access(Credentials credentials) {
        this.credentials = credentials;
    }

    /** Lets the organizer through; 401 without a token, 403 with any other token. */
    void organizer(ServerRequest req) {
        String token = token(req);
        if (token == null) {
            throw new ApiException(Status.UNAUTHORIZED_401, "This needs the organizer token (Authorization: Bearer).");
        }
        if (!credentials.isAdmin(token)) {
            throw new ApiException(Status.FORBIDDEN_403, "This token is not the organizer token.");
        }
    }

    /** Lets the organizer and the participant itself through; 401 without a token, 403 with anyone else's. */
    void agendaOf(ServerRequest req, String eventId, String participantId) {
        String token = token(req);
        if (token == null) {
            throw new ApiException(Status.UNAUTHORIZED_401,
                    "This needs the participant's personal token (Authorization: Bearer, or ?token=).");
        }
        if (!credentials.isAdmin(token) && !credentials.isParticipant(token, eventId, participantId)) {
            throw new ApiException(Status.FORBIDDEN_403,
                    "This token does not open the agenda of participant (" + participantId + ").");
        }
    }

    String participantToken(String eventId, String participantId) {
        return credentials.participantToken(eventId, participantId);
    }

    private static String token(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        if (req.query().contains("token")) {
            String token = req.query().get("token").strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
