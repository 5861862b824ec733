package org.b2g.core.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Origin;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleJson;
import org.b2g.core.matching.Candidates;
import org.b2g.core.solver.baseline.FirstFitScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleSheetsTest {

    /** The template's event, scheduled first-fit: the required meeting, the request and recommendations. */
    private static Event event() throws Exception {
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        EventWorkbook.template(template);
        return EventSheets.readXlsx(template.toByteArray(), "template.xlsx").event();
    }

    private static String scheduleJson(Event event) {
        MeetingSchedule schedule = FirstFitScheduler.schedule(event, Candidates.forEvent(event));
        return ScheduleJson.write(schedule);
    }

    /** The morning from 08:30: slots at 08:30, 08:50 and 09:10. */
    private static final String MORNING_AT_0830 = """
            {"id": "am", "day": "2024-10-10", "start": "08:30", "slots": 3}""";
    /** The same morning moved to start at 08:50: slots at 08:50, 09:10 and 09:30. */
    private static final String MORNING_AT_0850 = """
            {"id": "am", "day": "2024-10-10", "start": "08:50", "slots": 3}""";

    /** s-1, s-2, a-1 and a-2 on 2024-10-10 in Ho Chi Minh City at tables T1 and T2, in the sessions given. */
    private static Event day(String sessions) {
        return org.b2g.core.io.EventJson.read("""
                {"format": "b2g-event/1",
                 "event": {"id": "day", "timeZone": "Asia/Ho_Chi_Minh", "slotMinutes": 20, "sessions": [%s],
                           "tables": [{"id": "T1"}, {"id": "T2"}]},
                 "participants": [{"id": "s-1", "role": "startup"}, {"id": "s-2", "role": "startup"},
                                  {"id": "a-1", "role": "agency"}, {"id": "a-2", "role": "agency"}]}
                """.formatted(sessions), "event.json");
    }

    /** A schedule of {@code event} as solve writes it: s-1 meets a-1 at T1, s-2 meets a-2 at T2, in the slots given. */
    private static String written(Event event, int slotOfFirst, int slotOfSecond) {
        return ScheduleJson.write(new MeetingSchedule(event, List.of(
                Meetings.placed(event, "m-1", event.participant("s-1"), event.participant("a-1"), Origin.REQUEST,
                        List.of(), event.slot(slotOfFirst), event.table("T1")),
                Meetings.placed(event, "m-2", event.participant("s-2"), event.participant("a-2"), Origin.REQUEST,
                        List.of(), event.slot(slotOfSecond), event.table("T2")))));
    }

    @Test
    void exportsEachMeetingAtTheTimeTheScheduleGaveItAfterItsSessionMovedLater() {
        // Written at 08:50 (slot 2) and 09:10 (slot 3); the morning starts at 08:50 now, so those are slots 1 and 2.
        String json = written(day(MORNING_AT_0830), 2, 3);

        ScheduleSheets sheets = ScheduleSheets.of(day(MORNING_AT_0850), json, "schedule.json");

        SheetData meetings = sheets.meetings();
        List<String> when = meetings.rows().stream().map(row -> row.get(0) + " " + row.get(2) + "-" + row.get(3) + " "
                + row.get(6)).toList();
        assertEquals(List.of("1 08:50-09:10 s-1", "2 09:10-09:30 s-2"), when);
        assertEquals(2, sheets.renumberedCount());
        List<Object> t1 = sheets.grid().rows().get(0);
        assertEquals(Arrays.asList("T1", "s-1 / a-1", null, null), t1, "the grid's column of 08:50");
        List<Object> agendaOfS1 = sheets.agendas().rows().get(0);
        assertEquals("s-1 1 08:50", agendaOfS1.get(0) + " " + agendaOfS1.get(2) + " " + agendaOfS1.get(4));
    }

    @Test
    void theTableColumnHoldsTheTableIdAsTheScheduleDoesWithItsNameInAColumnOfItsOwn() {
        Event named = org.b2g.core.io.EventJson.read("""
                {"format": "b2g-event/1",
                 "event": {"id": "day", "timeZone": "Asia/Ho_Chi_Minh", "slotMinutes": 20, "sessions": [%s],
                           "tables": [{"id": "T1", "name": "Bàn số một"}, {"id": "T2"}]},
                 "participants": [{"id": "s-1", "role": "startup"}, {"id": "s-2", "role": "startup"},
                                  {"id": "a-1", "role": "agency"}, {"id": "a-2", "role": "agency"}]}
                """.formatted(MORNING_AT_0830), "event.json");
        ScheduleSheets sheets = ScheduleSheets.of(named, written(named, 1, 2), "schedule.json");

        SheetData meetings = sheets.meetings();
        int table = meetings.headers().indexOf("table");
        assertEquals("table name", meetings.headers().get(table + 1));
        assertEquals(List.of("T1 Bàn số một", "T2 null"), meetings.rows().stream()
                .map(row -> row.get(table) + " " + row.get(table + 1)).toList());
        SheetData agendas = sheets.agendas();
        int agendaTable = agendas.headers().indexOf("table");
        assertEquals("table name", agendas.headers().get(agendaTable + 1));
        assertEquals("T1 Bàn số một", agendas.rows().get(0).get(agendaTable) + " "
                + agendas.rows().get(0).get(agendaTable + 1));
        assertEquals(agendas.headers().size(), agendas.rows().get(agendas.rows().size() - 1).size(),
                "a participant without meetings has its row as wide as the headers");

        SheetData plain = ScheduleSheets.of(day(MORNING_AT_0830), written(day(MORNING_AT_0830), 1, 2),
                "schedule.json").meetings();
        assertEquals(ScheduleSheets.MEETINGS, plain.headers(), "no table has a name: no table name column");
    }

    @Test
    void headsTheGridColumnsWithTheirDayWhenTheEventHasSeveralDaysAsTheConsoleDoes() {
        Event twoDays = day(MORNING_AT_0830 + """
                , {"id": "d2", "day": "2024-10-11", "start": "08:30", "slots": 1}""");

        List<String> headers = ScheduleSheets.of(twoDays, written(twoDays, 1, 4), "schedule.json").grid().headers();

        assertEquals(List.of("table", "1 (10-10 08:30)", "2 (10-10 08:50)", "3 (10-10 09:10)", "4 (10-11 08:30)"),
                headers);
        assertEquals(List.of("table", "1 (08:30)", "2 (08:50)", "3 (09:10)"), ScheduleSheets.of(day(MORNING_AT_0830),
                written(day(MORNING_AT_0830), 1, 2), "schedule.json").grid().headers(), "one day: the time says it");
    }

    @Test
    void refusesAMeetingWhoseTimeTheEventNoLongerHasNamingTheFileTheMeetingTheTimeAndTheSlotsItHas() {
        // m-1 was at 08:30 (slot 1), which the morning moved to 08:50 no longer has; slot 1 is 08:50 now.
        String json = written(day(MORNING_AT_0830), 1, 3);
        Event moved = day(MORNING_AT_0850 + """
                , {"id": "pm", "day": "2024-10-10", "start": "13:30", "slots": 2}""");

        InputException e = assertThrows(InputException.class, () -> ScheduleSheets.of(moved, json, "schedule.json"));

        assertEquals("schedule.json: meetings[0] (m-1, s-1 with a-1) is at 2024-10-10T08:30:00+07:00 (slot 1 in the"
                + " schedule), and event day has no slot then; expected the start of one of its slots, which run"
                + " 2024-10-10 08:50-09:50, 13:30-14:10. The event's sessions have changed since the schedule was made:"
                + " repair the schedule against the event as it is now and export the repaired one.", e.getMessage());
    }

    @Test
    void writesMeetingsAgendasGridAndUnscheduledAsSheets() throws Exception {
        Event event = event();
        ScheduleSheets sheets = ScheduleSheets.of(event, scheduleJson(event), "schedule.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.writeXlsx(out);
        Book book = XlsxBooks.read(out.toByteArray(), "schedule.xlsx");
        assertEquals(List.of("meetings", "agendas", "grid", "unscheduled"),
                book.sheets().stream().map(Grid::name).toList());
        Grid meetings = book.sheets().get(0);
        assertEquals(ScheduleSheets.MEETINGS, meetings.lines().get(0).cells());
        assertEquals(1 + sheets.meetingCount(), meetings.lines().size());
        Grid.Line first = meetings.lines().get(1);
        assertEquals("2025-10-10", first.cell(1), "the day, a date cell");
        assertTrue(first.cell(2).matches("\\d\\d:\\d\\d"), "a local clock time: " + first.cell(2));
        Grid agendas = book.sheets().get(1);
        long rowsOfDost = agendas.lines().stream().filter(l -> l.cell(0).equals("a-dost")).count();
        assertTrue(rowsOfDost >= 1);
        Grid grid = book.sheets().get(2);
        assertEquals(1 + event.tables().size(), grid.lines().size(), "a row per table, with or without meetings");
        assertEquals("1 (08:30)", grid.lines().get(0).cell(1));
    }

    @Test
    void namesTheRepresentativeOfAnAgencyWithSeveralWhoHoldsEachMeeting() throws Exception {
        Event event = event(); // a-dost sends two representatives
        ScheduleSheets sheets = ScheduleSheets.of(event, scheduleJson(event), "schedule.json");
        SheetData meetings = sheets.meetings();
        int seat = meetings.headers().indexOf("seat");
        int participant = meetings.headers().indexOf("participant");
        int counterpart = meetings.headers().indexOf("counterpart");
        int ofDost = 0;
        for (List<Object> row : meetings.rows()) {
            if (row.get(participant).equals("a-dost") || row.get(counterpart).equals("a-dost")) {
                ofDost++;
                assertTrue(String.valueOf(row.get(seat)).matches("a-dost representative [12]"), row.toString());
            } else {
                assertEquals(null, row.get(seat), "one representative, or nobody sits: " + row);
            }
        }
        assertTrue(ofDost >= 1);
        SheetData agendas = sheets.agendas();
        int agendaSeat = agendas.headers().indexOf("seat");
        assertTrue(agendas.rows().stream().filter(row -> !row.isEmpty() && "a-dost".equals(row.get(0)))
                .allMatch(row -> String.valueOf(row.get(agendaSeat)).startsWith("a-dost representative ")));
    }

    @Test
    void rejectsASeatOfAParticipantThatIsNotInTheMeeting() throws Exception {
        Event event = event();
        String json = scheduleJson(event).replaceFirst("(\"seat\": \\{\\s*\"participant\": )\"a-dost\"",
                "$1\"a-other\"");
        assertTrue(!json.equals(scheduleJson(event)), "the schedule has a seat of a-dost");
        InputException e = assertThrows(InputException.class, () -> ScheduleSheets.of(event, json, "s.json"));
        assertTrue(e.getMessage().contains(".seat.participant (a-other) is neither"), e.getMessage());
    }

    @Test
    void writesTheMeetingsAsCsvThatExcelReadsAsUtf8() throws Exception {
        Event event = event();
        ScheduleSheets sheets = ScheduleSheets.of(event, scheduleJson(event), "schedule.json");
        StringWriter csv = new StringWriter();
        sheets.writeCsv(csv);
        String text = csv.toString();
        assertTrue(text.startsWith("\uFEFFslot,day,start,end,table,seat,participant,participant name,"), text);
        assertTrue(text.contains("\r\n"));
        assertTrue(text.contains("Sở Khoa học và Công nghệ"));
    }

    @Test
    void defusesNamesThatExcelWouldRunAsFormulasInCsvButKeepsThemInTheWorkbook() throws Exception {
        Event event = org.b2g.core.io.EventJson.read("""
                {"format": "b2g-event/1", "event": {"id": "e", "tables": 1, "sessions": [{"id": "s", "slots": 2}]},
                 "participants": [{"id": "s-1", "role": "startup", "name": "=HYPERLINK(\\"http://x\\",\\"win\\")"},
                                  {"id": "a-1", "role": "agency", "name": "@Sở Y tế"}],
                 "requests": [{"from": "s-1", "to": "a-1"}]}""", "e.json");
        ScheduleSheets sheets = ScheduleSheets.of(event, scheduleJson(event), "schedule.json");
        StringWriter csv = new StringWriter();
        sheets.writeCsv(csv);
        assertTrue(csv.toString().contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"win\"\")\","), csv.toString());
        assertTrue(csv.toString().contains(",'@Sở Y tế,"), csv.toString());
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        sheets.writeXlsx(xlsx);
        Grid meetings = XlsxBooks.read(xlsx.toByteArray(), "schedule.xlsx").sheets().get(0);
        assertEquals("@Sở Y tế", meetings.lines().get(1).cell(9), "a text cell, never a formula");
    }

    /** Names holding a {@code ;}, a {@code ,}, quotes, and a formula with a {@code ;}: one meeting each side. */
    private static ScheduleSheets awkwardNames() {
        Event event = org.b2g.core.io.EventJson.read("""
                {"format": "b2g-event/1", "event": {"id": "e", "tables": 2, "sessions": [{"id": "s", "slots": 2}]},
                 "participants": [{"id": "s-1", "role": "startup", "name": "Công ty A, B"},
                                  {"id": "s-2", "role": "startup", "name": "=SUM(1;2)"},
                                  {"id": "a-1", "role": "agency", "name": "Sở Y tế; phòng 2"},
                                  {"id": "a-2", "role": "agency", "name": "Sở \\"KH\\" và CN"}],
                 "requests": [{"from": "s-1", "to": "a-1"}, {"from": "s-2", "to": "a-2"}]}""", "e.json");
        return ScheduleSheets.of(event, scheduleJson(event), "schedule.json");
    }

    @Test
    void aSemicolonSeparatorQuotesFieldsThatContainOne() throws Exception {
        StringWriter csv = new StringWriter();
        awkwardNames().writeCsv(csv, CsvSeparator.SEMICOLON);
        String text = csv.toString();
        assertTrue(text.startsWith("\uFEFFslot;day;start;end;table;seat;participant;participant name;"), text);
        assertTrue(text.contains(";\"Sở Y tế; phòng 2\";"), text);
        assertTrue(text.contains(";Công ty A, B;"), "a comma separates nothing here: " + text);
        assertTrue(text.contains(";\"'=SUM(1;2)\";"), "defused, and quoted for its ;: " + text);
        assertTrue(text.contains(";\"Sở \"\"KH\"\" và CN\";"), text);
        assertTrue(text.contains("\r\n"));
    }

    /** The sheets with every decimal comma ({@code 0,82}) written as a point, as the import reads both. */
    private static List<Grid> pointDecimals(List<Grid> sheets) {
        return sheets.stream().map(g -> new Grid(g.name(), g.where(), g.lines().stream()
                .map(line -> new Grid.Line(line.number(), line.cells().stream()
                        .map(c -> c.matches("-?\\d+,\\d+") ? c.replace(',', '.') : c).toList(), line.numbers(),
                        line.errors())).toList())).toList();
    }

    @Test
    void aSemicolonExportWritesDecimalsWithACommaThatTheImportReadsAsTheSameNumbers(@TempDir Path dir)
            throws Exception {
        Event event = event(); // its recommendations have a relevance between 0 and 1
        ScheduleSheets sheets = ScheduleSheets.of(event, scheduleJson(event), "schedule.json");
        sheets.writeCsvFolder(dir.resolve("comma"));
        sheets.writeCsvFolder(dir.resolve("semicolon"), CsvSeparator.SEMICOLON);
        List<String> point = column(CsvBooks.readFolder(dir.resolve("comma")), "relevance");
        List<String> comma = column(CsvBooks.readFolder(dir.resolve("semicolon")), "relevance");
        assertTrue(point.stream().anyMatch(r -> r.matches("0\\.\\d+")), point.toString());
        assertEquals(point.stream().map(r -> r.replace('.', ',')).toList(), comma,
                "Excel with a decimal comma reads 0,82 as a number, 0.82 as text");
        Values values = new Values(new Problems(), false, false);
        for (int i = 0; i < point.size(); i++) {
            assertEquals(values.number(new Cell("relevance " + i, point.get(i)), 0, 1),
                    values.number(new Cell("relevance " + i, comma.get(i)), 0, 1), comma.get(i));
        }
    }

    /** The cells of the meetings sheet's {@code header} column, below the header. */
    private static List<String> column(Book book, String header) {
        Grid meetings = book.sheets().stream().filter(g -> g.name().equals("meetings")).findFirst().orElseThrow();
        int index = meetings.lines().get(0).cells().indexOf(header);
        return meetings.lines().stream().skip(1).map(line -> line.cells().get(index)).toList();
    }

    @Test
    void theSemicolonExportReadsBackAsTheSameMeetings(@TempDir Path dir) throws Exception {
        ScheduleSheets sheets = awkwardNames();
        sheets.writeCsvFolder(dir.resolve("comma"));
        Book comma = CsvBooks.readFolder(dir.resolve("comma"));
        for (CsvSeparator separator : List.of(CsvSeparator.SEMICOLON, CsvSeparator.TAB)) {
            Path folder = dir.resolve(separator.name());
            sheets.writeCsvFolder(folder, separator);
            assertTrue(Files.readString(folder.resolve("meetings.csv")).startsWith("\uFEFFslot" + separator.character()
                    + "day"), separator.name());
            assertEquals(comma.sheets(), pointDecimals(CsvBooks.readFolder(folder).sheets()), separator.name());
        }
        Grid meetings = comma.sheets().stream().filter(g -> g.name().equals("meetings")).findFirst().orElseThrow();
        assertEquals(3, meetings.lines().size(), "the header and both meetings");
        List<String> cells = meetings.lines().stream().flatMap(line -> line.cells().stream()).toList();
        assertTrue(cells.containsAll(List.of("Công ty A, B", "'=SUM(1;2)", "Sở Y tế; phòng 2", "Sở \"KH\" và CN")),
                cells.toString());
    }

    @Test
    void readsASeparatorAsTheCharacterOrItsNameAndRefusesAnyOtherNamingIt() {
        assertEquals(CsvSeparator.SEMICOLON, CsvSeparator.parse(";", "--separator"));
        assertEquals(CsvSeparator.SEMICOLON, CsvSeparator.parse("Semicolon", "--separator"));
        assertEquals(CsvSeparator.COMMA, CsvSeparator.parse(",", "--separator"));
        assertEquals(CsvSeparator.COMMA, CsvSeparator.parse("comma", "--separator"));
        assertEquals(CsvSeparator.TAB, CsvSeparator.parse("\t", "--separator"));
        assertEquals(CsvSeparator.TAB, CsvSeparator.parse("\\t", "--separator"), "\\t as typed in a shell");
        assertEquals(CsvSeparator.TAB, CsvSeparator.parse("TAB", "--separator"));
        InputException e = assertThrows(InputException.class, () -> CsvSeparator.parse("|", "separator"));
        assertEquals("separator (|) is not a separator; expected ',', ';' or tab (comma, semicolon, tab).",
                e.getMessage());
        assertThrows(InputException.class, () -> CsvSeparator.parse(";;", "separator"));
    }

    @Test
    void refusesTextLongerThanAWorkbookCellHoldsBeforeWritingAnything() throws Exception {
        String longName = "Công ty " + "x".repeat(40_000);
        Event event = org.b2g.core.io.EventJson.read("""
                {"format": "b2g-event/1", "event": {"id": "e", "tables": 1, "sessions": [{"id": "s", "slots": 2}]},
                 "participants": [{"id": "s-1", "role": "startup", "name": "%s"}, {"id": "a-1", "role": "agency"}],
                 "requests": [{"from": "s-1", "to": "a-1"}]}""".formatted(longName), "e.json");
        ScheduleSheets sheets = ScheduleSheets.of(event, scheduleJson(event), "schedule.json");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        InputException e = assertThrows(InputException.class, () -> sheets.writeXlsx(xlsx));
        assertEquals("meetings row 2, column \"participant name\": the text has 40,008 characters (it starts"
                + " \"Công ty xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\"); expected at most 32,767, what a workbook cell"
                + " holds (CSV has no such limit).", e.getMessage());
        assertEquals(0, xlsx.size(), "nothing written");
        InputException template = assertThrows(InputException.class,
                () -> EventWorkbook.write(event, new ByteArrayOutputStream()));
        assertTrue(template.getMessage().startsWith("participants row 2, column \"name\": the text has 40,008"),
                template.getMessage());
        StringWriter csv = new StringWriter();
        sheets.writeCsv(csv);
        assertTrue(csv.toString().contains(longName));
    }

    @Test
    void writesAFolderWithOneCsvPerSheet(@TempDir Path dir) throws Exception {
        Event event = event();
        ScheduleSheets.of(event, scheduleJson(event), "schedule.json").writeCsvFolder(dir.resolve("out"));
        for (String name : List.of("meetings", "agendas", "grid", "unscheduled")) {
            String text = Files.readString(dir.resolve("out").resolve(name + ".csv"), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("\uFEFF"), name);
        }
    }

    @Test
    void aFolderExportReplacesAnEarlierOneWholeAndRefusesAFolderWithOtherFiles(@TempDir Path dir) throws Exception {
        Event event = event();
        ScheduleSheets sheets = ScheduleSheets.of(event, scheduleJson(event), "schedule.json");
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("grid.csv"), "an earlier export");
        sheets.writeCsvFolder(out);
        assertTrue(Files.readString(out.resolve("grid.csv")).startsWith("\uFEFF"));
        Path eventFolder = Files.createDirectory(dir.resolve("event"));
        Files.writeString(eventFolder.resolve("participants.csv"), "id,role\n");
        InputException e = assertThrows(InputException.class, () -> sheets.writeCsvFolder(eventFolder));
        assertTrue(e.getMessage().startsWith(eventFolder + " holds other files (participants.csv)"), e.getMessage());
        try (var listing = Files.list(eventFolder)) {
            assertEquals(List.of(eventFolder.resolve("participants.csv")), listing.toList());
        }
        try (var listing = Files.list(dir)) {
            assertEquals(2, listing.count(), "no temporary folder is left beside");
        }
    }

    @Test
    void rejectsTheScheduleOfAnotherEvent() throws Exception {
        Event event = event();
        String json = scheduleJson(event).replace("\"event\": \"my-event-2025\"", "\"event\": \"other\"");
        InputException e = assertThrows(InputException.class, () -> ScheduleSheets.of(event, json, "s.json"));
        assertEquals("s.json: is a schedule of event \"other\", not of \"my-event-2025\"; expected the event the"
                + " schedule was made for.", e.getMessage());
    }
}
