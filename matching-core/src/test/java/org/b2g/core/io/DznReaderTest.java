package org.b2g.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.RequiredMeeting;
import org.junit.jupiter.api.Test;

class DznReaderTest {

    /** The benchmark folder, read in place (never copied into the project). */
    static final Path BENCHMARK = Path.of(System.getProperty("b2g.benchmark",
            "../../shared/datasets/b2b-jair22"));

    @Test
    void readsEveryBenchmarkInstanceWithTheCountsOfItsHeader() throws IOException {
        Path dir = BENCHMARK.toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "benchmark not found at " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            long read = files.filter(f -> f.toString().endsWith(".dzn")).peek(f -> {
                Event event = DznReader.read(f);
                String text;
                try {
                    text = Files.readString(f);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                assertEquals(header(text, "nBusiness"), event.participants().size(), f.toString());
                assertEquals(header(text, "nMeetings"), event.meetings().size(), f.toString());
                assertEquals(header(text, "nTotalSlots"), event.slots().size(), f.toString());
                assertEquals(header(text, "nTables"), event.tables().size(), f.toString());
            }).count();
            assertEquals(20, read);
        }
    }

    private static int header(String text, String name) {
        var m = java.util.regex.Pattern.compile(name + "\\s*=\\s*(\\d+)").matcher(text);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    /** Three participants who all meet each other, two slots, two tables. */
    static final String SMALL = """
            nBusiness = 3;
            nMeetings = 3;
            nTables = 2;
            nTotalSlots = 2;
            nMorningSlots = 1;
            requested = [| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |];
            meetingsxBusiness = [{1, 2, 3}, {1, 2, 4}, {1, 3, 4}];
            nMeetingsBusiness = [2, 2, 2];
            forbidden = [{0}, {0}, {0}];
            fixed = [0, 0, 0];
            precedences = [{}, {}, {}];
            """;

    static Event small() {
        return DznReader.read(SMALL, "small");
    }

    @Test
    void mapsTheSmallInstanceAsFormatsMdSays() {
        Event event = small();
        assertEquals(List.of("1", "2", "3"), event.participants().stream().map(p -> p.id()).toList());
        assertEquals(new RequiredMeeting("2", "1", "3", null, 0, null, List.of()), event.meetings().get(1));
        assertEquals(List.of("am", "pm"), event.sessions().stream().map(s -> s.id()).toList());
        assertEquals("pm", event.slot(2).sessionId());
        assertEquals(0, event.slot(2).dayIndex(), "one day: lunch is no slot");
        assertEquals(2, event.rules().maxBreaksPerParticipant());
    }

    @Test
    void mapsForbiddenFixedAndPrecedencesDroppingTheDummyZero() {
        Event event = DznReader.read(SMALL.replace("forbidden = [{0}, {0}, {0}]", "forbidden = [{0, 2}, {0}, {0}]")
                .replace("fixed = [0, 0, 0]", "fixed = [0, 0, 1]")
                .replace("precedences = [{}, {}, {}]", "precedences = [{}, {}, {1}]"), "small");
        assertEquals(Set.of(2), event.participant("1").unavailableSlots());
        assertEquals(new RequiredMeeting("3", "2", "3", null, 1, null, List.of("1")), event.meetings().get(2));
    }

    @Test
    void namesTheEventAfterTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.original.dzn");
        Files.writeString(file, SMALL);
        assertEquals("tiny.original", DznReader.read(file).id());
    }

