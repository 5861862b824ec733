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
        assertEquals("small.dzn:1:1: a comment opened with '/*' is never closed with '*/'.", rejection("/* " + SMALL));
    }

    @Test
    void readsArraysWrittenWithArray1dAndArray2d() {
        Event event = DznReader.read(small("[| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |]",
                "array2d(1..3, 1..3, [1, 2, 3, 1, 3, 3, 2, 3, 3])")
                .replace("fixed = [0, 0, 0]", "fixed = array1d(1..3, [0, 0, 1])"), "small");
        assertEquals(new RequiredMeeting("3", "2", "3", null, 1, null, List.of()), event.meetings().get(2));
        assertEquals("small.dzn:6:32: field 'requested': array2d has 8 values but its index sets hold 9.",
                rejection(small("[| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |]", "array2d(1..3, 1..3, [1, 2, 3, 1, 3, 3, 2, 3])")));
    }

    @Test
    void rejectsCountsTooLargeToHoldInsteadOfRunningOutOfMemory() {
        assertEquals("small.dzn:1:1: nBusiness (100000000) is outside 1..100000.",
                rejection(small("nBusiness = 3;", "nBusiness = 100000000;")));
        assertEquals("small.dzn:1:13: field 'nBusiness': the number 99999999999 is too large; expected at most"
                + " 2147483647.",
                rejection(small("nBusiness = 3;", "nBusiness = 99999999999;")));
        assertEquals("small.dzn:1:13: field 'nBusiness': -least is 2147483648, too large; expected at most 2147483647.",
                rejection(small("nBusiness = 3;", "nBusiness = -least; least = -2147483648;")));
    }

    @Test
    void rejectsAMalformedNumber() {
        assertEquals("small.dzn:3:11: field 'nTables': expected a number but found 'two', which is neither a number"
                + " nor a parameter this file sets to one.",
                rejection(small("nTables = 2;", "nTables = two;")));
    }

    @Test
    void rejectsAMissingSemicolon() {
        assertEquals("small.dzn:4:1: field 'nTables': expected ';' but found 'nTotalSlots '.",
                rejection(small("nTables = 2;", "nTables = 2")));
    }

    @Test
    void rejectsATruncatedFile() {
        assertEquals("small.dzn:6:36: field 'requested' is truncated: the file ends inside the array.",
                rejection(SMALL.substring(0, SMALL.indexOf("| 2, 3"))));
    }

    @Test
    void rejectsAFileThatEndsBeforeAValue() {
        assertEquals("small.dzn:6:13: field 'requested' is truncated: the file ends before its value.",
                rejection(SMALL.substring(0, SMALL.indexOf("[|"))));
    }

    @Test
    void rejectsAMissingField() {
        assertEquals("small.dzn: field 'nTables' is missing; expected 'nTables = ...;'.",
                rejection(small("nTables = 2;", "")));
    }

    @Test
    void rejectsAFieldAssignedTwice() {
        assertEquals("small.dzn:3:14: field 'nTables' is assigned twice (also at 3:1); expected it once.",
                rejection(small("nTables = 2;", "nTables = 2; nTables = 3;")));
    }

    @Test
    void rejectsRequestedRowsThatDisagreeWithNMeetings() {
        assertEquals("small.dzn:6:1: 'requested' has 3 rows but nMeetings is 4.",
                rejection(small("nMeetings = 3;", "nMeetings = 4;")));
    }

    @Test
    void rejectsMeetingCountsThatDisagreeWithRequested() {
        assertEquals("small.dzn:8:28: 'nMeetingsBusiness' gives participant 3 1 meetings but 'requested' gives it 2.",
                rejection(small("nMeetingsBusiness = [2, 2, 2]", "nMeetingsBusiness = [2, 2, 1]")));
    }

    @Test
    void rejectsMeetingListsThatDisagreeWithRequested() {
        assertEquals("small.dzn:7:33: 'meetingsxBusiness' gives participant 2 meetings [1, 2] but 'requested' gives it"
                + " [1, 3].", rejection(small("{1, 2, 4}", "{1, 2, 3}")));
    }

    @Test
    void rejectsAPerParticipantArrayOfTheWrongLength() {
        assertEquals("small.dzn:9:1: 'forbidden' has 2 sets; expected 3.",
                rejection(small("forbidden = [{0}, {0}, {0}]", "forbidden = [{0}, {0}]")));
    }

    @Test
    void rejectsAParticipantOutOfRange() {
        assertEquals("small.dzn:6:38: field 'requested': meeting 3 names participant (4), outside 1..3.",
                rejection(small("| 2, 3, 3 |]", "| 2, 4, 3 |]")));
    }

    @Test
    void rejectsAMeetingOfAParticipantWithItself() {
        assertEquals("small.dzn:6:38: field 'requested': meeting 3 is a meeting of participant 2 with itself.",
                rejection(small("| 2, 3, 3 |]", "| 2, 2, 3 |]")));
    }

    @Test
    void rejectsARowWithoutThreeValues() {
        assertEquals("small.dzn:6:38: row 3 of 'requested' has 2 values; expected 3 (participant, participant,"
                + " session).", rejection(small("| 2, 3, 3 |]", "| 2, 3 |]")));
    }

    @Test
    void rejectsAWrongSessionCode() {
        assertEquals("small.dzn:6:38: field 'requested': meeting 3 has session (4); expected 1 (morning), 2 (afternoon)"
                + " or 3 (either).",
                rejection(small("| 2, 3, 3 |]", "| 2, 3, 4 |]")));
    }

    @Test
    void rejectsAnAfternoonMeetingWhenThereIsNoAfternoon() {
        assertEquals("small.dzn:6:38: field 'requested': meeting 3 asks for the afternoon (2) but there is no afternoon:"
                + " nMorningSlots ="
                + " nTotalSlots = 2.", rejection(small("| 2, 3, 3 |]", "| 2, 3, 2 |]")
                        .replace("nMorningSlots = 1;", "nMorningSlots = 2;")));
    }

    @Test
    void pointsAtTheRowOfTheMeetingAnErrorIsAboutInAnArrayOfManyLines() {
        String rows = "requested = [|\n  1, 2, 3,\n| 1, 3, 3,\n| 2, 9, 3\n|];";
        assertEquals("small.dzn:9:3: field 'requested': meeting 3 names participant (9), outside 1..3.",
                rejection(small("requested = [| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |];", rows)));
        String call = "requested = array2d(1..3, 1..3, [1, 2, 3,\n 1, 3, 3,\n 2, 9, 3]);";
        assertEquals("small.dzn:8:2: field 'requested': meeting 3 names participant (9), outside 1..3.",
                rejection(small("requested = [| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |];", call)));
        String fixed = "fixed = array1d(1..3, [0,\n0,\n   5]);";
        assertEquals("small.dzn:12:4: field 'fixed': meeting 3 is fixed to slot (5), outside 0..2.",
                rejection(small("fixed = [0, 0, 0];", fixed)));
    }

    @Test
    void showsAControlCharacterWhereAFieldShouldStartAsAnEscape() {
        assertEquals("small.dzn:12:1: expected a field name but found '\\u0000\\u0001'.",
                rejection(SMALL + "\u0000\u0001"));
    }

    @Test
    void rejectsAForbiddenSlotOutOfRange() {
        assertEquals("small.dzn:9:19: 'forbidden' of participant 2 holds slot (3), outside 1..2.",
                rejection(small("forbidden = [{0}, {0}, {0}]", "forbidden = [{0}, {0, 3}, {0}]")));
    }

    @Test
    void rejectsAFixedSlotOutOfRange() {
        assertEquals("small.dzn:10:13: field 'fixed': meeting 2 is fixed to slot (7), outside 0..2.",
                rejection(small("fixed = [0, 0, 0]", "fixed = [0, 7, 0]")));
    }

    @Test
    void rejectsAPrecedenceOnAnUnknownMeetingOrItself() {
        assertEquals("small.dzn:11:16: field 'precedences': meeting 1 must follow meeting (9); expected another meeting"
                + " in 1..3.",
                rejection(small("precedences = [{}, {}, {}]", "precedences = [{9}, {}, {}]")));
        assertEquals("small.dzn:11:20: field 'precedences': meeting 2 must follow meeting (2); expected another meeting"
                + " in 1..3.",
                rejection(small("precedences = [{}, {}, {}]", "precedences = [{}, {2}, {}]")));
    }

    @Test
    void rejectsACountThatIsNotPositive() {
        assertEquals("small.dzn:4:1: nTotalSlots (0) should be 1 or more.",
                rejection(small("nTotalSlots = 2;", "nTotalSlots = 0;")));
    }

    @Test
    void rejectsAnArrayWhereANumberIsExpected() {
        assertEquals("small.dzn:1:1: field 'nBusiness' should be a whole number such as 'nBusiness = 3;'.",
                rejection(small("nBusiness = 3;", "nBusiness = [3];")));
    }

    @Test
    void rejectsAFlatArrayWhereRowsAreExpected() {
        assertEquals("small.dzn:6:1: field 'requested' should be a 2-d array [| ... |].",
                rejection(small("[| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |]", "[1, 2, 3]")));
    }

    @Test
    void skipsParametersItDoesNotUseWhateverMiniZincValueTheyHold() {
        Event event = DznReader.read(SMALL + """
                name = "tic % 12; a \\"quoted\\" word";
                d = 2; w = 1.5; flag = true; ratio = 2.5e-3;
                labels = ["a", "b;c"]; grid = array2d(1..2, 1..2, [1.0, 2.0, 3.0, 4.0]);
                ids = {1, 2} union {3}; last = [| true, false | false, true |]
                """, "small");
        assertEquals(3, event.meetings().size());
        assertEquals("small.dzn:13:1: field 'd': expected ';' but found 'nTables ='.",
                rejection(SMALL.replace("nTables = 2;", "") + "d = 2\nnTables = 2;"));
        assertEquals("small.dzn:12:10: field 'labels' is truncated: the '[' here is not closed before the file ends.",
                rejection(SMALL + "labels = [\"a\", "));
        assertEquals("small.dzn:12:8: field 'name': a string is not closed on its line.",
                rejection(SMALL + "name = \"tic;\nd = 2;"));
    }

    @Test
    void refusesAMisspeltFieldInsteadOfIgnoringWhatItHolds() {
        assertEquals("small.dzn:9:1: field 'forbiden' is not one of the format's and its field 'forbidden' is missing;"
                + " expected 'forbidden' (a misspelt field would be ignored).",
                rejection(small("forbidden = [", "forbiden = [")));
        assertEquals("small.dzn:3:1: field 'ntables' is not one of the format's and its field 'nTables' is missing;"
                + " expected 'nTables' (a misspelt field would be ignored).", rejection(small("nTables", "ntables")));
        // a parameter of another name is no misspelling
        assertEquals(3, DznReader.read(SMALL.replace("precedences = [{}, {}, {}];", "") + "dependencies = [];",
                "small").meetings().size());
    }

    @Test
    void readsSetsAndArraysWithACommaAfterTheLastItem() {
        Event event = DznReader.read(small("forbidden = [{0}, {0}, {0}]", "forbidden = [{0, 1,}, {0,}, {},]")
                .replace("fixed = [0, 0, 0]", "fixed = [0, 0, 0,]"), "small");
        assertEquals(Set.of(1), event.participant("1").unavailableSlots());
    }

    @Test
    void readsNumbersWithASignApartOrWrittenInHexOrOctal() {
        Event event = DznReader.read(small("nTables = 2;", "nTables = 0x2;").replace("nBusiness = 3;",
                "nBusiness = +3;").replace("fixed = [0, 0, 0]", "fixed = [- 0, 0o1, 0]"), "small");
        assertEquals(2, event.tables().size());
        assertEquals(3, event.participants().size());
        assertEquals(1, event.meetings().get(1).fixedSlot());
    }

    @Test
    void readsAParameterNamedWhereANumberIsExpectedWhereverItIsSet() {
        Event event = DznReader.read(small("nMorningSlots = 1;", "nMorningSlots = nTotalSlots;")
                .replace("[| 1, 2, 3, | 1, 3, 3, | 2, 3, 3 |]",
                        "array2d(1..nMeetings, 1..3, [1, 2, any, 1, 3, any, 2, 3, any])")
                + "any = three; three = 3;", "small");
        assertEquals(List.of("am"), event.sessions().stream().map(s -> s.id()).toList());
        assertEquals(new RequiredMeeting("3", "2", "3", null, 0, null, List.of()), event.meetings().get(2));
        assertEquals("small.dzn:5:17: field 'nMorningSlots': expected a number but found 'nSlots', which is neither"
                + " a number nor a parameter this file sets to one.",
                rejection(small("nMorningSlots = 1;", "nMorningSlots = nSlots;")));
        assertEquals("small.dzn:5:17: field 'nMorningSlots': expected a number but found 'nMorningSlots', which is"
                + " neither a number nor a parameter this file sets to one.",
                rejection(small("nMorningSlots = 1;", "nMorningSlots = nMorningSlots;")));
    }

    @Test
    void saysAValueCutShortByTheNextFieldWhereItStarts() {
        assertEquals("small.dzn:7:1: field 'requested' is cut short: the next field, 'meetingsxBusiness', starts here"
                + " before its value ends.", rejection(small("| 2, 3, 3 |];", "| 2, 3")));
    }

    @Test
    void rejectsAFractionWhereAWholeNumberIsExpected() {
        assertEquals("small.dzn:3:11: field 'nTables': 2.0 is not a whole number; expected one such as 2.",
                rejection(small("nTables = 2;", "nTables = 2.0;")));
        assertEquals("small.dzn:3:11: field 'nTables': 2e0 is not a whole number; expected one such as 2.",
                rejection(small("nTables = 2;", "nTables = 2e0;")));
    }

    @Test
    void saysAJsonDocumentIsNoMiniZincData() {
        assertEquals("small.dzn: holds JSON, not MiniZinc data; expected the data of a B2B benchmark instance (an"
                + " event in JSON is read from a file whose name ends in .json).",
                rejection("\n {\"format\": \"b2g-event/1\"}"));
    }

    @Test
    void saysAnEmptyFileIsEmpty() {
        assertEquals("small.dzn: is empty; expected the MiniZinc data of a B2B benchmark instance, such as"
                + " 'nBusiness = 3;'.", rejection(" \r\n"));
    }

    @Test
    void namesLineAndColumnInAFileWithWindowsLineEnds() {
        String crlf = SMALL.replace("\n", "\r\n");
        assertEquals(3, DznReader.read(crlf, "small").meetings().size());
        assertEquals("small.dzn:3:11: field 'nTables': expected a number but found 'two', which is neither a number"
                + " nor a parameter this file sets to one.", rejection(crlf.replace("nTables = 2;", "nTables = two;")));
    }

    @Test
    void rejectsArrayCallsNestedTooDeepInsteadOfOverflowingTheStack() {
        String deep = "array1d(1..1, ".repeat(100_000) + "[0]" + ")".repeat(100_000);
        assertEquals("small.dzn:10:233: field 'fixed': array1d/array2d calls are nested more than 16 deep; expected a"
                + " value written with one or two.", rejection(small("fixed = [0, 0, 0]", "fixed = " + deep)));
    }

    @Test
    void rejectsMoreNumbersThanAnInstanceHoldsInsteadOfRunningOutOfMemory() {
        String many = "[" + "1..1000000, ".repeat(3) + "{}]";
        assertEquals("small.dzn:9:26: field 'forbidden': the file holds more than 2000000 numbers (ranges counted in"
                + " full); expected a benchmark instance, which holds a few thousand.",
                rejection(small("forbidden = [{0}, {0}, {0}]", "forbidden = " + many)));
    }
}
