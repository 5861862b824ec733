package org.b2g.service.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import jakarta.json.JsonException;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.InputException;

/**
 * Request bodies, checked in full before anything is stored: size first (413 beyond the limit, without reading
 * further), then UTF-8, then the whole {@code b2g-event/1} reading with its consistency checks.
 */
final class Bodies {

    /** Longest id the database keeps (events, participants). */
    static final int MAX_ID = 200;
    private static final System.Logger LOG = System.getLogger(Bodies.class.getName());

    private Bodies() {
    }

    /** The body as text; 413 when it is longer than {@code maxBytes}, 400 when empty or not UTF-8. */
    static String text(ServerRequest req, long maxBytes) {
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > maxBytes) {
            throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "The body (" + declared
                    + " bytes) is larger than the limit of " + maxBytes + " bytes.");
        }
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413,
                        "The body is larger than the limit of " + maxBytes + " bytes.");
            }
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest("The body could not be read to its end (" + e.getMessage() + ").");
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest("The body is empty; expected a b2g-event/1 JSON document.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The body is not UTF-8 text; b2g-event/1 is UTF-8 JSON.");
        }
    }

    /**
     * Reads and checks a {@code b2g-event/1} body. Whatever the reader throws on bad input becomes a 400: a reader
     * bug on odd input must not turn into a 5xx (it is logged so that it gets fixed).
     */
    static Event event(String json) {
        Event event;
        try {
            event = EventJson.read(json, "request body");
        } catch (InputException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (JsonException e) {
            throw ApiException.badRequest("request body: not valid JSON (" + e.getMessage() + ").");
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The event reader failed on a request body", e);
            throw ApiException.badRequest("request body: not a valid b2g-event/1 document (" + e + ").");
        }
        if (event.id() == null || event.id().isBlank() || event.id().length() > MAX_ID) {
            throw ApiException.badRequest("request body: event.id (" + event.id() + ") should have 1.." + MAX_ID
                    + " characters.");
        }
        for (Participant participant : event.participants()) {
            if (participant.id().length() > MAX_ID) {
                throw ApiException.badRequest("request body: participant id (" + participant.id().substring(0, 40)
                        + "...) is longer than " + MAX_ID + " characters.");
            }
        }
        return event;
    }
}