    static String rejection(String text) {
        InputException e = assertThrows(InputException.class, () -> DznReader.read(text, "small.dzn"));
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    static String small(String from, String to) {
        org.junit.jupiter.api.Assertions.assertTrue(SMALL.contains(from), from);
        return SMALL.replace(from, to);
    }

    @Test
    void readsSetsWrittenAsRanges() {
        Event event = DznReader.read(small("forbidden = [{0}, {0}, {0}]", "forbidden = [1..2, 2..1, {}]")
                .replace("precedences = [{}, {}, {}]", "precedences = [{}, 1..1, {}]"), "small");
        assertEquals(Set.of(1, 2), event.participant("1").unavailableSlots());
        assertEquals(Set.of(), event.participant("2").unavailableSlots());
        assertEquals(List.of("1"), event.meetings().get(1).after());
    }

    @Test
    void readsBlockCommentsAndALastItemWithoutSemicolon() {
        String text = "/* generated\n   by hand */\n" + SMALL.strip();
        Event event = DznReader.read(text.substring(0, text.length() - 1), "small");
        assertEquals(3, event.meetings().size());
        assertEquals("small.dzn:1: a comment opened with '/*' is never closed with '*/'.", rejection("/* " + SMALL));
    }

    @Test
    void readsArraysWrittenWithArray1dAndArray2d() {
        Event event = DznReader.read(small("[| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |]",
                "array2d(1..3, 1..3, [1, 2, 3, 1, 3, 3, 2, 3, 3])")
                .replace("fixed = [0, 0, 0]", "fixed = array1d(1..3, [0, 0, 1])"), "small");
        assertEquals(new RequiredMeeting("3", "2", "3", null, 1, null, List.of()), event.meetings().get(2));
        assertEquals("small.dzn:6: field 'requested': array2d has 8 values but its index sets hold 9.",
                rejection(small("[| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |]", "array2d(1..3, 1..3, [1, 2, 3, 1, 3, 3, 2, 3])")));
    }

    @Test
    void rejectsCountsTooLargeToHoldInsteadOfRunningOutOfMemory() {
        assertEquals("small.dzn:1: nBusiness (100000000) is outside 1..100000.",
                rejection(small("nBusiness = 3;", "nBusiness = 100000000;")));
        assertEquals("small.dzn:1: field 'nBusiness': the number 99999999999 is too large; expected at most 2147483647.",
                rejection(small("nBusiness = 3;", "nBusiness = 99999999999;")));
    }

    @Test
    void rejectsAMalformedNumber() {
        assertEquals("small.dzn:3: field 'nTables': expected a number but found 'two;'.",
                rejection(small("nTables = 2;", "nTables = two;")));
    }

    @Test
    void rejectsAMissingSemicolon() {
        assertEquals("small.dzn:4: field 'nTables': expected ';' but found 'nTotalSlots '.",
                rejection(small("nTables = 2;", "nTables = 2")));
    }

    @Test
    void rejectsATruncatedFile() {
        assertEquals("small.dzn:6: field 'requested' is truncated: the file ends inside the array.",
                rejection(SMALL.substring(0, SMALL.indexOf("| 2, 3"))));
    }

    @Test
    void rejectsAFileThatEndsBeforeAValue() {
        assertEquals("small.dzn:6: field 'requested' is truncated: the file ends before its value.",
                rejection(SMALL.substring(0, SMALL.indexOf("[|"))));
    }

    @Test
    void rejectsAMissingField() {
        assertEquals("small.dzn: field 'nTables' is missing.", rejection(small("nTables = 2;", "")));
    }

    @Test
    void rejectsAFieldAssignedTwice() {
        assertEquals("small.dzn:3: field 'nTables' is assigned twice.",
                rejection(small("nTables = 2;", "nTables = 2; nTables = 3;")));
    }

    @Test
    void rejectsRequestedRowsThatDisagreeWithNMeetings() {
        assertEquals("small.dzn:6: 'requested' has 3 rows but nMeetings is 4.",
                rejection(small("nMeetings = 3;", "nMeetings = 4;")));
    }

    @Test
    void rejectsMeetingCountsThatDisagreeWithRequested() {
        assertEquals("small.dzn:8: 'nMeetingsBusiness' gives participant 3 1 meetings but 'requested' gives it 2.",
                rejection(small("nMeetingsBusiness = [2, 2, 2]", "nMeetingsBusiness = [2, 2, 1]")));
    }

    @Test
    void rejectsMeetingListsThatDisagreeWithRequested() {
        assertEquals("small.dzn:7: 'meetingsxBusiness' gives participant 2 meetings [1, 2] but 'requested' gives it"
                + " [1, 3].", rejection(small("{1, 2, 4}", "{1, 2, 3}")));
    }

    @Test
    void rejectsAPerParticipantArrayOfTheWrongLength() {
        assertEquals("small.dzn:9: 'forbidden' has 2 sets; expected 3.",
                rejection(small("forbidden = [{0}, {0}, {0}]", "forbidden = [{0}, {0}]")));
    }

    @Test
    void rejectsAParticipantOutOfRange() {
        assertEquals("small.dzn:6: meeting 3 names participant (4), outside 1..3.",
                rejection(small("| 2, 3, 3 |]", "| 2, 4, 3 |]")));
    }

    @Test
    void rejectsAMeetingOfAParticipantWithItself() {
        assertEquals("small.dzn:6: meeting 3 is a meeting of participant 2 with itself.",
                rejection(small("| 2, 3, 3 |]", "| 2, 2, 3 |]")));
    }

    @Test
    void rejectsARowWithoutThreeValues() {
        assertEquals("small.dzn:6: row 3 of 'requested' has 2 values; expected 3 (participant, participant,"
                + " session).", rejection(small("| 2, 3, 3 |]", "| 2, 3 |]")));
    }

    @Test
    void rejectsAWrongSessionCode() {
        assertEquals("small.dzn:6: meeting 3 has session (4); expected 1 (morning), 2 (afternoon) or 3 (either).",
                rejection(small("| 2, 3, 3 |]", "| 2, 3, 4 |]")));
    }

    @Test
    void rejectsAnAfternoonMeetingWhenThereIsNoAfternoon() {
        assertEquals("small.dzn:6: meeting 3 asks for the afternoon (2) but there is no afternoon: nMorningSlots ="
                + " nTotalSlots = 2.", rejection(small("| 2, 3, 3 |]", "| 2, 3, 2 |]")
                        .replace("nMorningSlots = 1;", "nMorningSlots = 2;")));
    }

    @Test
    void rejectsAForbiddenSlotOutOfRange() {
        assertEquals("small.dzn:9: 'forbidden' of participant 2 holds slot (3), outside 1..2.",
                rejection(small("forbidden = [{0}, {0}, {0}]", "forbidden = [{0}, {0, 3}, {0}]")));
    }

    @Test
    void rejectsAFixedSlotOutOfRange() {
        assertEquals("small.dzn:10: meeting 2 is fixed to slot (7), outside 0..2.",
                rejection(small("fixed = [0, 0, 0]", "fixed = [0, 7, 0]")));
    }

    @Test
    void rejectsAPrecedenceOnAnUnknownMeetingOrItself() {
        assertEquals("small.dzn:11: meeting 1 must follow meeting (9); expected another meeting in 1..3.",
                rejection(small("precedences = [{}, {}, {}]", "precedences = [{9}, {}, {}]")));
        assertEquals("small.dzn:11: meeting 2 must follow meeting (2); expected another meeting in 1..3.",
                rejection(small("precedences = [{}, {}, {}]", "precedences = [{}, {2}, {}]")));
    }

    @Test
    void rejectsACountThatIsNotPositive() {
        assertEquals("small.dzn:4: nTotalSlots (0) should be 1 or more.",
                rejection(small("nTotalSlots = 2;", "nTotalSlots = 0;")));
    }

    @Test
    void rejectsAnArrayWhereANumberIsExpected() {
        assertEquals("small.dzn:1: field 'nBusiness' should be a number.",
                rejection(small("nBusiness = 3;", "nBusiness = [3];")));
    }

    @Test
    void rejectsAFlatArrayWhereRowsAreExpected() {
        assertEquals("small.dzn:6: field 'requested' should be a 2-d array [| ... |].",
                rejection(small("[| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |]", "[1, 2, 3]")));
    }
}
