package org.b2g.core.io;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

import org.b2g.core.domain.Event;

/**
 * Reads {@code b2g-event/1} (docs/formats.md) into an {@link Event} whose ids are unique and whose references all
 * resolve. Anything else is an {@link InputException} with one line naming the file, the JSON path, the value and
 * what is accepted, so that organizers can fix their file without reading a stack trace.
 */
public final class EventJson {

    public static final String FORMAT = "b2g-event/1";

    /**
     * The zone of an event whose sessions have clock times but whose document gives no {@code timeZone}: UTC, the one
     * zone that assumes nothing about where the event is, said as a warning ({@link #documentWarnings}). A later
     * correction is a correction of labels (docs/living-schedules.md): published meetings keep their time of day.
     */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");

    /** What the warning about a missing time zone says once it has said so (after "; "). */
    public static final String READ_AS_UTC = "the times are read as UTC, so schedules, agendas and calendars give"
            + " them at +00:00 (a calendar in another zone shows them shifted); expected the event's IANA zone, such"
            + " as Asia/Ho_Chi_Minh";

    private EventJson() {
    }

    public static Event read(Path file) {
        return read(EventFiles.readText(file), file.toString());
    }

    /** @param source the name used in error messages (a file name, or "request body") */
    public static Event read(String json, String source) {
        return new EventReader(JsonNode.root(parse(json, source), source)).read();
    }

    /**
     * Reads a document already parsed, e.g. one assembled from a spreadsheet, with the same checks as a file.
     *
     * @param source the name used in error messages
     */
    public static Event read(JsonObject document, String source) {
        return new EventReader(JsonNode.root(document, source)).read();
    }

    /**
     * The {@code email} of each participant of a document that gives one. The engine ignores emails, but the workbook
     * of an event and the organizer's mail merge carry them: an event handed back and forth keeps them.
     */
    public static Map<String, String> emails(String json, String source) {
        Map<String, String> emails = new HashMap<>();
        if (parse(json, source) instanceof JsonObject root && root.get("participants") instanceof JsonArray list) {
            for (JsonValue value : list) {
                if (value instanceof JsonObject p && p.get("id") instanceof JsonString id
                        && p.get("email") instanceof JsonString email && !email.getString().isBlank()) {
                    emails.put(id.getString(), email.getString().strip());
                }
            }
        }
        return emails;
    }

    /**
     * Fields of the document that are most likely misspelt ({@code "maxMeeting": 3}), one warning each: the format
     * ignores unknown fields, so such a field is read as absent without a word otherwise.
     */
    public static List<String> misspeltFields(String json, String source) {
        return FieldLookalikes.of(parse(json, source));
    }

    /**
     * What a document allows but its author most likely did not mean, one sentence each, as the verbs that read an
     * event print them: fields that look misspelt ({@link #misspeltFields}), then a missing {@code timeZone} although
     * the sessions have clock times (read as {@link #DEFAULT_TIME_ZONE}). {@link EventWarnings} adds what the event
     * itself shows.
     */
    public static List<String> documentWarnings(String json, String source) {
        JsonValue document = parse(json, source);
        List<String> warnings = new ArrayList<>(FieldLookalikes.of(document));
        if (document instanceof JsonObject root && root.get("event") instanceof JsonObject event
                && !event.containsKey("timeZone") && event.get("sessions") instanceof JsonArray sessions
                && sessions.stream().anyMatch(s -> s instanceof JsonObject session && session.containsKey("start"))) {
            warnings.add("event.timeZone is missing although the sessions have clock times; " + READ_AS_UTC);
        }
        return warnings;
    }

    /**
     * Parsson keeps the last of two equal keys in one object, so a change script that adds a second
     * {@code "requests": [...]} instead of editing the first would withdraw every earlier request without a word:
     * such a document is refused.
     */
    private static final JsonParserFactory PARSERS =
            Json.createParserFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate key '(.*)' is not allowed");

