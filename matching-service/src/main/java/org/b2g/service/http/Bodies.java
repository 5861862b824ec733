package org.b2g.service.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.EventWarnings;
import org.b2g.core.io.InputException;
import org.b2g.core.sheets.EventSheets;
import org.b2g.core.sheets.Imported;
import org.b2g.service.Settings;

/**
 * Request bodies, checked in full before anything is stored: size first (413 beyond the limit, without reading
 * further), then UTF-8 (or a workbook's import), then the whole {@code b2g-event/1} reading with its consistency
 * checks, then the event's size against the service's limits and every id against what the database keeps.
 */
final class Bodies {

    /**
     * Why an id that an address names (an event's, a participant's, a required meeting's) may hold neither '/' nor ';'
     * nor be '.' or '..', said in the 400 and in matching-service/README.md. The web server (Helidon 4) decodes
     * {@code %2F} to '/' and resolves dot segments before routing, and takes ';' (also sent as {@code %3B}) for the
     * start of a path parameter, which it drops: {@code /api/events/a%3Bb} reaches event {@code a}. Every other
     * printable character is fine, percent-encoded in the address; the command line, which names no address, takes
     * them all.
     */
    static final String ADDRESSABLE = "the web server reads an encoded '/' (%2F) as a separator and an encoded ';'"
            + " (%3B) as the start of a path parameter before routing, and resolves '.' and '..', so such an event"
            + " could never be read, solved or deleted; ids of events, participants and required meetings may hold any"
            + " printable character (spaces, '#', '?', accents) but '/' and ';', and may not be '.' or '..' (the"
            + " command line takes them all)";

    /** Longest id the database keeps (events, participants). */
    static final int MAX_ID = 200;
    /** Deepest nesting of objects and arrays read in a body. */
    static final int MAX_NESTING = 64;
    private static final System.Logger LOG = System.getLogger(Bodies.class.getName());
    private static final JsonParserFactory PARSERS = Json.createParserFactory(java.util.Map.of());

    private Bodies() {
    }

    /** The body as text; 413 when it is longer than {@code maxBytes}, 400 when empty or not UTF-8. */
    static String text(ServerRequest req, long maxBytes) {
        return text(req, maxBytes, "a b2g-event/1 JSON document");
    }

