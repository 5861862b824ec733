package org.b2g.service.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** iCalendar output: CRLF lines folded at 75 octets, escaped text, UTC times, UID and SEQUENCE as stored. */
@org.junit.jupiter.api.Tag("embedded-db") // needs no database, or only the embedded one: run once
class ICalendarTest {

    private static final String AGENDA = """
            {"format":"b2g-agenda/1",
             "event":{"id":"e1","name":"DX Day; Saigon, 2024","timeZone":"Asia/Ho_Chi_Minh","slotMinutes":20},
             "participant":{"id":"s-1","name":"VietSense AI","role":"startup"},
             "solvedAt":"2024-10-01T10:00:00Z",
             "meetings":[{"id":"m-1","uid":"abc@b2g","sequence":2,"slot":3,
               "start":"2024-10-10T09:40:00+07:00","end":"2024-10-10T10:00:00+07:00",
               "table":{"id":"T1","name":"Table 1"},
               "counterpart":{"id":"a-1","name":"Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh, Phòng Quản lý","role":"agency"},
               "origin":"mutual","relevance":0.8,"reasons":["both tagged iot; flooding","a\\\\b"]}],
             "cancelled":[{"uid":"old@b2g","sequence":1,"start":"2024-10-10T09:00:00+07:00",
               "end":"2024-10-10T09:20:00+07:00","counterpart":{"id":"a-2","name":"Gone"}}]}
            """;

    private static String calendar() {
        JsonObject agenda = Json.createReader(new StringReader(AGENDA)).readObject();
        return ICalendar.of(agenda);
    }

    @Test
    void endsEveryLineWithCrlfAndFoldsAt75Octets() {
        String ics = calendar();
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertThat(ics.replace("\r\n", ""), not(containsString("\n")));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "too long: " + line);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded, containsString(
                "SUMMARY:B2G meeting: Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh\\, Phòng Quản lý\r\n"));
    }

    @Test
    void keepsTheStoredUidAndSequenceAndWritesUtcTimes() {
        String unfolded = calendar().replace("\r\n ", "");
        assertThat(unfolded, containsString("UID:abc@b2g\r\nSEQUENCE:2\r\n"));
        assertThat(unfolded, containsString("DTSTART:20241010T024000Z\r\nDTEND:20241010T030000Z\r\n"));
        assertThat(unfolded, containsString("DTSTAMP:20241001T100000Z\r\n"));
    }

    @Test
    void escapesSemicolonsCommasBackslashesAndNewlines() {
        String unfolded = calendar().replace("\r\n ", "");
        assertThat(unfolded, containsString("X-WR-CALNAME:DX Day\\; Saigon\\, 2024 — VietSense AI"));
        assertThat(unfolded, containsString("\\n• both tagged iot\\; flooding\\n• a\\\\b"));
    }

    @Test
    void dropsControlCharactersOtherThanLineBreaksFromTextValues() {
        // A carriage return or another control character in a name must not end a content line early.
        assertEquals("Evil\\nline", ICalendar.text("Ev\u0000il\r\nline\u0007\u001b\u0085"));
        String hostile = AGENDA.replace("VietSense AI", "VietSense\\r\\nATTENDEE:mailto:x@evil\\u000b");
        String ics = ICalendar.of(Json.createReader(new StringReader(hostile)).readObject());
        assertThat(ics.replace("\r\n ", ""), not(containsString("\r\nATTENDEE")));
        for (char c : ics.replace("\r\n", "").toCharArray()) {
            assertFalse(Character.isISOControl(c), "control character U+" + Integer.toHexString(c));
        }
    }

    @Test
    void listsCancelledMeetingsSoThatCalendarsDropThem() {
        String unfolded = calendar().replace("\r\n ", "");
        assertThat(unfolded, containsString("UID:old@b2g\r\nSEQUENCE:1\r\n"));
        assertThat(unfolded, containsString("STATUS:CANCELLED"));
        assertEquals(2, unfolded.split("BEGIN:VEVENT").length - 1);
    }

    @Test
    void placesTheMeetingAtItsTableAndTheSeatOfTheRepresentativeWhoHoldsIt() {
        String unfolded = calendar().replace("\r\n ", "");
        assertThat(unfolded, containsString("LOCATION:Table 1\r\n")); // a meeting without a seat: its table alone
        String startup = AGENDA.replace("\"table\":{\"id\":\"T1\",\"name\":\"Table 1\"},", "\"table\":{\"id\":\"T4\"},"
                + "\"seat\":{\"participant\":\"a-1\",\"number\":2,\"representatives\":3},");
        assertThat(ICalendar.of(Json.createReader(new StringReader(startup)).readObject()).replace("\r\n ", ""),
                containsString("LOCATION:Table T4\\, seat 2 of Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh\\, "
                        + "Phòng Quản lý\r\n"));
    }

    @Test
    void wordsTheReadersOwnSeatAsItsOwnAndLeavesOutTheSeatOfALoneRepresentative() {
        JsonObject own = Json.createReader(new StringReader("""
                {"table": {"id": "T4", "name": "Bàn 4"}, "counterpart": {"id": "s-1", "name": "VietSense AI"},
                 "seat": {"participant": "a-1", "number": 3, "representatives": 3}}""")).readObject();
        assertEquals("Bàn 4, your seat 3", ICalendar.location(own, "a-1"));
        JsonObject alone = Json.createReader(new StringReader("""
                {"table": {"id": "T4"}, "counterpart": {"id": "a-1", "name": "Sở Y tế"},
                 "seat": {"participant": "a-1", "number": 1, "representatives": 1}}""")).readObject();
        assertEquals("Table T4", ICalendar.location(alone, "s-1"));
    }
}