    /** Parses JSON text; a syntax error becomes one line with the line and column where it was found. */
    static JsonValue parse(String text, String source) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark, as Windows tools write
        if (json.isBlank()) {
            throw new InputException(source + ": is empty; expected a JSON document.");
        }
        JsonParser parser = PARSERS.createParser(new StringReader(json));
        try (parser) {
            parser.next();
            JsonValue value = parser.getValue();
            nothingAfter(json, parser.getLocation().getStreamOffset(), source);
            return value;
        } catch (IllegalStateException e) {
            Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getMessage()));
            if (!duplicate.find()) {
                throw new InputException(source + ": malformed JSON: " + e.getMessage() + ".", e);
            }
            JsonLocation at = parser.getLocation();
            throw new InputException(source + ":" + at.getLineNumber() + ":" + at.getColumnNumber() + ": \""
                    + duplicate.group(1) + "\" is given twice in one object; expected it once (the second would"
                    + " silently replace the first: add to the list that is there instead).", e);
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? source : source + ":" + at.getLineNumber() + ":" + at.getColumnNumber();
            String message = e.getMessage() == null ? "" : e.getMessage();
            long offset = at == null ? -1 : at.getStreamOffset();
            if (message.contains("token=EOF") || offset < 0 || offset >= json.stripTrailing().length()) {
                throw new InputException(where + ": the JSON is truncated; expected the rest of the document.", e);
            }
            throw new InputException(where + ": malformed JSON: " + complaint(message) + ".", e);
        } catch (JsonException e) {
            throw new InputException(source + ": malformed JSON: " + e.getMessage() + ".", e);
        } catch (NoSuchElementException e) {
            throw new InputException(source + ": the JSON is truncated; expected the rest of the document.", e);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson refuses nesting deeper than 1,000 levels with a bare RuntimeException
            String message = String.valueOf(e.getMessage());
            if (message.contains("nested")) {
                throw new InputException(source + ": the JSON is nested more than 1,000 levels deep; expected a b2g"
                        + " document, which nests a few levels.", e);
            }
            throw new InputException(source + ": malformed JSON: " + complaint(message) + ".", e);
        }
    }

    /**
     * A reader stops after the first value, so {@code {...} {"x": 1}} would be taken for its first half: anything but
     * white space after the value is refused, with where it starts and what it is.
     */
    private static void nothingAfter(String json, long end, String source) {
        for (int i = (int) Math.max(end, 0); i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                int line = 1;
                int lineStart = 0;
                for (int j = 0; j < i; j++) {
                    if (json.charAt(j) == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                }
                String rest = json.substring(i, Math.min(json.length(), i + 20)).replaceAll("\\s+", " ").strip();
                throw new InputException(source + ":" + line + ":" + (i - lineStart + 1) + ": text after the end of"
                        + " the JSON document, at offset " + i + " (" + rest + (json.length() > i + 20 ? "..." : "")
                        + "); expected one JSON document only.");
            }
        }
    }

    private static final Pattern INVALID_TOKEN =
            Pattern.compile("Invalid token=(\\w+).*Expected tokens are: \\[([\\w, ]*)]", Pattern.DOTALL);
    /** Parsson formats the code with the locale's grouping: {@code 8,220} for a typographic quote. */
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected char (-?\\d[\\d,.\u00A0\u202F']*)");
    private static final Pattern LOCATION = Pattern.compile("\\s*at \\(line no=\\d+, column no=\\d+, offset=-?\\d+\\)");

    /** Parsson's complaint in plain words, without its own location (the caller gives file:line:column). */
    static String complaint(String message) {
        Matcher m = INVALID_TOKEN.matcher(message);
        if (m.find()) {
            List<String> expected = new ArrayList<>();
            for (String token : m.group(2).split(",\\s*")) {
                expected.add(token(token));
            }
            return "found " + token(m.group(1)) + " where " + String.join(" or ", expected) + " was expected";
        }
        Matcher c = UNEXPECTED_CHAR.matcher(message);
        if (c.find()) {
            int code = Integer.parseInt(c.group(1).replaceAll("[^\\d-]", ""));
            return code < 0 ? "the text ends too early" : "unexpected character " + character(code);
        }
        String plain = LOCATION.matcher(message).replaceAll("").replace('\n', ' ').trim();
        return plain.isEmpty() ? "syntax error" : plain;
    }

    /** A character as a reader can see it: quoted, or its code when it is invisible ({@code U+0000}). */
    private static String character(int code) {
        return Character.isISOControl(code) || Character.isWhitespace(code) || !Character.isDefined(code)
                || Character.getType(code) == Character.FORMAT ? String.format("U+%04X", code)
                : "\"" + Character.toString(code) + "\"";
    }

    private static String token(String name) {
        return switch (name) {
            case "CURLYOPEN" -> "'{'";
            case "CURLYCLOSE" -> "'}'";
            case "SQUAREOPEN" -> "'['";
            case "SQUARECLOSE" -> "']'";
            case "COLON" -> "':'";
            case "COMMA" -> "','";
            case "STRING" -> "a string";
            case "NUMBER" -> "a number";
            case "TRUE", "FALSE", "NULL" -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }
}
