package org.b2g.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Priority;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJsonTest {

    /** Slots 1..3 in the morning session, 4..5 in the afternoon; tables T1, T2. */
    static final String BASE = """
            {
              "format": "b2g-event/1",
              "event": {"id": "e", "timeZone": "Asia/Ho_Chi_Minh", "slotMinutes": 20,
                "sessions": [{"id": "am", "day": "2024-10-10", "start": "08:30", "end": "09:30"},
                             {"id": "pm", "day": "2024-10-10", "start": "13:30", "slots": 2}],
                "tables": [{"id": "T1"}, {"id": "T2"}]},
              "participants": [
                {"id": "s-1", "role": "startup"},
                {"id": "a-1", "role": "agency"},
                {"id": "a-2", "role": "agency"}],
              "meetings": [{"id": "m-1", "participants": ["s-1", "a-1"]}],
              "requests": [{"from": "s-1", "to": "a-2"}],
              "exclusions": [{"participants": ["s-1", "a-2"]}]
            }
            """;

    @Test
    void saysAZipArchiveUnderAnEventsNameIsOneRatherThanGuessingItsEncoding(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("event.json"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, (byte) 0x83});
        InputException e = assertThrows(InputException.class, () -> EventJson.read(file));
        assertEquals(file + ": is a zip archive, such as an .xlsx workbook under another name, not text; expected UTF-8"
                + " text (a workbook becomes an event with ./b2g import WORKBOOK.xlsx --out event.json).",
                e.getMessage());
        Path dzn = Files.write(dir.resolve("forum.dzn"), Files.readAllBytes(file));
        assertEquals(dzn + ": is a zip archive, such as an .xlsx workbook under another name, not text; expected UTF-8"
                + " text (a workbook becomes an event with ./b2g import WORKBOOK.xlsx --out event.json).",
                assertThrows(InputException.class, () -> DznReader.read(dzn)).getMessage());
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("event.json");
        Files.writeString(file, "\uFEFF" + BASE, StandardCharsets.UTF_8);
        assertEquals("e", EventJson.read(file).id());
        assertEquals("e", read("\uFEFF" + BASE).id());
    }

    @Test
    void namesATypographicQuoteInMalformedJson() {
        assertEquals("event.json:1:2: malformed JSON: unexpected character \"\u201C\".",
                rejection("{\u201Cformat\u201D: 1}"));
    }

    static Event read(String json) {
        return EventJson.read(json, "event.json");
    }

    /** The one-line message for {@code json}, which must be rejected. */
    static String rejection(String json) {
        InputException e = assertThrows(InputException.class, () -> read(json));
        String message = e.getMessage();
        assertTrue(message.startsWith("event.json"), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    static String base(String from, String to) {
        assertTrue(BASE.contains(from), from);
        return BASE.replace(from, to);
    }

    static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }

    // ---------------------------------------------------------------- what is read

    @Test
    void readsTheBaseEvent() {
        Event event = read(BASE);
        assertEquals("e", event.id());
        assertEquals("e", event.name(), "the name defaults to the id");
        assertEquals(5, event.slotCount());
        assertEquals(List.of("T1", "T2"), event.tables().stream().map(t -> t.id()).toList());
        assertEquals(3, event.participants().size());
        assertEquals(1, event.meetings().size());
    }

    @Test
    void readsTheExampleOfFormatsMdCompletedWithTheRecordsItRefersTo() throws IOException {
        Event event = read(resource("formats-example-completed.json"));
        assertEquals("hcmc-dx-day-2024", event.id());
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), event.timeZone());
        assertEquals(20, event.slotCount(), "08:30-11:50 holds 10 slots of 20 minutes, the afternoon 10");
        assertEquals(LocalDateTime.parse("2024-10-10T09:10"), event.slot(3).start());
        assertEquals(LocalDateTime.parse("2024-10-10T13:30"), event.slot(11).start());
        Participant startup = event.participant("s-001");
        assertEquals(Role.STARTUP, startup.role());
        assertEquals(8, startup.maxMeetings());
        assertEquals(1, startup.minMeetings());
        assertEquals(Set.of(1, 2), startup.unavailableSlots());
        assertEquals(List.of("ai", "smart-traffic"), startup.offerings().get(0).tags());
        Participant agency = event.participant("a-dost");
        assertEquals(2, agency.representatives());
        assertEquals("T01", agency.homeTable());
        assertEquals(3, agency.needs().get(0).priority());
        RequiredMeeting m1 = event.meetings().get(1);
        assertEquals(new RequiredMeeting("m-1", "s-001", "a-dost", "d1-am", 3, null, List.of("m-0")), m1);
        assertEquals(Priority.HIGH, event.requests().get(0).priority());
        assertEquals("conflict of interest", event.exclusions().get(0).reason());
        assertEquals(new Rules(2, 3, 0.2), event.rules());
    }

    @Test
    void rejectsTheLiteralExampleOfFormatsMdBecauseItRefersToMeetingM0ThatItDoesNotList() throws IOException {
        assertEquals("event.json: meetings[0].after[0]: unknown meeting \"m-0\".",
                rejection(resource("formats-example.json")));
    }

    @Test
    void numbersSlotsOverSessionsSortedByDayThenStartThenListOrder() {
        String am = "{\"id\": \"am\", \"day\": \"2024-10-10\", \"start\": \"08:30\", \"end\": \"09:30\"}";
        String d2 = "{\"id\": \"d2\", \"day\": \"2024-10-11\", \"start\": \"08:00\", \"slots\": 1}";
        Event event = read(base("\"sessions\": [" + am + ",", "\"sessions\": [" + d2 + ",")
                .replace("\"slots\": 2}]", "\"slots\": 2}, " + am + "]"));
        assertEquals(List.of("am", "pm", "d2"), event.sessions().stream().map(Session::id).toList());
        assertEquals(List.of(1, 4, 6), event.sessions().stream().map(Session::firstSlot).toList());
        assertEquals(List.of("am", "am", "am", "pm", "pm", "d2"),
                event.slots().stream().map(Slot::sessionId).toList());
        assertEquals(List.of(0, 0, 0, 0, 0, 1), event.slots().stream().map(Slot::dayIndex).toList());
        assertEquals(new Slot(4, "pm", 0, LocalDateTime.parse("2024-10-10T13:30"),
                LocalDateTime.parse("2024-10-10T13:50")), event.slot(4));
        assertEquals(LocalDateTime.parse("2024-10-11T08:00"), event.slot(6).start());
    }

    @Test
    void countsOnlyTheWholeSlotsThatFitBeforeTheEnd() {
        Event event = read(base("\"end\": \"09:30\"", "\"end\": \"09:45\""));
        assertEquals(3, event.session("am").slotCount(), "08:30-09:45 holds three 20-minute slots");
    }

    @Test
    void putsSessionsWithoutDayOrStartOnDayOneWithoutClockTimes() {
        Event event = read("""
                {"format": "b2g-event/1",
                 "event": {"id": "plain", "sessions": [{"id": "a", "slots": 2}, {"id": "b", "slots": 3}], "tables": 4},
                 "participants": []}
                """);
        assertNull(event.timeZone());
        assertEquals(5, event.slotCount());
        assertEquals("1", event.session("b").day());
        assertEquals(new Slot(3, "b", 0, null, null), event.slot(3));
        assertEquals(List.of("1", "2", "3", "4"), event.tables().stream().map(t -> t.id()).toList());
    }

    @Test
    void appliesTheDefaultsOfFormatsMd() {
        Event event = read(base("{\"id\": \"a-2\", \"role\": \"agency\"}",
                "{\"id\": \"a-2\", \"role\": \"agency\", \"needs\": [{\"title\": \"Flood sensing\"}]}"));
        Participant startup = event.participant("s-1");
        assertEquals(1, startup.representatives());
        assertEquals(Participant.UNLIMITED, startup.maxMeetings());
        assertEquals(0, startup.minMeetings());
        assertTrue(startup.unavailableSlots().isEmpty());
        assertNull(startup.homeTable());
        assertEquals(Priority.NORMAL, event.requests().get(0).priority());
        assertEquals(1, event.participant("a-2").needs().get(0).priority());
        assertEquals("n-1", event.participant("a-2").needs().get(0).id());
        assertEquals(Rules.NO_CAP, event.rules().maxBreaksPerParticipant());
        assertEquals(3, event.rules().recommendationsPerParticipant());
        assertEquals(0.2, event.rules().minRelevance());
        RequiredMeeting meeting = event.meetings().get(0);
        assertEquals(new RequiredMeeting("m-1", "s-1", "a-1", null, 0, null, List.of()), meeting);
    }

    @Test
    void ignoresUnknownFields() {
        Event event = read(base("\"id\": \"s-1\",", "\"id\": \"s-1\", \"website\": \"https://x.vn\", \"x\": {},")
                .replace("\"format\"", "\"generator\": \"hand\", \"format\""));
        assertEquals(3, event.participants().size());
    }

    @Test
    void treatsNullAsAbsent() {
        Event event = read(base("{\"id\": \"s-1\", \"role\": \"startup\"}",
                "{\"id\": \"s-1\", \"role\": \"startup\", \"maxMeetings\": null, \"homeTable\": null}"));
        assertEquals(Participant.UNLIMITED, event.participant("s-1").maxMeetings());
    }

    @Test
    void readsAFileAndNamesItInMessages(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hcmc.json");
        Files.writeString(file, base("\"s-1\", \"a-1\"]", "\"s-1\", \"s-9\"]"));
        InputException e = assertThrows(InputException.class, () -> EventJson.read(file));
        assertEquals(file + ": meetings[0].participants[1]: unknown participant \"s-9\".", e.getMessage());
    }

    @Test
    void rejectsAMissingFile(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.json");
        InputException e = assertThrows(InputException.class, () -> EventJson.read(file));
        assertEquals(file + ": no such file.", e.getMessage());
    }

    // ---------------------------------------------------------------- references

    @Test
    void rejectsUnknownParticipantInMeeting() {
        assertEquals("event.json: meetings[0].participants[1]: unknown participant \"s-999\".",
                rejection(base("\"s-1\", \"a-1\"]", "\"s-1\", \"s-999\"]")));
    }

    @Test
    void rejectsDuplicateParticipantId() {
        assertEquals("event.json: participants[2].id: duplicate participant id \"s-1\" (also at participants[0]).",
                rejection(base("\"id\": \"a-2\"", "\"id\": \"s-1\"")));
    }

    @Test
    void rejectsDuplicateMeetingId() {
        String message = rejection(base("\"meetings\": [", """
                "meetings": [{"id": "m-1", "participants": ["s-1", "a-2"]},"""));
        assertEquals("event.json: meetings[1].id: duplicate meeting id \"m-1\" (also at meetings[0]).", message);
    }

    @Test
    void rejectsDuplicateTableAndSessionIds() {
        assertMentions(rejection(base("{\"id\": \"T2\"}", "{\"id\": \"T1\"}")),
                "event.tables[1].id", "duplicate table id \"T1\"", "event.tables[0]");
        assertMentions(rejection(base("{\"id\": \"pm\"", "{\"id\": \"am\"")),
                "event.sessions[1].id", "duplicate session id \"am\"", "event.sessions[0]");
    }

    @Test
    void rejectsMeetingOfAParticipantWithItself() {
        assertEquals("event.json: meetings[0].participants: a meeting of \"s-1\" with itself; expected two"
                + " different participants.", rejection(base("\"s-1\", \"a-1\"]", "\"s-1\", \"s-1\"]")));
    }

    @Test
    void rejectsMeetingWithoutExactlyTwoParticipants() {
        assertMentions(rejection(base("\"s-1\", \"a-1\"]", "\"s-1\", \"a-1\", \"a-2\"]")),
                "meetings[0].participants has 3 entries", "two participants");
    }

    @Test
    void rejectsFixedSlotOutsideTheEventsSlots() {
        assertEquals("event.json: meetings[0].fixedSlot (99) is outside 1..5.",
                rejection(base("\"s-1\", \"a-1\"]", "\"s-1\", \"a-1\"], \"fixedSlot\": 99")));
    }

    @Test
    void rejectsUnknownSessionOfMeeting() {
        assertEquals("event.json: meetings[0].session: unknown session \"evening\".",
                rejection(base("\"s-1\", \"a-1\"]", "\"s-1\", \"a-1\"], \"session\": \"evening\"")));
    }

    @Test
    void rejectsUnknownFixedTable() {
        assertEquals("event.json: meetings[0].fixedTable: unknown table \"T9\".",
                rejection(base("\"s-1\", \"a-1\"]", "\"s-1\", \"a-1\"], \"fixedTable\": \"T9\"")));
    }

    @Test
    void rejectsUnknownMeetingInAfter() {
        assertEquals("event.json: meetings[0].after[0]: unknown meeting \"m-0\".",
                rejection(base("\"s-1\", \"a-1\"]", "\"s-1\", \"a-1\"], \"after\": [\"m-0\"]")));
    }

    @Test
    void rejectsMeetingThatMustComeAfterItself() {
        assertMentions(rejection(base("\"s-1\", \"a-1\"]", "\"s-1\", \"a-1\"], \"after\": [\"m-1\"]")),
                "meetings[0].after[0]", "\"m-1\" cannot come after itself");
    }

    @Test
    void resolvesAfterToAMeetingListedLater() {
        Event event = read(base("\"s-1\", \"a-1\"]}]", """
                "s-1", "a-1"], "after": ["m-2"]}, {"id": "m-2", "participants": ["s-1", "a-2"]}]"""));
        assertEquals(List.of("m-2"), event.meetings().get(0).after());
    }

    @Test
    void rejectsUnknownHomeTable() {
        assertEquals("event.json: participants[1].homeTable: unknown table \"T7\".",
                rejection(base("{\"id\": \"a-1\", \"role\": \"agency\"}",
                        "{\"id\": \"a-1\", \"role\": \"agency\", \"homeTable\": \"T7\"}")));
    }

    @Test
    void rejectsRequestToItself() {
        assertEquals("event.json: requests[0]: a request from \"s-1\" to itself; expected two different"
                + " participants.", rejection(base("\"to\": \"a-2\"", "\"to\": \"s-1\"")));
    }

    @Test
    void rejectsRequestToUnknownParticipant() {
        assertEquals("event.json: requests[0].to: unknown participant \"a-404\".",
                rejection(base("\"to\": \"a-2\"", "\"to\": \"a-404\"")));
    }

    @Test
    void rejectsUnknownRequestPriority() {
        assertEquals("event.json: requests[0].priority (\"urgent\") is not a priority; expected must, high or"
                + " normal.", rejection(base("\"to\": \"a-2\"", "\"to\": \"a-2\", \"priority\": \"urgent\"")));
    }

    @Test
    void rejectsExclusionOfUnknownParticipant() {
        assertEquals("event.json: exclusions[0].participants[0]: unknown participant \"s-404\".",
                rejection(base("[\"s-1\", \"a-2\"]}]", "[\"s-404\", \"a-2\"]}]")));
    }

    // ---------------------------------------------------------------- values

    @Test
    void rejectsWrongFormat() {
        assertEquals("event.json: format (\"b2g-schedule/1\") is not supported; expected \"b2g-event/1\".",
                rejection(base("\"b2g-event/1\"", "\"b2g-schedule/1\"")));
    }

    @Test
    void rejectsMissingFormat() {
        assertEquals("event.json: format is missing; expected \"b2g-event/1\".",
                rejection(base("\"format\": \"b2g-event/1\",", "")));
    }

    @Test
    void rejectsADocumentThatIsNotAnObject() {
        assertEquals("event.json: the document ([1,2]) should be an object.", rejection("[1, 2]"));
    }

    @Test
    void rejectsMissingEvent() {
        assertEquals("event.json: event is missing; expected an object.",
                rejection("{\"format\": \"b2g-event/1\", \"participants\": []}"));
    }

    @Test
    void rejectsMissingParticipantIdWithoutNullPointer() {
        assertEquals("event.json: participants[1].id is missing; expected a string.",
                rejection(base("{\"id\": \"a-1\", \"role\": \"agency\"}", "{\"role\": \"agency\"}")));
    }

    @Test
    void rejectsMissingAndUnknownRoles() {
        assertEquals("event.json: participants[0].role is missing; expected a string.",
                rejection(base("{\"id\": \"s-1\", \"role\": \"startup\"}", "{\"id\": \"s-1\"}")));
        assertEquals("event.json: participants[0].role (\"investor\") is not a role; expected startup, agency or"
                + " company.", rejection(base("\"role\": \"startup\"", "\"role\": \"investor\"")));
    }

    @Test
    void rejectsAStringWhereANumberIsExpected() {
        assertEquals("event.json: participants[0].maxMeetings (\"8\") should be a whole number.",
                rejection(base("\"role\": \"startup\"", "\"role\": \"startup\", \"maxMeetings\": \"8\"")));
    }

    @Test
    void rejectsAFractionWhereAWholeNumberIsExpected() {
        assertEquals("event.json: event.slotMinutes (20.5) should be a whole number.",
                rejection(base("\"slotMinutes\": 20", "\"slotMinutes\": 20.5")));
    }

    @Test
    void saysWhichKnownIdAnUnknownOneLooksLikeWhenOnlyItsAccentEncodingOrCaseDiffers() {
        String composed = "s\u1edf-1"; // "sở-1", as most tools write it
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        String json = BASE.replace("\"id\": \"s-1\"", "\"id\": \"" + composed + "\"")
                .replace("[\"s-1\", \"a-1\"]", "[\"" + decomposed + "\", \"a-1\"]");
        assertEquals("event.json: meetings[0].participants[0]: unknown participant \"" + decomposed + "\";"
                + " participants[0].id is \"" + composed + "\", the same letters with their accents encoded differently"
                + " (Unicode NFD and NFC); write both the same way.", rejection(json));
        assertEquals("event.json: requests[0].to: unknown participant \"A-2\"; did you mean \"a-2\""
                + " (participants[2].id)? Ids are matched exactly, case and spaces included.",
                rejection(BASE.replace("\"to\": \"a-2\"}", "\"to\": \"A-2\"}")));
        assertEquals("event.json: requests[0].to: unknown participant \"a-9\".",
                rejection(BASE.replace("\"to\": \"a-2\"}", "\"to\": \"a-9\"}")));
    }

    @Test
    void saysWhatIsAcceptedWhenACountIsTooLarge() {
        assertEquals("event.json: participants[0].representatives (3000000000) is too large; expected at most "
                + Integer.MAX_VALUE + ".", rejection(base("\"role\": \"startup\"",
                        "\"role\": \"startup\", \"representatives\": 3000000000")));
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void rejectsHugeAndTinyExponentsWithoutExpandingThem() {
        assertEquals("event.json: participants[0].maxMeetings (1E+100000000) is too large; expected at most"
                + " 2147483647.",
                rejection(base("\"role\": \"startup\"", "\"role\": \"startup\", \"maxMeetings\": 1e100000000")));
        assertEquals("event.json: event.slotMinutes (1E-100000000) should be a whole number.",
                rejection(base("\"slotMinutes\": 20", "\"slotMinutes\": 1e-100000000")));
        assertEquals("event.json: participants[0].maxMeetings (-1E+100000000) is negative; expected 0 or more.",
                rejection(base("\"role\": \"startup\"", "\"role\": \"startup\", \"maxMeetings\": -1e100000000")));
    }

    @Test
    void acceptsWholeNumbersWrittenWithAnExponentOrTrailingZeros() {
        assertEquals(20, read(base("\"slotMinutes\": 20", "\"slotMinutes\": 2e1")).slotMinutes());
        assertEquals(20, read(base("\"slotMinutes\": 20", "\"slotMinutes\": 20.00")).slotMinutes());
    }

    @Test
    void rejectsANumberWhereAStringIsExpected() {
        assertEquals("event.json: participants[0].id (17) should be a string.",
                rejection(base("\"id\": \"s-1\"", "\"id\": 17")));
    }

    @Test
    void rejectsNegativeNumbers() {
        assertEquals("event.json: participants[0].maxMeetings (-1) is negative; expected 0 or more.",
                rejection(base("\"role\": \"startup\"", "\"role\": \"startup\", \"maxMeetings\": -1")));
        assertEquals("event.json: participants[0].representatives (0) is below 1; expected 1 or more.",
                rejection(base("\"role\": \"startup\"", "\"role\": \"startup\", \"representatives\": 0")));
        assertEquals("event.json: rules.maxBreaksPerParticipant (-2) is negative; expected 0 or more.",
                rejection(base("\"exclusions\"", "\"rules\": {\"maxBreaksPerParticipant\": -2}, \"exclusions\"")));
    }

    @Test
    void rejectsMinMeetingsAboveMaxMeetings() {
        assertEquals("event.json: participants[0].minMeetings (5) exceeds maxMeetings (3).",
                rejection(base("\"role\": \"startup\"",
                        "\"role\": \"startup\", \"minMeetings\": 5, \"maxMeetings\": 3")));
    }

    @Test
    void rejectsMinRelevanceOutsideZeroToOne() {
        assertMentions(rejection(base("\"exclusions\"", "\"rules\": {\"minRelevance\": 1.5}, \"exclusions\"")),
                "rules.minRelevance (1.5) is outside 0.0..1.0");
    }

    @Test
    void rejectsUnavailableSlotOutsideTheEventsSlots() {
        assertEquals("event.json: participants[0].unavailableSlots[1] (6) is outside 1..5.",
                rejection(base("\"role\": \"startup\"", "\"role\": \"startup\", \"unavailableSlots\": [2, 6]")));
    }

    @Test
    void rejectsEmptySessions() {
        assertEquals("event.json: event.sessions is empty; expected at least one session.",
                rejection(base(BASE.substring(BASE.indexOf("[{\"id\": \"am\""), BASE.indexOf(",\n    \"tables\"")),
                        "[]")));
    }

    @Test
    void rejectsASessionTooShortForOneSlot() {
        assertEquals("event.json: event.sessions[0] is empty: 08:30..08:45 holds no whole 20-minute slot.",
                rejection(base("\"end\": \"09:30\"", "\"end\": \"08:45\"")));
    }

    @Test
    void rejectsASessionWithZeroSlots() {
        assertEquals("event.json: event.sessions[1].slots (0) is outside 1..10000.",
                rejection(base("\"slots\": 2", "\"slots\": 0")));
    }

    @Test
    void rejectsEndNotAfterStart() {
        assertEquals("event.json: event.sessions[0].end (\"08:00\") is not after start (\"08:30\").",
                rejection(base("\"end\": \"09:30\"", "\"end\": \"08:00\"")));
    }

    @Test
    void rejectsSessionWithBothEndAndSlotsOrNeither() {
        assertMentions(rejection(base("\"end\": \"09:30\"", "\"end\": \"09:30\", \"slots\": 3")),
                "event.sessions[0] gives both end and slots");
        assertMentions(rejection(base(", \"end\": \"09:30\"", "")),
                "event.sessions[0] has neither end nor slots");
    }

    @Test
    void rejectsOverlappingSessionsOfOneDay() {
        assertEquals("event.json: event.sessions[1] (pm, 09:00) starts before event.sessions[0] (am) ends at 09:30;"
                + " expected sessions of one day not to overlap.",
                rejection(base("\"start\": \"13:30\"", "\"start\": \"09:00\"")));
    }

    @Test
    void rejectsASessionPastMidnightThatOverlapsTheNextDaysFirst() {
        // am runs 23:00 to 01:00: the next day's 00:20 would be two slots at one time
        assertEquals("event.json: event.sessions[1] (pm, 00:20) starts before event.sessions[0] (am) ends at"
                + " 2024-10-11T01:00; expected sessions not to overlap.",
                rejection(base("\"start\": \"08:30\", \"end\": \"09:30\"", "\"start\": \"23:00\", \"slots\": 6")
                        .replace("\"day\": \"2024-10-10\", \"start\": \"13:30\"",
                                "\"day\": \"2024-10-11\", \"start\": \"00:20\"")));
        assertEquals(8, read(base("\"start\": \"08:30\", \"end\": \"09:30\"", "\"start\": \"23:00\", \"slots\": 6")
                .replace("\"day\": \"2024-10-10\", \"start\": \"13:30\"",
                        "\"day\": \"2024-10-11\", \"start\": \"01:00\"")).slots().size(), "back to back is fine");
    }

    @Test
    void rejectsASlotAtAClockTimeTheTimeZoneSkips() {
        // Berlin's clocks went from 02:00 to 03:00 on 2024-03-31: a slot at 02:00 would be the slot at 03:00.
        String berlin = BASE.replace("Asia/Ho_Chi_Minh", "Europe/Berlin").replace("2024-10-10", "2024-03-31");
        assertEquals("event.json: event.sessions[0] (am) has a slot at 02:00 on 2024-03-31, a time Europe/Berlin"
                + " skips when its clocks go forward; expected sessions outside that change.",
                rejection(berlin.replace("\"start\": \"08:30\", \"end\": \"09:30\"",
                        "\"start\": \"01:40\", \"end\": \"03:00\"")));
        assertEquals(5, read(berlin).slots().size(), "the rest of that day is fine");
    }

    @Test
    void rejectsADayBeyondFourDigitYearsInsteadOfRunningOutOfTheCalendar() {
        assertEquals("event.json: event.sessions[0].day (\"+999999999-12-31\") is not a date; expected YYYY-MM-DD such"
                + " as \"2024-10-10\".", rejection(base("\"day\": \"2024-10-10\", \"start\": \"08:30\"",
                        "\"day\": \"+999999999-12-31\", \"start\": \"23:40\"")));
    }

    @Test
    void rejectsBadDaySyntax() {
        assertEquals("event.json: event.sessions[0].day (\"10/10/2024\") is not a date; expected YYYY-MM-DD such as"
                + " \"2024-10-10\".", rejection(base("\"day\": \"2024-10-10\", \"start\": \"08:30\"",
                        "\"day\": \"10/10/2024\", \"start\": \"08:30\"")));
    }

    @Test
    void rejectsBadTimeSyntax() {
        assertEquals("event.json: event.sessions[1].start (\"1:30pm\") is not a time of day; expected HH:MM such as"
                + " \"08:30\".", rejection(base("\"start\": \"13:30\"", "\"start\": \"1:30pm\"")));
    }

    @Test
    void readsTwentyFourHundredAsTheEndOfTheDay() {
        Event event = read(base("\"start\": \"13:30\", \"slots\": 2", "\"start\": \"22:00\", \"end\": \"24:00\""));
        assertEquals(3 + 6, event.slotCount(), "22:00 to midnight holds six 20-minute slots");
        assertEquals(LocalDateTime.parse("2024-10-10T23:40"), event.slot(9).start());
        assertEquals(LocalDateTime.parse("2024-10-11T00:00"), event.slot(9).end());
    }

    @Test
    void refusesTwentyFourHundredAsAStartSayingItIsAnEndOnly() {
        assertEquals("event.json: event.sessions[1].start (\"24:00\") is the end of the day, which only an end may"
                + " be; expected a start from \"00:00\" to \"23:59\".", rejection(base("\"start\": \"13:30\"",
                        "\"start\": \"24:00\"")));
        assertEquals("event.json: event.sessions[0].end (\"25:00\") is not a time of day; expected HH:MM such as"
                + " \"08:30\", or \"24:00\" for a session that ends at midnight.", rejection(base("\"end\": \"09:30\"",
                        "\"end\": \"25:00\"")));
    }

    @Test
    void readsATimeWrittenWithAOneDigitHour() {
        Event event = read(base("\"start\": \"08:30\"", "\"start\": \"8:30\""));
        assertEquals(LocalDateTime.parse("2024-10-10T08:30"), event.slot(1).start());
    }

    @Test
    void rejectsStartWithoutDay() {
        assertMentions(rejection(base("\"day\": \"2024-10-10\", \"start\": \"13:30\"", "\"start\": \"13:30\"")),
                "event.sessions[1].start (\"13:30\") needs a day");
    }

    @Test
    void rejectsUnknownTimeZone() {
        assertEquals("event.json: event.timeZone (\"Mars/Olympus\") is not a known time zone; expected an IANA zone"
                + " such as \"Asia/Ho_Chi_Minh\".", rejection(base("Asia/Ho_Chi_Minh", "Mars/Olympus")));
    }

    @Test
    void readsAMissingTimeZoneAsUtcAndWarnsWhenSessionsHaveClockTimes() {
        String json = base("\"timeZone\": \"Asia/Ho_Chi_Minh\",", "");
        Event event = read(json);
        assertEquals(ZoneId.of("UTC"), event.timeZone());
        assertEquals(LocalDateTime.of(2024, 10, 10, 8, 30), event.slot(1).start());
        assertEquals(List.of("event.timeZone is missing although the sessions have clock times; the times are read"
                + " as UTC, so schedules, agendas and calendars give them at +00:00 (a calendar in another zone shows"
                + " them shifted); expected the event's IANA zone, such as Asia/Ho_Chi_Minh"),
                EventJson.documentWarnings(json, "event.json"));
        assertEquals(List.of(), EventJson.documentWarnings(BASE, "event.json"));
        String noClock = """
                {"format": "b2g-event/1", "event": {"id": "e", "sessions": [{"id": "x", "slots": 2}], "tables": 1},
                 "participants": []}
                """;
        assertNull(read(noClock).timeZone(), "no clock times, no zone needed");
        assertEquals(List.of(), EventJson.documentWarnings(noClock, "event.json"));
    }

    @Test
    void refusesANeedPriorityOutsideOneToThree() {
        for (String priority : List.of("4", "0", "-1", "2.5", "\"3\"")) {
            assertEquals("event.json: participants[1].needs[0].priority (" + priority + ") "
                    + (priority.startsWith("\"") ? "should be a whole number" : "is not a need priority")
                    + "; expected 1, 2 or 3 (3 the most important).",
                    rejection(base("{\"id\": \"a-1\", \"role\": \"agency\"}", "{\"id\": \"a-1\", \"role\": \"agency\","
                            + " \"needs\": [{\"title\": \"Maps\", \"priority\": " + priority + "}]}")));
        }
        assertEquals(3, read(base("{\"id\": \"a-1\", \"role\": \"agency\"}", "{\"id\": \"a-1\", \"role\":"
                + " \"agency\", \"needs\": [{\"title\": \"Maps\", \"priority\": 3}]}")).participant("a-1").needs()
                .get(0).priority());
    }

    @Test
    void readsAnOfferingOrNeedWithoutTitleWhenItHasTags() {
        Event event = read(base("{\"id\": \"s-1\", \"role\": \"startup\"}", "{\"id\": \"s-1\", \"role\":"
                + " \"startup\", \"offerings\": [{\"tags\": [\"ai\"]}]}"));
        assertEquals("", event.participant("s-1").offerings().get(0).title());
        assertEquals(List.of("ai"), event.participant("s-1").offerings().get(0).tags());
        assertEquals("event.json: participants[1].needs[0].title is missing; expected the need's title, or tags for an"
                + " untitled need.", rejection(base("{\"id\": \"a-1\", \"role\": \"agency\"}", "{\"id\": \"a-1\","
                + " \"role\": \"agency\", \"needs\": [{\"tags\": []}]}")));
    }

    @Test
    void rejectsMissingSlotMinutesWhenASessionHasClockTimes() {
        assertMentions(rejection(base("\"slotMinutes\": 20,", "")),
                "event.slotMinutes is missing", "event.sessions[0] has clock times");
    }

    @Test
    void readsTablesGivenByTheirIdsAlone() {
        Event event = read(base("[{\"id\": \"T1\"}, {\"id\": \"T2\"}]", "[\"T1\", {\"id\": \"T2\", \"name\": \"Window\"}]"));
        assertEquals(List.of("T1", "T2"), event.tables().stream().map(t -> t.id()).toList());
        assertEquals("Window", event.table("T2").name());
        assertEquals("event.json: event.tables[1] (2) should be a table: an object with an id, or the id alone.",
                rejection(base("[{\"id\": \"T1\"}, {\"id\": \"T2\"}]", "[\"T1\", 2]")));
        assertMentions(rejection(base("[{\"id\": \"T1\"}, {\"id\": \"T2\"}]", "[\"T1\", \"T1\"]")),
                "duplicate table id \"T1\"");
    }

    @Test
    void rejectsTablesThatAreNeitherAListNorACount() {
        assertEquals("event.json: event.tables (\"T1\") should be a list of tables or a number of tables.",
                rejection(base("[{\"id\": \"T1\"}, {\"id\": \"T2\"}]", "\"T1\"")));
        assertEquals("event.json: event.tables is empty; expected at least one table.",
                rejection(base("[{\"id\": \"T1\"}, {\"id\": \"T2\"}]", "[]")));
        assertEquals("event.json: event.tables (0) is outside 1..100000.",
                rejection(base("[{\"id\": \"T1\"}, {\"id\": \"T2\"}]", "0")));
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        String message = rejection(base("\"id\": \"a-2\",", "\"id\": \"a-2\",,"));
        assertEquals("event.json:10:18: malformed JSON: found ',' where a string was expected.", message);
    }

    @Test
    void rejectsSingleQuotedJsonNamingTheCharacter() {
        assertEquals("event.json:1:2: malformed JSON: unexpected character \"'\".",
                rejection("{'format': 'b2g-event/1'}"));
    }

    @Test
    void rejectsTruncatedJsonWithLineAndColumn() {
        String truncated = BASE.substring(0, BASE.indexOf("\"requests\""));
        String message = rejection(truncated);
        assertTrue(message.matches("event\\.json:\\d+:\\d+: the JSON is truncated; expected the rest of the"
                + " document\\."), message);
    }

    @Test
    void rejectsTextAfterTheEndOfTheDocumentNamingItsOffsetAndTheText() {
        String json = BASE.strip() + " {\"x\":1}\n";
        int offset = BASE.strip().length() + 1;
        int lines = (int) BASE.strip().lines().count();
        int column = BASE.strip().length() - BASE.strip().lastIndexOf('\n') + 1;
        assertEquals("event.json:" + lines + ":" + column + ": text after the end of the JSON document, at offset "
                + offset + " ({\"x\":1}); expected one JSON document only.", rejection(json));
        assertMentions(rejection("\uFEFF" + BASE + "\n\n  x"), "at offset", "(x)");
        assertEquals("e", read(BASE + " \r\n\t\n").id());
    }

    @Test
    void rejectsAnEmptyOrBlankFileSayingItIsEmpty() {
        assertEquals("event.json: is empty; expected a JSON document.", rejection(""));
        assertEquals("event.json: is empty; expected a JSON document.", rejection("\uFEFF \r\n\n"));
    }

    @Test
    void rejectsAKeyGivenTwiceInOneObjectWhichWouldSilentlyDropTheFirst() {
        String appended = BASE.strip().substring(0, BASE.strip().length() - 1)
                + ",\n  \"requests\": [{\"from\": \"a-1\", \"to\": \"s-1\"}]\n}";
        assertEquals("event.json:15:45: \"requests\" is given twice in one object; expected it once (the second"
                + " would silently replace the first: add to the list that is there instead).", rejection(appended));
        assertMentions(rejection(base("{\"id\": \"s-1\", \"role\": \"startup\"}",
                "{\"id\": \"s-1\", \"role\": \"startup\", \"id\": \"s-9\"}")), "\"id\" is given twice");
    }

    @Test
    void rejectsDeeplyNestedJsonInOneLineInsteadOfCrashing() {
        assertEquals("event.json: the JSON is nested more than 1,000 levels deep; expected a b2g document, which"
                + " nests a few levels.", rejection("[".repeat(100_000) + "]".repeat(100_000)));
    }

    @Test
    void namesAnInvisibleCharacterByItsCode() {
        assertEquals("event.json:1:1: malformed JSON: unexpected character U+0000.", rejection("\u0000{}"));
    }

    @Test
    void readsUtf16WithAByteOrderMarkAndNamesOtherEncodings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("event.json");
        Files.write(file, ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_16LE));
        assertEquals("e", EventJson.read(file).id(), "UTF-16 with its mark, as Windows PowerShell's > writes");
        Files.write(file, BASE.replace("\"id\": \"e\"", "\"id\": \"Sở\"").getBytes(StandardCharsets.UTF_16LE));
        InputException utf16 = assertThrows(InputException.class, () -> EventJson.read(file));
        assertEquals(file + ": is not UTF-8 text (byte 0xDF on line 3); it looks like UTF-16 without a byte-order"
                + " mark; expected UTF-8 (save it as UTF-8; in PowerShell, Out-File -Encoding utf8).",
                utf16.getMessage());
        String decomposed = Normalizer.normalize("Sở", Normalizer.Form.NFD); // as 1258 stores it
        Files.write(file, BASE.replace("\"id\": \"e\"", "\"id\": \"" + decomposed + "\"")
                .getBytes(Charset.forName("windows-1258")));
        assertMentions(assertThrows(InputException.class, () -> EventJson.read(file)).getMessage(),
                "is not UTF-8 text (byte 0x", "on line 3); it looks like Windows-1258 (Vietnamese)");
    }

    @Test
    void namesUtf16WithoutAByteOrderMarkEvenWhenEveryCharacterIsAscii(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("event.json");
        Files.write(file, BASE.getBytes(StandardCharsets.UTF_16LE)); // valid UTF-8, a zero byte in every pair
        assertEquals(file + ": is not UTF-8 text (byte 0x00 on line 1); it looks like UTF-16 without a byte-order"
                + " mark; expected UTF-8 (save it as UTF-8; in PowerShell, Out-File -Encoding utf8).",
                assertThrows(InputException.class, () -> EventJson.read(file)).getMessage());
    }

    @Test
    void rejectsAnIdHoldingHalfACharacterInsteadOfWritingItBackChanged() {
        // an emoji cut in half by a tool's substring: written back as "?", the id would no longer match
        assertEquals("event.json: participants[0].id holds \\ud83d at character 3, half of a character"
                + " (a surrogate without its pair); expected Unicode text.",
                rejection(base("\"id\": \"s-1\", \"role\"", "\"id\": \"s-\\ud83d\", \"role\"")));
        assertEquals("s-\ud83d\ude00", read(base("\"s-1\"", "\"s-\\ud83d\\ude00\"")).participants().get(0).id());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = EventJsonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