    /**
     * The body as text ({@code expected} says what it should be, for the refusals); 413 when it is longer than
     * {@code maxBytes}, 400 when empty or not UTF-8. A leading byte-order mark (Windows editors write one) is
     * dropped, as RFC 8259 allows.
     */
    static String text(ServerRequest req, long maxBytes, String expected) {
        String type = req.headers().contentType().map(t -> t.mediaType().text().toLowerCase(Locale.ROOT)).orElse("");
        if (!takenAsJson(type)) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "The body's Content-Type (" + type + ") is not"
                    + " JSON; expected " + expected + " as application/json.");
        }
        byte[] bytes = bytes(req, maxBytes, expected);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The body is not UTF-8 text; expected " + expected + " in UTF-8.");
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        nestingWithinLimit(text, expected);
        return text;
    }

    /**
     * Whether a body with this Content-Type (lower case, without parameters; empty when none) is read as JSON: JSON's
     * own types, none, and the generic ones tools send when told nothing ({@code curl -d} sends a form's type, a
     * client sending a string {@code text/plain}, one sending a file's bytes {@code application/octet-stream}). A
     * type that names another format (XML, a form upload, an .xls or .ods workbook, a PDF) is a 415: reading it as
     * JSON could only end in a parse error that hides the real mistake.
     */
    static boolean takenAsJson(String type) {
        return type.isEmpty() || type.equals("application/json") || type.equals("text/json") || type.endsWith("+json")
                || type.equals("text/plain") || type.equals("application/octet-stream")
                || type.equals("application/x-www-form-urlencoded");
    }

    /**
     * 400 when objects and arrays nest more than {@value #MAX_NESTING} levels deep: no document of the API needs
     * more than a few, and the JSON parser's own limit would answer with its internal exception instead.
     */
    static void nestingWithinLimit(String json, String expected) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_NESTING) {
                    throw ApiException.badRequest("request body: objects and arrays nest more than " + MAX_NESTING
                            + " levels deep (at offset " + i + "); expected " + expected + ", which needs a few.");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    /**
     * 400 when anything but white space follows the first JSON value of {@code json}: a reader stops after that
     * value, and a body such as {@code {...} {...}} would otherwise be taken for its first half. For the small bodies
     * the service reads itself; event bodies go through {@code EventJson}, which refuses such text on its own. Call it
     * once the value itself has been read.
     */
    static void nothingAfterTheValue(String json) {
        long end;
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            switch (parser.next()) {
                case START_OBJECT -> parser.skipObject();
                case START_ARRAY -> parser.skipArray();
                default -> {
                }
            }
            end = parser.getLocation().getStreamOffset();
        } catch (JsonException | java.util.NoSuchElementException e) {
            return; // the reader has judged the value already
        }
        for (long i = Math.max(end, 0); i < json.length(); i++) {
            char c = json.charAt((int) i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                String rest = json.substring((int) i, (int) Math.min(json.length(), i + 20));
                throw ApiException.badRequest("request body: text after the end of the JSON document, at offset " + i
                        + " (" + printable(rest) + "); expected one JSON document only.");
            }
        }
    }

    /**
     * The value of {@code field} in a small JSON object body; 400 naming the field and what it should hold
     * ({@code expected}, such as "a slot number such as 3") when it is missing or null, which the checks of its type
     * would otherwise show as "(null)", telling the client neither.
     */
    static JsonValue field(JsonObject body, String field, String expected) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw ApiException.badRequest("request body: the field '" + field + "' is " + (value == null ? "missing"
                    : "null") + "; expected " + expected + ".");
        }
        return value;
    }

    /** The body's bytes; 413 when there are more than {@code maxBytes}, 400 when there are none. */
    private static byte[] bytes(ServerRequest req, long maxBytes, String expected) {
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
            throw ApiException.badRequest("The body is empty; expected " + expected + ".");
        }
        return bytes;
    }

    /**
     * An event body as it will be stored ({@code b2g-event/1} JSON text), as the engine reads it, and what the
     * command line would warn about on reading it: for a workbook, what {@code ./b2g import} prints (ignored columns,
     * sheets and keys, a missing time zone, requests that cannot count as written, ...); for JSON, what the verbs that
     * read an event file print (fields that look misspelt, a missing time zone, then {@link EventWarnings}).
     */
    record EventBody(String json, Event event, List<String> warnings) {

        EventBody {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The event a POST or PUT sends: {@code b2g-event/1} JSON, or an {@code .xlsx} workbook (by Content-Type) that
     * is imported into the same document first, read by the same event reader (inside the import) and checked
     * against the same limits; that document's JSON text is what gets stored. A workbook's problems come all at
     * once, as the {@link InputException} of the import.
     */
    static EventBody eventBody(ServerRequest req, Settings settings) {
        String type = req.headers().contentType().map(t -> t.mediaType().text().toLowerCase(Locale.ROOT)).orElse("");
        if (type.equals(EventSheets.XLSX_MEDIA_TYPE)) {
            byte[] workbook = bytes(req, settings.maxBodyBytes(), "an .xlsx workbook");
            // The import has read its document with the JSON reader already: only the service's own checks remain.
            Imported imported;
            try {
                imported = EventSheets.readXlsx(workbook, "uploaded workbook");
            } catch (InputException | UnsupportedOperationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The workbook import failed on an upload", e);
                throw ApiException.badRequest("uploaded workbook: could not be read as an event workbook (" + e
                        + ").");
            }
            return new EventBody(EventSheets.json(imported.document()), checked(imported.event(), settings.limits()),
                    imported.warnings());
        }
        if (type.equals("text/csv")) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "A single CSV file (Content-Type text/csv)"
                    + " cannot hold an event; upload the .xlsx workbook (Content-Type " + EventSheets.XLSX_MEDIA_TYPE
                    + ") or b2g-event/1 JSON.");
        }
        if (!takenAsJson(type)) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "The body's Content-Type (" + type + ") is"
                    + " not one an event comes in; expected application/json (a b2g-event/1 document) or "
                    + EventSheets.XLSX_MEDIA_TYPE + " (an .xlsx workbook, as docs/spreadsheets.md lays it out).");
        }
        String json = text(req, settings.maxBodyBytes());
        Event event = event(json, settings.limits());
        List<String> warnings = new ArrayList<>(EventJson.documentWarnings(json, "request body"));
        warnings.addAll(EventWarnings.of(event));
        return new EventBody(json, event, warnings);
    }

    /**
     * Reads and checks a {@code b2g-event/1} body. Whatever the reader throws on bad input becomes a 400: a reader
     * bug on odd input must not turn into a 5xx (it is logged so that it gets fixed).
     */
    static Event event(String json, Settings.Limits limits) {
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
            throw ApiException.badRequest("request body: not a valid b2g-event/1 document" + (e.getMessage() == null
                    || e.getMessage().isBlank() ? "." : " (" + e.getMessage() + ")."));
        }
        return checked(event, limits);
    }

    /** The event once it fits this service's limits and the database's ids (413 or 400 otherwise). */
    private static Event checked(Event event, Settings.Limits limits) {
        checkSize(event, limits);
        checkIds(event);
        return event;
    }

    /**
     * Checks what the database keeps and what tokens are made of, before anything is stored or solved: every id has
     * 1..{@value #MAX_ID} characters and no control character (a line break in an id could make two different
     * events or participants read alike); the ids that API paths name (events, participants, meetings) have no
     * slash or semicolon and are not {@code .} or {@code ..} ({@link #ADDRESSABLE} says why): such an event would
     * be stored but could never be read, solved or deleted.
     */
    static void checkIds(Event event) {
        id("event.id", event.id(), true);
        for (int i = 0; i < event.participants().size(); i++) {
            id("participants[" + i + "].id", event.participants().get(i).id(), true);
        }
        for (int i = 0; i < event.tables().size(); i++) {
            id("event.tables[" + i + "].id", event.tables().get(i).id());
        }
        for (int i = 0; i < event.sessions().size(); i++) {
            id("event.sessions[" + i + "].id", event.sessions().get(i).id());
        }
        for (int i = 0; i < event.meetings().size(); i++) {
            id("meetings[" + i + "].id", event.meetings().get(i).id(), true);
        }
    }

    private static void id(String field, String id) {
        id(field, id, false);
    }

    /** {@code addressed}: the id is a segment of API paths (events, participants, meetings). */
    private static void id(String field, String id, boolean addressed) {
        if (id == null) { // the event reader refuses a missing id first; a workbook's import goes through it too
            throw ApiException.badRequest("request body: the field '" + field + "' is missing; expected an id of 1.."
                    + MAX_ID + " characters.");
        }
        if (id.isEmpty() || id.length() > MAX_ID) {
            String shown = id.length() > 40 ? id.substring(0, 37) + "..." : id;
            throw ApiException.badRequest("request body: " + field + " (" + shown + ") should have 1.." + MAX_ID
                    + " characters.");
        }
        if (addressed && (id.indexOf('/') >= 0 || id.indexOf(';') >= 0 || id.equals(".") || id.equals(".."))) {
            String what = id.indexOf('/') >= 0 ? "holds a slash (/)" : id.indexOf(';') >= 0 ? "holds a semicolon (;)"
                    : "is a dot segment";
            throw ApiException.badRequest("request body: " + field + " (" + printable(id) + ") " + what + ", which"
                    + " no address of this service can name: " + ADDRESSABLE + "; replace it (with '-', say).");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw ApiException.badRequest("request body: " + field + " (" + printable(id) + ") contains a control"
                        + " character (U+" + String.format("%04X", (int) id.charAt(i)) + "); ids are printable text.");
            }
        }
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(40).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                shown.append(String.format("\\u%04X", cp));
            } else {
                shown.appendCodePoint(cp);
            }
        });
        return shown.toString();
    }

    /** 413 when the event is larger than this service accepts, 400 for a rule out of its range. */
    static void checkSize(Event event, Settings.Limits limits) {
        tooLarge("participants", event.participants().size(), limits.maxParticipants());
        tooLarge("slots", event.slotCount(), limits.maxSlots());
        tooLarge("tables", event.tables().size(), limits.maxTables());
        tooLarge("requests and required meetings", event.requests().size() + event.meetings().size(),
                limits.maxRequests());
        int recommendations = event.rules().recommendationsPerParticipant();
        if (recommendations > limits.maxRecommendationsPerParticipant()) {
            throw ApiException.badRequest("request body: rules.recommendationsPerParticipant (" + recommendations
                    + ") is outside 0.." + limits.maxRecommendationsPerParticipant() + ".");
        }
    }

    private static void tooLarge(String what, int count, int max) {
        if (count > max) {
            throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "request body: the event has " + count + " "
                    + what + "; this service accepts at most " + max + ".");
        }
    }
}
