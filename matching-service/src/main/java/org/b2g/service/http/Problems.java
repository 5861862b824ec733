package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import java.lang.System.Logger.Level;
import java.util.List;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import org.b2g.core.io.InputException;
import org.b2g.service.persistence.Database;
import org.b2g.service.solving.Publication;
import org.b2g.service.solving.SelfService;
import org.b2g.service.solving.SolveRejectedException;

/**
 * The one place where failures become HTTP statuses, as {@code application/problem+json} (RFC 9457). Bad input is
 * a 4xx whose {@code detail} names the field and value (and, for input with several problems, {@code errors} lists
 * them all, one line each); only the service's own faults are 5xx.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    /** Helidon's own limit on a request line, for a server configured without one. */
    static final int DEFAULT_MAX_REQUEST_LINE = 4096;
    /** Longest meeting id the database keeps (one made for a pair joins two participant ids). */
    static final int MAX_MEETING_ID = 500;
    private static final System.Logger LOG = System.getLogger(Problems.class.getName());

    private Problems() {
    }

    static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> send(req, res, e.status(), e.getMessage()))
                .error(InputException.class, Problems::badInput)
                .error(SolveRejectedException.class, (req, res, e) -> send(req, res, status(e), e.getMessage()))
                .error(Publication.RejectedException.class, (req, res, e) -> send(req, res, switch (e.reason()) {
                    case NO_SUCH_EVENT, NO_SUCH_MEETING, NO_SUCH_VERSION -> Status.NOT_FOUND_404;
                    case NOTHING_TO_PUBLISH, STALE, HISTORY -> Status.CONFLICT_409;
                    case NOT_YOURS -> Status.FORBIDDEN_403;
                }, e.getMessage()))
                .error(SelfService.RejectedException.class, (req, res, e) -> send(req, res, switch (e.reason()) {
                    case NO_SUCH_EVENT, NO_SUCH_PARTICIPANT, NO_SUCH_REQUEST -> Status.NOT_FOUND_404;
                    case OFF, NOT_YOURS -> Status.FORBIDDEN_403;
                    case NOTHING_PUBLISHED, NOT_PENDING, NOT_FREE, ABSENT, REQUIRED -> Status.CONFLICT_409;
                }, e.getMessage()))
                .error(Database.ConflictException.class,
                        (req, res, e) -> send(req, res, Status.CONFLICT_409, e.getMessage()))
                .error(HttpException.class, (req, res, e) -> send(req, res, e.status(), e.getMessage()))
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "Failed: " + req.prologue().method().text() + " " + req.path().path(), e);
                    send(req, res, Status.INTERNAL_SERVER_ERROR_500,
                            "The service failed to answer; the error is in its log.");
                });
    }

    /**
     * Answers what the server refuses before routing (a malformed path or header, a request line too long) as
     * problem+json too, so that a client never has to parse a second error format.
     */
    static void registerDirect(DirectHandlers.Builder handlers, int maxRequestLine) {
        DirectHandler problem = (req, event, status, headers, message) -> {
            headers.set(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .keepAlive(event.keepAlive())
                    .entity(body(status, directDetail(status, message, req.method(), req.path(), maxRequestLine),
                            req.path()))
                    .build();
        };
        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
            handlers.addHandler(event, problem);
        }
    }

    /**
     * What the server's own refusal says: its message when it has one a client can use, else what was wrong and what
     * is accepted. A request line too long is refused before its path is even known.
     */
    static String directDetail(Status status, String message, String method, String path, int maxRequestLine) {
        if (status.code() == Status.REQUEST_URI_TOO_LONG_414.code()) {
            return "The request line (method, address and query) is longer than " + maxRequestLine + " bytes, the"
                    + " most the server reads; no address of this API is that long, since ids have at most "
                    + Bodies.MAX_ID + " characters (a meeting's at most " + MAX_MEETING_ID + "), percent-encoded.";
        }
        if (message != null && !message.isBlank()) {
            return message;
        }
        String request = (method == null ? "" : method.strip() + " ") + (path == null ? "" : path.strip());
        return request.isBlank() ? "The server could not read this request." : "The server could not read this"
                + " request (" + request.strip() + ").";
    }

    private static Status status(SolveRejectedException e) {
        return switch (e.reason()) {
            case NO_SUCH_EVENT, NO_JOB -> Status.NOT_FOUND_404;
            case ALREADY_SOLVING, NOTHING_PUBLISHED -> Status.CONFLICT_409;
            case BUSY -> Status.SERVICE_UNAVAILABLE_503;
        };
    }

    /**
     * Bad input, with every problem the reader found (a workbook import finds them all at once) in {@code errors},
     * one line each, so that a client can show the list; {@code detail} is the summary line.
     */
    private static void badInput(ServerRequest req, ServerResponse res, InputException e) {
        List<String> errors = e.problems();
        String message = e.getMessage() == null ? "" : e.getMessage();
        String detail = errors.size() > 1 ? message.lines().findFirst().orElse(message) : message;
        send(req, res, Status.BAD_REQUEST_400, detail, errors);
    }

    static void send(ServerRequest req, ServerResponse res, Status status, String detail) {
        send(req, res, status, detail, List.of());
    }

    private static void send(ServerRequest req, ServerResponse res, Status status, String detail,
            List<String> errors) {
        if (res.isSent()) {
            return;
        }
        if (status == Status.UNAUTHORIZED_401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"b2g\"");
        }
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.send(body(status, detail, req.prologue().uriPath().path(), errors));
    }

    private static String body(Status status, String detail, String instance) {
        return body(status, detail, instance, List.of());
    }

    private static String body(Status status, String detail, String instance, List<String> errors) {
        JsonObjectBuilder problem = JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.reasonPhrase())
                .add("status", status.code())
                .add("detail", detail == null || detail.isBlank() ? status.reasonPhrase() : detail)
                .add("instance", instance == null ? "" : instance);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors.forEach(list::add);
            problem.add("errors", list);
        }
        return problem.build().toString();
    }
}
