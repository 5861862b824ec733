package org.b2g.service.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A participant's agenda ({@code b2g-agenda/1}) as iCalendar (RFC 5545): one VEVENT per meeting with a clock time,
 * whose UID stays the same across re-solves and whose SEQUENCE grows when the meeting changes, so that a calendar
 * that imports the file again updates its entries; cancelled meetings come as {@code STATUS:CANCELLED}.
 * Lines end with CRLF and are folded at 75 octets; text values are escaped.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter FLOATING = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    private ICalendar() {
    }

    /**
     * The number of meetings of the agenda when it has some and none has a clock time (the event's sessions give no
     * day and start), else 0: its calendar would hold no event at all, which a phone imports without a word.
     */
    static int meetingsWithoutClockTime(JsonObject agenda) {
        int meetings = agenda.getJsonArray("meetings").size();
        for (String list : new String[] {"meetings", "cancelled"}) {
            for (JsonValue value : agenda.getJsonArray(list)) {
                if (value.asJsonObject().containsKey("start")) {
                    return 0;
                }
            }
        }
        return meetings;
    }

    static String of(JsonObject agenda) {
        ICalendar ics = new ICalendar();
        JsonObject event = agenda.getJsonObject("event");
        JsonObject participant = agenda.getJsonObject("participant");
        String stamp = UTC.format(Instant.parse(agenda.getString("solvedAt")).atOffset(ZoneOffset.UTC));
        ics.line("BEGIN:VCALENDAR");
        ics.line("VERSION:2.0");
        ics.line("PRODID:-//b2g//matching-service//EN");
        ics.line("CALSCALE:GREGORIAN");
        ics.line("METHOD:PUBLISH");
        ics.line("X-WR-CALNAME:" + text(event.getString("name") + " — " + participant.getString("name")));
        for (JsonValue value : agenda.getJsonArray("meetings")) {
            JsonObject meeting = value.asJsonObject();
            if (!meeting.containsKey("start")) {
                continue; // a session without clock time has no place in a calendar
            }
            JsonObject counterpart = meeting.getJsonObject("counterpart");
            ics.beginEvent(meeting, stamp);
            ics.line("SUMMARY:" + text("B2G meeting: " + counterpart.getString("name")));
            String location = location(meeting, participant.getString("id"));
            if (location != null) {
                ics.line("LOCATION:" + text(location));
            }
            StringBuilder description = new StringBuilder()
                    .append("With ").append(counterpart.getString("name"))
                    .append(" (").append(counterpart.getString("role")).append(")");
            for (JsonValue reason : meeting.getJsonArray("reasons")) {
                description.append("\n• ").append(((JsonString) reason).getString());
            }
            ics.line("DESCRIPTION:" + text(description.toString()));
            ics.line("STATUS:CONFIRMED");
            ics.line("END:VEVENT");
        }
        for (JsonValue value : agenda.getJsonArray("cancelled")) {
            JsonObject meeting = value.asJsonObject();
            if (!meeting.containsKey("start")) {
                continue;
            }
            JsonObject counterpart = meeting.getJsonObject("counterpart");
            ics.beginEvent(meeting, stamp);
            ics.line("SUMMARY:" + text("Cancelled: B2G meeting: "
                    + counterpart.getString("name", counterpart.getString("id"))));
            ics.line("STATUS:CANCELLED");
            ics.line("END:VEVENT");
        }
        ics.line("END:VCALENDAR");
        return ics.out.toString();
    }

    /**
     * The table, and which representative of the side that sits holds the meeting when that side sends more than
     * one, worded as the agenda page words it: "Table 4, your seat 2" or "Table 4, seat 2 of Sở Xây dựng".
     */
    static String location(JsonObject meeting, String reader) {
        String table = null;
        if (meeting.get("table") instanceof JsonObject t) {
            table = t.getString("name", "Table " + t.getString("id"));
        }
        String seat = null;
        if (meeting.get("seat") instanceof JsonObject s && s.getInt("representatives", 1) > 1) {
            int number = s.getInt("number");
            String host = s.getString("participant");
            seat = host.equals(reader) ? "your seat " + number
                    : "seat " + number + " of " + meeting.getJsonObject("counterpart").getString("name", host);
        }
        return table == null ? seat : seat == null ? table : table + ", " + seat;
    }

    /** The lines that identify a VEVENT and place it in time, alike for confirmed and cancelled meetings. */
    private void beginEvent(JsonObject meeting, String stamp) {
        line("BEGIN:VEVENT");
        line("UID:" + meeting.getString("uid"));
        line("SEQUENCE:" + meeting.getInt("sequence"));
        line("DTSTAMP:" + stamp);
        line("DTSTART" + time(meeting.getString("start")));
        line("DTEND" + time(meeting.getString("end")));
    }

    /** {@code :20241010T021000Z} for a time with offset, else a floating local time. */
    private static String time(String iso) {
        try {
            return ":" + UTC.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return ":" + FLOATING.format(LocalDateTime.parse(iso));
        }
    }

    /**
     * Escapes a TEXT value (RFC 5545 3.3.11). Control characters other than line breaks are dropped: RFC 5545 does not
     * allow them in a value, and one in a name could end the line early and add a property of its own.
     */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (!Character.isISOControl(c)) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Appends a content line folded at 75 octets, never inside a UTF-8 sequence or a surrogate pair. */
    private void line(String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
