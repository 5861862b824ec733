package org.b2g.core.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Need;
import org.b2g.core.domain.Offering;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Priority;
import org.b2g.core.domain.Role;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.InputException;
import org.b2g.core.matching.Relevance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSheetsTest {

    /** An event sheet and a sessions sheet every workbook below shares: 2 sessions of 6 twenty-minute slots. */
    private static XlsxFixture event() {
        return new XlsxFixture()
                .sheet("Event").row(1, "key", "value")
                .row(2, "name", "Ngày hội B2G")
                .row(3, "timeZone", "Asia/Ho_Chi_Minh")
                .row(4, "slotMinutes", 20)
                .row(5, "tables", 4)
                .sheet("Sessions").row(1, "id", "day", "start", "end")
                .row(2, "am", LocalDate.of(2024, 10, 10), LocalTime.of(8, 30), LocalTime.of(10, 30))
                .row(3, "pm", LocalDate.of(2024, 10, 10), LocalTime.of(13, 30), LocalTime.of(15, 30));
    }

    private static Imported xlsx(XlsxFixture fixture) {
        return EventSheets.readXlsx(fixture.bytes(), "event.xlsx");
    }

    private static InputException rejected(XlsxFixture fixture) {
        return assertThrows(InputException.class, () -> xlsx(fixture));
    }

    @Test
    void readsExcelNumbersDatesTimesSpacesAndEmptyRows() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name", "representatives", "maxMeetings")
                .row(2, "  s-1 ", "startup", " VietSense AI  ", null, 3.0)
                .row(5, "a-1", "agency", "Sở Y tế", 2, null)).event();
        assertEquals("ngay-hoi-b2g", event.id());
        assertEquals(12, event.slotCount());
        assertEquals(LocalTime.of(13, 30), event.slot(7).start().toLocalTime());
        Participant startup = event.participant("s-1");
        assertEquals("VietSense AI", startup.name());
        assertEquals(3, startup.maxMeetings());
        assertEquals(2, event.participant("a-1").representatives());
        assertEquals(List.of("1", "2", "3", "4"), event.tables().stream().map(t -> t.id()).toList());
    }

    @Test
    void ignoresHiddenAndUnknownSheetsAndColumnsWithOneWarningEach() {
        Imported imported = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name", "phone", "Phone 2")
                .row(2, "s-1", "startup", "A", "0909", "0908")
                .row(3, "s-2", "startup", "B", "0907", null)
                .sheet("lists").row(1, "startup", "agency").hidden()
                .sheet("notes").row(1, "call everyone"));
        assertEquals(2, imported.event().participants().size());
        assertEquals(3, imported.warnings().size(), imported.warnings().toString());
        assertTrue(imported.warnings().contains("participants: ignored the unknown columns \"phone\", \"Phone 2\""
                + " (known: " + String.join(", ", EventImport.PARTICIPANTS) + ")"), imported.warnings().toString());
        assertTrue(imported.warnings().stream().anyMatch(w -> w.contains("ignored the sheet notes")));
        assertTrue(imported.warnings().stream().anyMatch(w -> w.contains("ignored the hidden sheet lists")));
    }

    @Test
    void computesAFormulaSavedWithoutItsResult() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name", "maxMeetings")
                .row(2, "s-1", "startup", "A", new XlsxFixture.Formula("2*3"))).event();
        assertEquals(6, event.participant("s-1").maxMeetings());
    }

    @Test
    void warnsAboutValuesInAColumnWithoutAHeader(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), EVENT_CSV.replace("tables,3", "tables,T1,T2"));
        Files.writeString(dir.resolve("participants.csv"), "id;role;unavailable\r\na-1;agency;1-3; 7\r\n");
        Imported imported = EventSheets.read(dir);
        assertEquals(Set.of(1, 2, 3), imported.event().participant("a-1").unavailableSlots());
        assertTrue(imported.warnings().contains("participants.csv row 2: ignored \"7\" in a column without a header;"
                + " expected a header above every column (and a value that holds the separator in quotes)"),
                imported.warnings().toString());
        assertEquals(List.of("T1", "T2"), imported.event().tables().stream().map(t -> t.id()).toList(),
                "an unquoted list after the tables key is the rest of the list");
    }

    @Test
    void derivesIdsFromCyrillicNamesInsteadOfNumberingThem() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name")
                .row(2, null, "startup", "Иван Петров")
                .row(3, null, "agency", "Департамент ИТ")
                .row(4, null, "startup", "★")).event();
        assertEquals(List.of("иван-петров", "департамент-ит", "participant"),
                event.participants().stream().map(Participant::id).toList());
    }

    @Test
    void matchesVietnameseHeadersAndRolesIgnoringCaseSpacesAndDiacritics() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "Mã", "VAI TRÒ", "Tên tổ chức", "Số đại diện", "min_meetings")
                .row(2, "a-1", "Cơ quan nhà nước", "Sở Y tế", 2, 1)
                .row(3, "s-1", "khoi nghiep", "VietSense", null, null)
                .row(4, "c-1", "Doanh Nghiệp", "Viettel", null, null)
                .sheet("requests").row(1, "Từ", "Đến", "Mức ưu tiên")
                .row(2, "s-1", "a-1", "MUST")).event();
        assertEquals(Role.AGENCY, event.participant("a-1").role());
        assertEquals(2, event.participant("a-1").representatives());
        assertEquals(1, event.participant("a-1").minMeetings());
        assertEquals(Role.STARTUP, event.participant("s-1").role());
        assertEquals(Role.COMPANY, event.participant("c-1").role());
        assertEquals(Priority.MUST, event.requests().get(0).priority());
    }

    @Test
    void derivesStableIdsFromNamesAndAcceptsNamesAsReferences() {
        XlsxFixture fixture = event()
                .sheet("participants").row(1, "id", "role", "name")
                .row(2, null, "agency", "Sở Y tế")
                .row(3, null, "agency", "So Y Te")
                .row(4, "so-y-te-3", "startup", "Đường Sắt AI")
                .row(5, null, "startup", "Sở Y tế!")
                .sheet("requests").row(1, "from", "to")
                .row(2, "Đường Sắt AI", "So Y Te")
                .sheet("exclusions").row(1, "participant", "counterpart", "reason")
                .row(2, "so-y-te-3", "Sở Y tế", "conflict");
        Event event = xlsx(fixture).event();
        assertEquals(List.of("so-y-te", "so-y-te-2", "so-y-te-3", "so-y-te-4"),
                event.participants().stream().map(Participant::id).toList());
        assertEquals("so-y-te-3", event.requests().get(0).from());
        assertEquals("so-y-te-2", event.requests().get(0).to());
        assertTrue(event.excluded("so-y-te-3", "so-y-te"));
        assertEquals(event.participants(), xlsx(fixture).event().participants(), "the same ids on a re-import");
    }

    @Test
    void turnsSlotNumbersRangesAndClockRangesIntoUnavailableSlots() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "unavailable")
                .row(2, "a", "agency", "1-3; 7")
                .row(3, "b", "agency", "08:30-09:30, 2024-10-10 14:00-14:10")
                .row(4, "c", "agency", 12)
                .row(5, "d", "agency", "13:40 - 2:20 PM")).event();
        assertEquals(Set.of(1, 2, 3, 7), event.participant("a").unavailableSlots());
        assertEquals(Set.of(1, 2, 3, 8), event.participant("b").unavailableSlots());
        assertEquals(Set.of(12), event.participant("c").unavailableSlots());
        assertEquals(Set.of(7, 8, 9), event.participant("d").unavailableSlots());
    }

    @Test
    void refusesASlotNumberTooLargeForAnyEventInsteadOfFailing() {
        assertEquals(List.of(
                "participants row 2, column \"unavailable\": \"84901234567\" is not within the event's slots; expected"
                        + " slot numbers from 1 to 12",
                "participants row 3, column \"unavailable\": \"2-99999999999\" is not within the event's slots;"
                        + " expected slot numbers from 1 to 12"),
                rejected(event().sheet("participants").row(1, "id", "role", "unavailable")
                        .row(2, "a", "agency", "84901234567").row(3, "b", "agency", "2-99999999999")).problems());
    }

    @Test
    void skipsRowsWithValuesOnlyInIgnoredColumnsAsEmptyAndSaysSo() {
        // A row number ("STT") filled down past the list and a total under it: nothing in a column the import reads.
        Imported imported = xlsx(event()
                .sheet("participants").row(1, "STT", "id", "role", "name")
                .row(2, 1, "a", "agency", "A")
                .row(3, 2, "b", "startup", "B")
                .row(4, 3, null, null, null)
                .row(5, 4, null, null, null)
                .row(7, "Tổng: 2", null, null, null));

        assertEquals(List.of("a", "b"), imported.event().participants().stream().map(p -> p.id()).toList());
        assertTrue(imported.warnings().contains("participants row 4: skipped it and 2 more rows with values only in"
                + " columns the import does not read (\"STT\")"), imported.warnings().toString());
    }

    @Test
    void stillRefusesRowsWhenNoRowHoldsAnythingInTheColumnsTheSheetReads() {
        assertEquals(List.of("participants row 1: has no column \"role\" (the headers are \"STT\", \"Tên\", \"Loại\");"
                + " expected a column headed role"), rejected(event()
                .sheet("participants").row(1, "STT", "Tên", "Loại").row(2, 1, "A", "agency")).problems());
    }

    @Test
    void refusesASlotRangeThatEndsBeforeItStartsSayingSo() {
        assertEquals(List.of("participants row 2, column \"unavailable\": \"7-3\" is a range that ends before it"
                + " starts; expected the first slot, then the last, e.g. 1-3"),
                rejected(event().sheet("participants").row(1, "id", "role", "unavailable")
                        .row(2, "a", "agency", "1; 7-3")).problems());
    }

    @Test
    void saysTheUpperBoundOfACountWhenTheValuePassesIt() {
        assertEquals(List.of("participants row 2, column \"maxMeetings\": \"99999999999\" is outside the accepted"
                + " values; expected a whole number from 0 to 2147483647"), rejected(event()
                .sheet("participants").row(1, "id", "role", "maxMeetings").row(2, "a", "agency", "99999999999"))
                .problems());
    }

    @Test
    void readsANumberPastExcelsLastDayInADateFormatAsTheNumberItIs() {
        // Excel shows ##### for it: a phone number typed into a column formatted as dates
        Event event = xlsx(event().sheet("participants").row(1, "id", "role")
                .row(2, new XlsxFixture.Formatted(84901234567L, "dd/mm/yyyy"), "startup")).event();
        assertEquals("84901234567", event.participants().get(0).id());
    }

    @Test
    void refusesAClockRangeOnADayTheEventDoesNotHave() {
        assertEquals(List.of("participants row 2, column \"unavailable\": \"2024-10-11 08:30-09:00\" is on"
                + " 2024-10-11, which is no day of the event; expected one of 2024-10-10, or no day (every day)"),
                rejected(event().sheet("participants").row(1, "id", "role", "unavailable")
                        .row(2, "a", "agency", "2024-10-11 08:30-09:00; 10/10/2024 08:30-09:00")).problems());
    }

    @Test
    void addsOfferingsAndNeedsFromTheirRowAndTheirSheets() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name", "tags", "offering", "offeringDescription", "need",
                        "needPriority")
                .row(2, "s", "startup", "VietSense", "ai, camera", "Traffic analytics", "Counts cars", null, null)
                .row(3, "a", "agency", "Sở GTVT", "smart-traffic", null, null, "Congestion map", 3)
                .sheet("offerings").row(1, "participant", "tiêu đề", "mô tả", "thẻ")
                .row(2, "VietSense", "Parking app", "Free spaces", "parking")
                .sheet("needs").row(1, "participant", "title", "priority")
                .row(2, "a", "Open data", 2)).event();
        Participant startup = event.participant("s");
        assertEquals(List.of("Traffic analytics", "Parking app"), startup.offerings().stream().map(o -> o.title()).toList());
        assertEquals(List.of("ai", "camera"), startup.offerings().get(0).tags());
        assertEquals("Counts cars", startup.offerings().get(0).description());
        Participant agency = event.participant("a");
        assertEquals(List.of(3, 2), agency.needs().stream().map(n -> n.priority()).toList());
        assertEquals(List.of("smart-traffic"), agency.needs().get(0).tags());
    }

    @Test
    void namesBothRowsOfEveryOfferingOrNeedIdGivenTwiceForOneParticipant() {
        InputException e = rejected(event()
                .sheet("participants").row(1, "id", "role").row(2, "s", "startup").row(3, "a", "agency")
                .sheet("offerings").row(1, "participant", "id", "title")
                .row(2, "s", "o-1", "Maps").row(3, "s", "o-1", "Routes").row(4, "a", "o-1", "Permits")
                .sheet("needs").row(1, "participant", "id", "title")
                .row(2, "a", "n-1", "Flood data").row(3, "a", "n-1", "Traffic data"));
        assertEquals(List.of(
                "offerings row 3, column \"id\": \"o-1\" is already the id of offerings row 2 (another offering of"
                        + " s); expected each offering id once per participant",
                "needs row 3, column \"id\": \"n-1\" is already the id of needs row 2 (another need of a); expected"
                        + " each need id once per participant"), e.problems());
    }

    @Test
    void saysWhenAGivenOfferingIdIsTheOneAnOfferingWithoutIdIsNumberedBy() {
        // the offering on the participant's own row has no id: the event document numbers it o-1 by its place
        InputException e = rejected(event()
                .sheet("participants").row(1, "id", "role", "offering").row(2, "s", "startup", "Maps")
                .sheet("offerings").row(1, "participant", "id", "title")
                .row(2, "s", "o-1", "Routes").row(3, "s", "o-9", "Parking").row(4, "s", null, "Permits"));
        assertEquals(List.of(
                "offerings row 2, column \"id\": \"o-1\" is already the id of the offering of participants row 2,"
                        + " which has no id and is numbered by its place among s's offerings (o-1, o-2, ...); expected"
                        + " another id, or ids for all of them"), e.problems());
        InputException later = rejected(event()
                .sheet("participants").row(1, "id", "role").row(2, "s", "startup")
                .sheet("offerings").row(1, "participant", "id", "title")
                .row(2, "s", "o-2", "Routes").row(3, "s", null, "Permits"));
        assertEquals(List.of("offerings row 3: the offering has no id and is numbered by its place among s's"
                + " offerings, as \"o-2\", which is already the id of offerings row 2; expected an id of its own, or"
                + " ids for all of them"), later.problems());
    }

    @Test
    void tagsOnARowWithoutOfferingOrNeedTagEveryOfferingAndNeedOfTheParticipant() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name", "thẻ")
                .row(2, "s", "startup", "VietSense", "AI; iot")
                .row(3, "a", "agency", "Sở GTVT", "smart-traffic")
                .sheet("offerings").row(1, "participant", "title", "tags")
                .row(2, "s", "Traffic analytics", "camera, ai")
                .row(3, "s", "Parking app", null)
                .sheet("needs").row(1, "participant", "title")
                .row(2, "a", "Congestion map")).event();
        Participant startup = event.participant("s");
        assertEquals(List.of("camera", "ai", "iot"), startup.offerings().get(0).tags());
        assertEquals(List.of("AI", "iot"), startup.offerings().get(1).tags());
        assertEquals(List.of("smart-traffic"), event.participant("a").needs().get(0).tags());
    }

    @Test
    void tagsOfAParticipantWithoutOfferingOrNeedBecomeAnUntitledOneThatMatchingReads() {
        Imported imported = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name", "tags")
                .row(2, "2024", "startup", "VietSense", "ai; flooding")
                .row(3, "a", "agency", "Sở Xây dựng", "flooding")
                .row(4, "c", "company", "Acme", "iot"));
        Event event = imported.event();
        assertEquals(List.of(new Offering("o-1", "", "", List.of("ai", "flooding"))),
                event.participant("2024").offerings());
        assertEquals(List.of(new Need("n-1", "", "", List.of("flooding"), 1)), event.participant("a").needs());
        assertEquals(List.of(), event.participant("c").offerings());
        Relevance relevance = Relevance.of(event);
        assertTrue(relevance.score(event.participant("2024"), event.participant("a")) > 0,
                "the shared tag makes the pair relevant");
        assertEquals(List.of("participants row 4, column \"tags\": \"iot\" count for nothing: c is a company, and"
                + " only startups' offerings and agencies' needs are matched; the tags are ignored"),
                imported.warnings());
        assertEquals("{\"tags\":[\"ai\",\"flooding\"]}", imported.document().getJsonArray("participants")
                .getJsonObject(0).getJsonArray("offerings").getJsonObject(0).toString(), "no title in the document");
    }

    @Test
    void anUntitledOfferingOrNeedRoundTripsThroughTheEventWorkbook() throws Exception {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "tags")
                .row(2, "s", "startup", "ai").row(3, "a", "agency", "ai")).event();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventWorkbook.write(event, out);
        Event again = EventSheets.readXlsx(out.toByteArray(), "again.xlsx").event();
        assertEquals(event.participant("s").offerings(), again.participant("s").offerings());
        assertEquals(event.participant("a").needs(), again.participant("a").needs());
        InputException e = rejected(event()
                .sheet("participants").row(1, "id", "role").row(2, "s", "startup")
                .sheet("offerings").row(1, "participant", "title", "tags").row(2, "s", null, null));
        assertEquals(List.of("offerings row 2, column \"title\": is empty; expected a title, or tags for an untitled"
                + " offering"), e.problems());
    }

    @Test
    void readsRequiredMeetingsWithSessionsFixedSlotsTablesAndPrecedences() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name")
                .row(2, "s", "startup", "VietSense").row(3, "a", "agency", "Sở GTVT")
                .sheet("meetings").row(1, "id", "participant", "counterpart", "session", "fixedSlot", "fixedTable",
                        "after")
                .row(2, "sign", "s", "a", "pm", 8, 2, null)
                .row(3, null, "VietSense", "Sở GTVT", null, null, null, "sign")).event();
        assertEquals(2, event.meetings().size());
        assertEquals("pm", event.meetings().get(0).session());
        assertEquals(8, event.meetings().get(0).fixedSlot());
        assertEquals("2", event.meetings().get(0).fixedTable());
        assertEquals("m-2", event.meetings().get(1).id());
        assertEquals(List.of("sign"), event.meetings().get(1).after());
    }

    @Test
    void reportsEveryErrorWithSheetRowColumnValueAndWhatIsAccepted() {
        InputException e = rejected(event()
                .sheet("participants").row(1, "id", "role", "name", "maxMeetings", "unavailable", "homeTable")
                .row(2, "s-1", "stratup", "A", "many", null, null)
                .row(3, "s-2", "startup", "B", 2, "1-30", "T9")
                .row(14, "s-1", "agency", "C", null, null, null)
                .sheet("requests").row(1, "from", "to", "priority")
                .row(2, "s-2", "Nobody", "urgent"));
        List<String> problems = e.problems();
        assertEquals(List.of(
                "participants row 2, column \"role\": \"stratup\" is not a role (startup, agency, company)",
                "participants row 2, column \"maxMeetings\": \"many\" is not a whole number; expected a whole number"
                        + " 0 or more",
                "participants row 3, column \"unavailable\": \"1-30\" is not within the event's slots; expected slot"
                        + " numbers from 1 to 12",
                "participants row 3, column \"homeTable\": \"T9\" is not a table id or name",
                "participants row 14, column \"id\": \"s-1\" is already the id of row 2; expected each participant once",
                "requests row 2, column \"to\": \"Nobody\" is not a participant id or name",
                "requests row 2, column \"priority\": \"urgent\" is not a priority (must, high, normal)"), problems);
        assertTrue(e.getMessage().startsWith("event.xlsx: 7 errors; nothing was imported:\n  participants row 2"),
                e.getMessage());
    }

    @Test
    void readsAMissingTimeZoneAsUtcAndSaysSo() {
        Imported imported = xlsx(new XlsxFixture()
                .sheet("event").row(1, "key", "value").row(2, "id", "e").row(3, "slotMinutes", 20).row(4, "tables", 2)
                .row(5, "day", LocalDate.of(2024, 10, 10)).row(6, "start", LocalTime.of(8, 30)).row(7, "slots", 3)
                .sheet("participants").row(1, "id", "role").row(2, "s", "startup"));
        assertEquals("UTC", imported.event().timeZone().getId());
        assertEquals(List.of("event, key \"timeZone\": is missing although the sessions have clock times; the times"
                + " are read as UTC, so schedules, agendas and calendars give them at +00:00 (a calendar in another"
                + " zone shows them shifted); expected the event's IANA zone, such as Asia/Ho_Chi_Minh"),
                imported.warnings());
        assertEquals(List.of(), xlsx(event().sheet("participants").row(1, "id", "role").row(2, "s", "startup"))
                .warnings());
    }

    @Test
    void aRowWithADuplicateIdOrNameStillHasItsOtherErrorsReported() {
        InputException e = rejected(event()
                .sheet("participants").row(1, "id", "role", "name", "maxMeetings", "unavailable", "needPriority", "need")
                .row(2, "s1", "stratup", "Alpha", null, null, null, null)
                .row(3, "s1", "startup", "Beta", "abc", "99", null, null)
                .row(4, "a1", "agency", "Alpha", null, "0", 5, "Maps"));
        assertEquals(List.of(
                "participants row 2, column \"role\": \"stratup\" is not a role (startup, agency, company)",
                "participants row 3, column \"id\": \"s1\" is already the id of row 2; expected each participant once",
                "participants row 3, column \"maxMeetings\": \"abc\" is not a whole number; expected a whole number 0"
                        + " or more",
                "participants row 3, column \"unavailable\": \"99\" is not within the event's slots; expected slot"
                        + " numbers from 1 to 12",
                "participants row 4, column \"name\": \"Alpha\" is already the name of row 2; expected each"
                        + " participant once",
                "participants row 4, column \"needPriority\": \"5\" is outside the accepted values; expected a whole"
                        + " number from 1 to 3",
                "participants row 4, column \"unavailable\": \"0\" is not within the event's slots; expected slot"
                        + " numbers from 1 to 12"), e.problems());
    }

    @Test
    void listsEveryErrorInSheetThenRowOrderWhateverOrderTheChecksFindThemIn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), "key,value\nid,x\ntables,2\n");
        Files.writeString(dir.resolve("sessions.csv"), "id,slots\nx,5\n");
        Files.writeString(dir.resolve("participants.csv"), "id,role,maxMeetings\ns2,startup,abc\ns3,startup,\n"
                + "s4,stratup,\n");
        Files.writeString(dir.resolve("meetings.csv"), "id,participant,counterpart,fixedSlot\nm1,s2,s3,9\n"
                + "m1,s3,s4,\n");
        Files.writeString(dir.resolve("exclusions.csv"), "participant,counterpart\ns2,s2\n");
        List<String> problems = assertThrows(InputException.class, () -> EventSheets.read(dir)).problems();
        assertEquals(List.of("participants.csv row 2", "participants.csv row 4", "exclusions.csv row 2",
                "meetings.csv row 2", "meetings.csv row 3"),
                problems.stream().map(p -> p.replaceFirst("(row \\d+).*", "$1")).toList(), String.join("\n", problems));
    }

    @Test
    void namesBothRowsOfADuplicateNameAndSuggestsANameThatDiffersInDiacritics() {
        InputException e = rejected(event()
                .sheet("participants").row(1, "role", "name")
                .row(2, "agency", "Sở Y tế").row(3, "agency", "Sở Y tế")
                .sheet("requests").row(1, "from", "to").row(2, "so y te", "Sở Y tế"));
        assertEquals(List.of(
                "participants row 3, column \"name\": \"Sở Y tế\" is already the name of row 2; expected each"
                        + " participant once",
                "requests row 2, column \"from\": \"so y te\" is not a participant id or name (did you mean"
                        + " \"Sở Y tế\"?)"), e.problems());
    }

    @Test
    void stopsListingAfterFiftyErrors() {
        XlsxFixture fixture = event().sheet("participants").row(1, "id", "role");
        for (int r = 2; r < 2 + 60; r++) {
            fixture.row(r, "p" + r, "nobody");
        }
        InputException e = rejected(fixture);
        assertEquals(51, e.problems().size());
        assertEquals("... and 10 more (only the first 50 are listed)", e.problems().get(50));
        assertTrue(e.getMessage().startsWith("event.xlsx: 60 errors"), e.getMessage());
    }

    @Test
    void wordsAJsonReaderRuleAgainstTheRowItCameFrom() {
        InputException e = rejected(new XlsxFixture()
                .sheet("event").row(1, "key", "value").row(2, "id", "x").row(3, "slotMinutes", 30)
                .row(4, "tables", "T1; T2").row(5, "timeZone", "Asia/Ho_Chi_Minh")
                .sheet("sessions").row(1, "id", "day", "start", "slots")
                .row(2, "a", "2024-10-10", "08:00", 4)
                .row(3, "b", "10/10/2024", "09:00", 2)
                .sheet("participants").row(1, "id", "role").row(2, "p", "company"));
        assertEquals(List.of("sessions row 3: (b, 09:00) starts before sessions row 2 (a) ends at 10:00; expected"
                + " sessions of one day not to overlap"), e.problems());
    }

    @Test
    void refusesInOneLineAnEventSheetWithItsKeysAsColumnHeaders() {
        InputException e = rejected(new XlsxFixture()
                .sheet("event").row(1, "id", "name", "tables", "day", "start", "end", "timeZone")
                .row(2, "x", "Ngày hội", 5, "2024-10-10", "08:30", "10:30", "Asia/Ho_Chi_Minh")
                .sheet("participants").row(1, "id", "role").row(2, "p", "company"));
        assertEquals(List.of("event row 1: holds keys as the headers of columns (\"id\", \"name\", \"tables\","
                + " \"day\", \"start\", ...); expected two columns, key and value, with one row per key (id in the"
                + " first column, its value beside it)"), e.problems());
    }

    @Test
    void acceptsAOneSessionEventWithoutASessionsSheet() {
        Event event = xlsx(new XlsxFixture()
                .sheet("event").row(1, "key", "value").row(2, "id", "x").row(3, "tables", 2).row(4, "slots", 5)
                .sheet("participants").row(1, "id", "role").row(2, "p", "company")).event();
        assertEquals(5, event.slotCount());
        assertNull(event.timeZone());
    }

    /** Sessions typed as plain numbers, as a script or a form export writes them: no date or time format. */
    private static XlsxFixture serialSessions(Object day, Object start, Object end) {
        return new XlsxFixture()
                .sheet("event").row(1, "key", "value").row(2, "id", "x").row(3, "timeZone", "Asia/Ho_Chi_Minh")
                .row(4, "slotMinutes", 20).row(5, "tables", 2)
                .sheet("sessions").row(1, "id", "day", "start", "end").row(2, "am", day, start, end)
                .sheet("participants").row(1, "id", "role").row(2, "p", "company");
    }

    @Test
    void readsExcelSerialDaysAndDayFractionsInDateAndTimeColumns() {
        Event event = xlsx(serialSessions(45575, 0.3541666666666667, 0.4375)).event();
        assertEquals(LocalDate.of(2024, 10, 10), event.sessions().get(0).date());
        assertEquals(LocalTime.of(8, 30), event.slot(1).start().toLocalTime());
        assertEquals(6, event.slotCount());
        Event mac = xlsx(serialSessions(44113, 0.5625, 0.625).date1904()).event();
        assertEquals(LocalDate.of(2024, 10, 10), mac.sessions().get(0).date());
        assertEquals(LocalTime.of(13, 30), mac.slot(1).start().toLocalTime());
    }

    @Test
    void readsTwentyFourHundredAsTheEndOfTheDay(@TempDir Path dir) throws Exception {
        // typed as text, as Excel keeps "24:00" typed into a cell ([h]:mm, the value 1), and as a plain 1
        for (Object end : new Object[] {"24:00", new XlsxFixture.Formatted(1, "[h]:mm"), 1}) {
            Event event = xlsx(serialSessions("2024-10-10", "22:00", end)).event();
            assertEquals(6, event.slotCount(), "22:00 to midnight, " + end);
            assertEquals(java.time.LocalDateTime.parse("2024-10-11T00:00"), event.slot(6).end(), String.valueOf(end));
        }
        Files.writeString(dir.resolve("event.csv"), "key,value\nid,x\ntimeZone,Asia/Ho_Chi_Minh\nslotMinutes,20\n"
                + "tables,2\nday,2024-10-10\nstart,22:00\nend,24:00\n");
        Files.writeString(dir.resolve("participants.csv"), "id,role,unavailable\np,company,23:00-24:00\n");
        Event csv = EventSheets.read(dir).event();
        assertEquals(6, csv.slotCount());
        assertEquals(Set.of(4, 5, 6), csv.participant("p").unavailableSlots(), "23:00 to midnight");
        assertEquals(List.of("sessions row 2, column \"start\": \"24:00\" is the end of the day, which only an end may"
                + " be; expected a start from 00:00 to 23:59"), rejected(serialSessions("2024-10-10", "24:00", "24:00"))
                .problems());
    }

    @Test
    void refusesNumbersThatAreNoExcelDateOrTimeAndNumbersInCsv(@TempDir Path dir) throws Exception {
        assertEquals(List.of(
                "sessions row 2, column \"day\": \"45575.5\" is not a date; expected YYYY-MM-DD such as 2024-10-10,"
                        + " or DD/MM/YYYY, or an Excel day number (45575 is 2024-10-10)",
                "sessions row 2, column \"end\": \"1.25\" is not a time of day; expected HH:MM such as 08:30, or 24:00"
                        + " for a session that ends at midnight, or an Excel fraction of a day from 0 to 1 (0.5625 is"
                        + " 13:30, 1 is 24:00)"),
                rejected(serialSessions(45575.5, 0.5, 1.25)).problems());
        Files.writeString(dir.resolve("event.csv"), "key,value\nid,x\nslotMinutes,20\ntables,2\nday,45575\n"
                + "start,08:30\nend,10:30\n");
        Files.writeString(dir.resolve("participants.csv"), "id,role\np,company\n");
        InputException csv = assertThrows(InputException.class, () -> EventSheets.read(dir));
        assertEquals(List.of("event.csv row 5, key \"day\": \"45575\" is not a date; expected YYYY-MM-DD such as"
                + " 2024-10-10, or DD/MM/YYYY"), csv.problems());
    }

    @Test
    void readsATextCellOfDigitsInADateOrTimeColumnAsTextAndRefusesIt() {
        assertEquals(List.of(
                "sessions row 2, column \"day\": \"45575\" is not a date; expected YYYY-MM-DD such as 2024-10-10, or"
                        + " DD/MM/YYYY (the cell is text: an Excel day number such as 45575 counts only in a cell"
                        + " formatted as a number or a date)",
                "sessions row 2, column \"start\": \"0.5625\" is not a time of day; expected HH:MM such as 08:30 (the"
                        + " cell is text: an Excel fraction of a day such as 0.5625 counts only in a cell formatted as"
                        + " a number or a time)"),
                rejected(serialSessions("45575", "0.5625", 0.625)).problems());
        InputException onTheEventSheet = rejected(new XlsxFixture()
                .sheet("event").row(1, "key", "value").row(2, "id", "x").row(3, "tables", 2).row(4, "slots", 5)
                .row(5, "day", "45575")
                .sheet("participants").row(1, "id", "role").row(2, "p", "company"));
        assertEquals(List.of("event row 5, key \"day\": \"45575\" is not a date; expected YYYY-MM-DD such as"
                + " 2024-10-10, or DD/MM/YYYY (the cell is text: an Excel day number such as 45575 counts only in a"
                + " cell formatted as a number or a date)"), onTheEventSheet.problems());
        assertEquals(LocalDate.of(2024, 10, 10),
                xlsx(serialSessions("10/10/2024", "08:30", 0.4375)).event().sessions().get(0).date());
    }

    @Test
    void givesACellMergedOverSeveralRowsToEachOfThem() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "need", "offering")
                .row(2, "a-1", "agency", "Flood maps")
                .row(3, "a-2", null, null)
                .row(4, "a-3")
                .merge(2, 4, 2, 2).merge(2, 3, 3, 3)
                .row(5, "s-1", "startup", null, "Sensors").merge(5, 5, 4, 5)).event();
        assertEquals(List.of(Role.AGENCY, Role.AGENCY, Role.AGENCY, Role.STARTUP),
                event.participants().stream().map(Participant::role).toList());
        assertEquals("Flood maps", event.participant("a-2").needs().get(0).title());
        assertTrue(event.participant("a-3").needs().isEmpty());
        assertEquals(1, event.participant("s-1").offerings().size());
    }

    @Test
    void takesATitleAboveTheHeadersForATitleAndSaysSo() {
        Imported imported = xlsx(event()
                .sheet("participants").row(1, "DANH SÁCH ĐĂNG KÝ — Ngày hội B2G").merge(1, 1, 1, 3)
                .row(3, "Mã", "Vai trò", "Tên").row(4, "a-1", "cơ quan", "Sở Y tế"));
        assertEquals("a-1", imported.event().participants().get(0).id());
        assertEquals(List.of("participants row 1: took \"DANH SÁCH ĐĂNG KÝ — Ngày hội B2G\" for a title and row 3"
                + " for the headers; expected the headers in the first row"), imported.warnings());
        assertEquals(List.of("participants row 1: holds no header of this sheet (\"Company\", \"Kind\");"
                + " expected headers such as id, role, name, email in the first row",
                "participants: lists no participant; expected a row per participant"),
                rejected(event().sheet("participants").row(1, "Company", "Kind").row(2, "X", "startup")).problems());
    }

    @Test
    void refusesACellShowingAnExcelErrorNamingItsPlaceOnce() {
        InputException e = rejected(event()
                .sheet("participants").row(1, "id", "role", "name", "maxMeetings")
                .row(2, "a-1", "agency", new XlsxFixture.Formula("#REF!"), new XlsxFixture.Formula("1/0")));
        assertEquals(List.of(
                "participants row 2, column \"name\": shows the Excel error #REF!; expected a value (correct the"
                        + " formula, or type the value)",
                "participants row 2, column \"maxMeetings\": shows the Excel error #DIV/0!; expected a value (correct"
                        + " the formula, or type the value)"), e.problems());
        InputException onTheEventSheet = rejected(new XlsxFixture()
                .sheet("event").row(1, "key", "value").row(2, "id", "x").row(3, "tables", new XlsxFixture.Formula("1/0"))
                .row(4, "slots", 5)
                .sheet("participants").row(1, "id", "role").row(2, "p", "company"));
        assertEquals(List.of("event row 3, key \"tables\": shows the Excel error #DIV/0!; expected a value (correct the"
                + " formula, or type the value)"), onTheEventSheet.problems());
    }

    @Test
    void refusesAFormulaSavedWithoutItsResultThatCannotBeComputedInAnyColumnItReads() {
        InputException e = rejected(event()
                .sheet("participants").row(1, "id", "role", "name", "notes")
                .row(2, "a-1", "agency", new XlsxFixture.Formula("FOOBAR(A2)"), new XlsxFixture.Formula("FOOBAR(A2)")));
        assertEquals(List.of("participants row 2, column \"name\": holds the formula \"=FOOBAR(A2)\" saved without"
                + " its result, which the import cannot compute; expected a value (open and save the workbook in"
                + " Excel, or type the value)"), e.problems());
    }

    @Test
    void computesTheFormulasOfAWorkbookThatStoresZeroForEveryResultAndAsksToBeRecalculated() {
        // as XlsxWriter (which pandas uses) saves formulas: every result 0, the workbook marked for recalculation
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name", "maxMeetings", "minMeetings")
                .row(2, new XlsxFixture.CachedFormula("\"s-\"&ROW()", 0), "startup",
                        new XlsxFixture.CachedFormula("UPPER(\"vietsense\")", 0), new XlsxFixture.CachedFormula("2*3", 0),
                        new XlsxFixture.CachedFormula("2*3", 4))
                .recalculatedOnOpening()).event();
        Participant p = event.participants().get(0);
        assertEquals("s-2", p.id());
        assertEquals("VIETSENSE", p.name());
        assertEquals(6, p.maxMeetings());
        assertEquals(4, p.minMeetings(), "a result other than 0 is what Excel showed: kept");
        Event excel = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name")
                .row(2, "s-1", "startup", new XlsxFixture.CachedFormula("UPPER(\"vietsense\")", "As shown"))).event();
        assertEquals("As shown", excel.participant("s-1").name(), "a stored result is what the cell shows");
    }

    @Test
    void readsANumberFormattedWithLeadingZerosAsExcelShowsIt() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name")
                .row(2, new XlsxFixture.Formatted(123, "00000"), "startup", "A")
                .row(3, 84901234567L, "agency", "B")
                .sheet("requests").row(1, "from", "to").row(2, "00123", 84901234567L)).event();
        assertEquals(List.of("00123", "84901234567"), event.participants().stream().map(Participant::id).toList());
        assertEquals("00123", event.requests().get(0).from());
        assertEquals("84901234567", event.requests().get(0).to());
    }

    @Test
    void readsNarrowAndOtherUnicodeSpacesAsSpacesAndDropsZeroWidthOnes() {
        Event event = xlsx(new XlsxFixture()
                .sheet("event").row(1, "key", "value").row(2, "id", "x").row(3, "timeZone", "Asia/Ho_Chi_Minh")
                .row(4, "slotMinutes", 20).row(5, "tables", 2).row(6, "day", "2024-10-10")
                .row(7, "start", "1:30\u202FPM").row(8, "end", "2:30\u2009PM")
                .sheet("participants").row(1, "id", "role", "name")
                .row(2, "\u202Fs-9\u202F", "startup", "\u200BVietSense\u200B AI")
                .row(3, "\u200B", null, "\u3000")
                .row(4, "a-1", "agency", "Sở\u2007Y tế")
                .sheet("requests").row(1, "from", "to").row(2, "VietSense AI", "Sở Y tế")).event();
        assertEquals(LocalTime.of(13, 30), event.slot(1).start().toLocalTime());
        assertEquals(3, event.slotCount());
        assertEquals(List.of("s-9", "a-1"), event.participants().stream().map(Participant::id).toList());
        assertEquals("VietSense AI", event.participant("s-9").name());
        assertEquals("Sở Y tế", event.participant("a-1").name());
        assertEquals("s-9", event.requests().get(0).from());
    }

    @Test
    void aRowThatShowsOnlyACellMergedFromAboveIsEmpty() {
        Event event = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name")
                .row(2, "a-1", "agency", "A").row(3, "a-2", null, "B").row(9)
                .merge(2, 9, 2, 2)).event();
        assertEquals(List.of("a-1", "a-2"), event.participants().stream().map(Participant::id).toList());
        assertEquals(Role.AGENCY, event.participant("a-2").role());
    }

    @Test
    void saysOnceThatASheetHasNoColumnItNeedsRatherThanOncePerRow() {
        XlsxFixture fixture = event().sheet("participants").row(1, "id", "Type", "name");
        for (int r = 2; r < 2 + 60; r++) {
            fixture.row(r, "p" + r, "startup", "P" + r);
        }
        fixture.sheet("requests").row(1, "requester", "to").row(2, "p2", "p3");
        assertEquals(List.of(
                "participants row 1: has no column \"role\" (the headers are \"id\", \"Type\", \"name\"); expected a"
                        + " column headed role",
                "requests row 1: has no column \"from\" (the headers are \"requester\", \"to\"); expected a column"
                        + " headed from"), rejected(fixture).problems());
        assertEquals(List.of("participants row 1: has no column \"id\" or \"name\" (the headers are \"Код\","
                + " \"Название\", \"role\"); expected a column headed id or name"), rejected(event()
                .sheet("participants").row(1, "Код", "Название", "role").row(2, "s-1", "A", "startup")
                .sheet("requests").row(1, "from", "to").row(2, "s-1", "A")).problems(),
                "the references to participants that cannot be read are not each reported as unknown");
    }

    @Test
    void saysEverythingASessionLacksAtOnceInTheSheetsWords(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), "key,value\r\nid,x\r\ntimeZone,Asia/Ho_Chi_Minh\r\n"
                + "slotMinutes,20\r\ntables,\r\n");
        Files.writeString(dir.resolve("sessions.csv"), "id,day,start,end,slots\r\na,,08:00,09:00,\r\n"
                + "b,2024-10-10,,11:00,\r\nc,2024-10-10,13:00,,\r\nd,2024-10-11,13:00,14:00,3\r\n");
        Files.writeString(dir.resolve("participants.csv"), "id,role\r\np,company\r\n");
        assertEquals(List.of(
                "event.csv row 5, key \"tables\": is empty; expected the number of tables, or their ids separated by"
                        + " \";\", or a tables sheet",
                "sessions.csv row 2, column \"day\": is empty; expected the session's day (such as 2024-10-10), since"
                        + " it has a start time",
                "sessions.csv row 3, column \"start\": is empty; expected the time the session starts, since it has an"
                        + " end",
                "sessions.csv row 4: has neither an end nor a number of slots; expected one of them (end, slots)",
                "sessions.csv row 5: gives both an end and a number of slots; expected one of them (end, slots)"),
                assertThrows(InputException.class, () -> EventSheets.read(dir)).problems());
    }

    @Test
    void readsDayFirstDatesWithSlashesDotsOrHyphens() {
        for (String day : List.of("10/10/2024", "10.10.2024", "10-10-2024")) {
            assertEquals(LocalDate.of(2024, 10, 10),
                    xlsx(serialSessions(day, "08:30", "10:30")).event().sessions().get(0).date(), day);
        }
        assertEquals(List.of("sessions row 2, column \"day\": \"10-10/2024\" is not a date; expected YYYY-MM-DD"
                + " such as 2024-10-10, or DD/MM/YYYY"), rejected(serialSessions("10-10/2024", "08:30", "10:30"))
                .problems());
    }

    @Test
    void readsYearFirstDatesWithSlashesAndDatesWrittenWithMidnight() {
        for (String day : List.of("2024/10/10", "2024-10-10 00:00:00", "2024-10-10T00:00", "10/10/2024 0:00")) {
            assertEquals(LocalDate.of(2024, 10, 10),
                    xlsx(serialSessions(day, "08:30", "10:30")).event().sessions().get(0).date(), day);
        }
        assertEquals(List.of("sessions row 2, column \"day\": \"2024-10-10 08:00\" is not a date; expected YYYY-MM-DD"
                + " such as 2024-10-10, or DD/MM/YYYY"), rejected(serialSessions("2024-10-10 08:00", "08:30", "10:30"))
                .problems());
    }

    @Test
    void readsVietnameseTimesAndPriorities() {
        Imported imported = xlsx(new XlsxFixture()
                .sheet("event").row(1, "key", "value").row(2, "id", "x").row(3, "timeZone", "Asia/Ho_Chi_Minh")
                .row(4, "slotMinutes", 20).row(5, "tables", 2)
                .sheet("sessions").row(1, "id", "day", "start", "end").row(2, "am", "10/10/2024", "8g30", "10G30")
                .sheet("participants").row(1, "id", "role").row(2, "s", "startup").row(3, "a", "agency")
                .row(4, "b", "agency").row(5, "c", "agency")
                .sheet("requests").row(1, "from", "to", "priority").row(2, "s", "a", "Bắt buộc").row(3, "s", "b", "cao")
                .row(4, "s", "c", "bình thường"));
        assertEquals(LocalTime.of(8, 30), imported.event().slot(1).start().toLocalTime());
        assertEquals(List.of(Priority.MUST, Priority.HIGH, Priority.NORMAL),
                imported.event().requests().stream().map(r -> r.priority()).toList());
    }

    @Test
    void readsAnUnquotedListOfTablesInASemicolonFileAsTheListAndSaysWhatElseAValueHasAfterIt(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("event.csv"), "key;value\nid;x\nname;Day;Two;Three\ntimeZone;Asia/Ho_Chi_Minh\nslotMinutes;20\n"
                + "tables;T1;T2;T3\nday;2024-10-10\nstart;08:30\nend;10:30\n");
        Files.writeString(dir.resolve("participants.csv"), "id;role\np;company\n");
        Imported imported = EventSheets.read(dir);
        assertEquals(List.of("T1", "T2", "T3"), imported.event().tables().stream().map(t -> t.id()).toList());
        assertEquals(List.of("event.csv row 3: ignored \"Two\", \"Three\" after the value; expected one value per key"
                + " (a list in one cell, in quotes when it holds the separator)"), imported.warnings());
    }

    @Test
    void sayWhatIsMissingWhenARequiredSheetIsAbsent() {
        InputException e = rejected(new XlsxFixture().sheet("event").row(1, "key", "value").row(2, "id", "x"));
        assertTrue(e.problems().get(0).startsWith("event.xlsx: has no participants sheet; expected the sheets event"
                + " and participants"), e.problems().get(0));
    }

    @Test
    void saysThatARequiredSheetIsHiddenRatherThanMissing() {
        InputException e = rejected(event().sheet("Participants").row(1, "id", "role").row(2, "p", "company")
                .hidden());
        assertEquals(List.of("event.xlsx: the Participants sheet is hidden, and hidden sheets are not read; expected"
                + " it shown (in Excel: right-click a sheet tab, Unhide)"), e.problems());
    }

    @Test
    void rejectsATruncatedOrForeignFileInOneLine() {
        byte[] workbook = event().sheet("participants").row(1, "id", "role").row(2, "p", "company").bytes();
        InputException truncated = assertThrows(InputException.class,
                () -> EventSheets.readXlsx(Arrays.copyOf(workbook, workbook.length / 2), "cut.xlsx"));
        assertTrue(truncated.getMessage().startsWith("cut.xlsx: is not a readable .xlsx workbook (truncated or"
                + " corrupt"), truncated.getMessage());
        assertEquals(1, truncated.getMessage().lines().count());
        InputException text = assertThrows(InputException.class,
                () -> EventSheets.readXlsx("id,role\n".getBytes(StandardCharsets.UTF_8), "x.xlsx"));
        assertTrue(text.getMessage().startsWith("x.xlsx: is not an .xlsx workbook (it is text, starting \"id,role\")"),
                text.getMessage());
        InputException binary = assertThrows(InputException.class,
                () -> EventSheets.readXlsx(new byte[] {1, 2, 3, 4, 0, 0}, "x.xlsx"));
        assertTrue(binary.getMessage().startsWith("x.xlsx: is not an .xlsx workbook (not a ZIP archive)"),
                binary.getMessage());
        InputException old = assertThrows(InputException.class, () -> EventSheets.readXlsx(
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, "old.xls.xlsx"));
        assertTrue(old.getMessage().contains("Excel 97-2003 (.xls)"), old.getMessage());
    }

    @Test
    void saysWhetherAFileThatIsNoXlsxIsAnXlsAPasswordProtectedWorkbookAnOdsOrOneCsvFile(@TempDir Path dir)
            throws Exception {
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook old = new HSSFWorkbook()) {
            old.createSheet("event");
            old.write(xls);
        }
        String xlsMessage = ": is an Excel 97-2003 workbook (.xls), not an .xlsx workbook; expected an .xlsx workbook"
                + " (in Excel: Save As, Excel Workbook).";
        assertEquals("old.xlsx" + xlsMessage, assertThrows(InputException.class,
                () -> EventSheets.readXlsx(xls.toByteArray(), "old.xlsx")).getMessage());
        Path xlsFile = dir.resolve("event.xls");
        Files.write(xlsFile, xls.toByteArray());
        assertEquals(xlsFile + xlsMessage, assertThrows(InputException.class, () -> EventSheets.read(xlsFile))
                .getMessage());

        ByteArrayOutputStream locked = new ByteArrayOutputStream();
        try (POIFSFileSystem file = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(file)) {
                out.write(event().sheet("participants").row(1, "id", "role").row(2, "p", "company").bytes());
            }
            file.writeFilesystem(locked);
        }
        assertEquals("locked.xlsx: is protected by a password, so it cannot be read; expected the workbook without a"
                + " password (in Excel: File, Info, Protect Workbook, Encrypt with Password, and clear the password).",
                assertThrows(InputException.class, () -> EventSheets.readXlsx(locked.toByteArray(), "locked.xlsx"))
                        .getMessage());

        ByteArrayOutputStream ods = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(ods)) {
            byte[] type = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype"); // stored first and uncompressed, as OpenDocument requires
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertEquals("event.xlsx: is an OpenDocument file (.ods, as LibreOffice saves by default), not an .xlsx"
                + " workbook; expected .xlsx (in LibreOffice: File, Save As, Excel 2007-365).",
                assertThrows(InputException.class, () -> EventSheets.readXlsx(ods.toByteArray(), "event.xlsx"))
                        .getMessage());

        Path csv = dir.resolve("participants.csv");
        Files.writeString(csv, "id,role\np,company\n");
        assertEquals(csv + ": is one CSV file, which holds one sheet; expected a folder of .csv files, one per sheet"
                + " (event.csv, participants.csv, ...), or an .xlsx workbook.",
                assertThrows(InputException.class, () -> EventSheets.read(csv)).getMessage());
    }

    @Test
    void saysThatAStrictOpenXmlWorkbookCannotBeReadAndHowToSaveIt() throws Exception {
        byte[] transitional = event().sheet("participants").row(1, "id", "role").row(2, "p", "company").bytes();
        ByteArrayOutputStream strict = new ByteArrayOutputStream(); // what Excel's "Strict Open XML" changes
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(transitional));
                ZipOutputStream out = new ZipOutputStream(strict)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                "http://purl.oclc.org/ooxml/spreadsheetml/main")
                        .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                "http://purl.oclc.org/ooxml/officeDocument/relationships");
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        assertEquals("strict.xlsx: is saved as a Strict Open XML spreadsheet, which the import cannot read; expected"
                + " an .xlsx workbook (in Excel: Save As, Excel Workbook rather than Strict Open XML Spreadsheet).",
                assertThrows(InputException.class, () -> EventSheets.readXlsx(strict.toByteArray(), "strict.xlsx"))
                        .getMessage());
    }

    // ---------------------------------------------------------------- CSV folders

    @Test
    void saysThatACsvFileIsAWorkbookUnderACsvNameAndListsEveryFileThatCannotBeRead(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("event.csv"), EVENT_CSV);
        Files.write(dir.resolve("participants.csv"), event().sheet("participants").row(1, "id", "role")
                .row(2, "p", "company").bytes());
        String workbook = "participants.csv: is a workbook (.xlsx or another ZIP archive) with a .csv name, not CSV"
                + " text; expected CSV text (in Excel: Save As, \"CSV UTF-8\"), or the workbook imported as an .xlsx"
                + " file.";
        assertEquals(workbook, assertThrows(InputException.class, () -> EventSheets.read(dir)).getMessage());
        Files.write(dir.resolve("event.csv"), (EVENT_CSV + "name,Société Générale\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        InputException both = assertThrows(InputException.class, () -> EventSheets.read(dir));
        assertEquals(2, both.problems().size(), both.getMessage());
        assertTrue(both.problems().get(0).startsWith("event.csv: is not UTF-8 text (byte 0xE9 on line 9)"),
                both.getMessage());
        assertEquals(workbook, both.problems().get(1));
        assertTrue(both.getMessage().startsWith(dir + ": 2 errors; nothing was imported:"), both.getMessage());
    }

    @Test
    void skipsTheHiddenFilesMacOsAndExcelLeaveBesideTheCsvFilesWithAWarning(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), EVENT_CSV);
        Files.writeString(dir.resolve("participants.csv"), "id,role\r\np,company\r\n");
        // AppleDouble resource data copied from a Mac, and the owner file Excel keeps while participants.csv is open
        Files.write(dir.resolve("._participants.csv"), new byte[] {0, 5, 22, 7, 0, 2, 0, 0, (byte) 0xFF, (byte) 0xB0});
        Files.write(dir.resolve("~$participants.csv"), new byte[] {5, 'n', 'g', 0, (byte) 0xC5, 0, 0});
        Imported imported = EventSheets.read(dir);
        assertEquals(1, imported.event().participants().size());
        assertEquals(List.of(dir + ": ignored the hidden files ._participants.csv, ~$participants.csv"),
                imported.warnings());
    }

    @Test
    void takesTheSeparatorFromExcelsSepLineAndNumbersRowsAsExcelShowsThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), "sep=,\r\n" + EVENT_CSV);
        Files.writeString(dir.resolve("participants.csv"), "sep=;\r\nid;role;name\r\ns-1;robot;A, B\r\n");
        assertEquals(List.of("participants.csv row 2, column \"role\": \"robot\" is not a role (startup, agency,"
                + " company)"), assertThrows(InputException.class, () -> EventSheets.read(dir)).problems());
        Files.writeString(dir.resolve("participants.csv"), "sep=;\r\nid;role;name\r\ns-1;startup;A, B\r\n");
        Imported imported = EventSheets.read(dir);
        assertEquals("A, B", imported.event().participant("s-1").name());
        assertEquals(List.of(), imported.warnings());
    }

    private static final String EVENT_CSV = "key,value\r\nid,csv-day\r\nslotMinutes,20\r\ntables,3\r\n"
            + "timeZone,Asia/Ho_Chi_Minh\r\nday,2024-10-10\r\nstart,08:30\r\nend,10:30\r\n";

    @Test
    void saysWhichRowOfACsvHasAnUnclosedOrMisplacedQuoteWithoutTheLibrarysWords(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), EVENT_CSV);
        Files.writeString(dir.resolve("participants.csv"), "id,role,name\r\ns-1,startup,\"Alpha\r\na-1,agency,B\r\n");
        assertEquals("participants.csv row 2: a field opened with a quote is not closed before the end of the file;"
                + " expected every quoted field to end with a quote (a quote inside a field is written twice: \"\").",
                assertThrows(InputException.class, () -> EventSheets.read(dir)).getMessage());
        Files.writeString(dir.resolve("participants.csv"),
                "id,role,name\r\na-1,agency,B\r\ns-1,startup,\"Alpha\" Ltd\r\n");
        assertEquals("participants.csv row 3: text follows the closing quote of a field; expected the separator right"
                + " after it (a quote inside a field is written twice: \"\").",
                assertThrows(InputException.class, () -> EventSheets.read(dir)).getMessage());
    }

    @Test
    void warnsAboutARequestOfAnExcludedPairAndOneListedTwiceWithAnotherPriority(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("event.csv"), EVENT_CSV);
        Files.writeString(dir.resolve("participants.csv"), "id,role,name\r\ns-1,startup,Alpha\r\na-1,agency,B\r\n"
                + "a-2,agency,C\r\n");
        Files.writeString(dir.resolve("requests.csv"), "from,to,priority\r\ns-1,a-1,high\r\nAlpha,C,normal\r\n"
                + "s-1,a-2,must\r\ns-1,C,\r\n");
        Files.writeString(dir.resolve("exclusions.csv"), "participant,counterpart,reason\r\nB,s-1,tender\r\n");
        Imported imported = EventSheets.read(dir);
        assertEquals(List.of(
                "requests.csv row 2: s-1 and a-1 are excluded from meeting (exclusions.csv row 2); the request will"
                        + " not be met",
                "requests.csv row 4: s-1 asks a-2 again, as must (row 3: normal); the request counts once, as must"),
                imported.warnings());
        assertEquals(4, imported.event().requests().size(), "accepted as the event document allows them");
    }

    @Test
    void wordsTheReadersValueAsASheetDoes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), "key,value\r\nid,x\r\nslotMinutes,20\r\ntables,3\r\n"
                + "timeZone,Asia/Ho_Chi_Minh\r\n");
        Files.writeString(dir.resolve("sessions.csv"), "id,day,start,end\r\nev,11.10.2024,18:00,17:00\r\n");
        Files.writeString(dir.resolve("participants.csv"), "id,role\r\np,company\r\n");
        assertEquals(List.of("sessions.csv row 2, column \"end\": \"17:00\" is not after start (\"18:00\")"),
                assertThrows(InputException.class, () -> EventSheets.read(dir)).problems());
    }

    @Test
    void readsExcelCsvWithByteOrderMarkCrlfSemicolonsAndQuotedFields(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Event.CSV"), "\uFEFF" + EVENT_CSV, StandardCharsets.UTF_8);
        String participants = "\uFEFFid;role;name;offering;offeringDescription\r\n"
                + "s-1;startup;\"Công ty \"\"Ánh Sáng\"\"; chi nhánh 1\";Maps;\"Line one;\r\nline two\"\r\n"
                + ";;;;\r\n"
                + "s-2;startup;B;;\r\n";
        Files.writeString(dir.resolve("participants.csv"), participants, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "not a sheet");
        Event event = EventSheets.read(dir).event();
        assertEquals("csv-day", event.id());
        assertEquals(6, event.slotCount());
        Participant p = event.participant("s-1");
        assertEquals("Công ty \"Ánh Sáng\"; chi nhánh 1", p.name());
        assertEquals("Line one;\r\nline two", p.offerings().get(0).description());
        assertEquals(2, event.participants().size());
    }

    @Test
    void numbersCsvRowsAsTheSpreadsheetShowsThemAndNormalisesNfdToNfc(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), EVENT_CSV);
        String nfd = Normalizer.normalize("Sở Y tế", Normalizer.Form.NFD);
        Files.writeString(dir.resolve("participants.csv"), "id,role,name\n\na-1,agency," + nfd + "\n"
                + "s-1,\"start\nup\",X\ns-2,robot,Y\n");
        Files.writeString(dir.resolve("requests.csv"), "from,to\ns-1,Sở Y tế\n");
        InputException e = assertThrows(InputException.class, () -> EventSheets.read(dir));
        assertEquals(List.of(
                "participants.csv row 4, column \"role\": \"start up\" is not a role (startup, agency, company)",
                "participants.csv row 5, column \"role\": \"robot\" is not a role (startup, agency, company)"),
                e.problems());
        Files.writeString(dir.resolve("participants.csv"), "id,role,name\na-1,agency," + nfd + "\ns-1,startup,X\n");
        Event event = EventSheets.read(dir).event();
        assertEquals("Sở Y tế", event.participant("a-1").name());
        assertEquals("a-1", event.requests().get(0).to());
    }

    @Test
    void saysACsvIsNotUtf8AndWhichEncodingItLooksLike(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("event.csv"), EVENT_CSV);
        // "Sở Y tế" as Windows-1258 writes it: ơ (0xF5) + combining hook (0xD2), ê (0xEA) + combining acute (0xEC)
        byte[] name = {'S', (byte) 0xF5, (byte) 0xD2, ' ', 'Y', ' ', 't', (byte) 0xEA, (byte) 0xEC};
        byte[] header = "id,role,name\na,agency,".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(header, header.length + name.length);
        System.arraycopy(name, 0, bytes, header.length, name.length);
        Files.write(dir.resolve("participants.csv"), bytes);
        InputException e = assertThrows(InputException.class, () -> EventSheets.read(dir));
        assertTrue(e.getMessage().startsWith("participants.csv: is not UTF-8 text (byte 0x"), e.getMessage());
        assertTrue(e.getMessage().contains("on line 2); it looks like Windows-1258 (Vietnamese)"), e.getMessage());
    }

    @Test
    void detectsTheSeparatorFromTheHeaderRow() {
        assertEquals(';', CsvBooks.separator("id;name;\"a,b,c,d\"\n1,2,3,4,5"));
        assertEquals(',', CsvBooks.separator("id,name,role\n"));
        assertEquals('\t', CsvBooks.separator("id\tname\trole"));
    }

    // ---------------------------------------------------------------- writing the layout back

    @Test
    void anEventWrittenAsAWorkbookOrCsvFolderImportsAsTheSameEvent(@TempDir Path dir) throws Exception {
        Imported original = xlsx(event()
                .sheet("participants").row(1, "id", "role", "name", "unavailable", "homeTable", "minMeetings",
                        "maxMeetings", "tags", "need")
                .row(2, "a", "agency", "Sở Y tế", "1-2; 5", 3, 1, 6, "health", "Queues")
                .row(3, "s", "startup", "VietSense", null, null, null, null, null, null)
                .sheet("offerings").row(1, "participant", "id", "title", "tags").row(2, "s", "o-9", "Maps", "gis; ai")
                .sheet("requests").row(1, "from", "to", "priority").row(2, "s", "a", "high")
                .sheet("exclusions").row(1, "participant", "counterpart").row(2, "a", "s")
                .sheet("meetings").row(1, "id", "participant", "counterpart", "fixedSlot").row(2, "m", "s", "a", 4));
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        EventWorkbook.write(original.event(), workbook);
        SameEvent.assertSameEvent(original.event(), EventSheets.readXlsx(workbook.toByteArray(), "again.xlsx").event());
        EventWorkbook.writeCsv(original.event(), dir);
        SameEvent.assertSameEvent(original.event(), EventSheets.read(dir).event());
    }

    @Test
    void aSessionEndingAtMidnightIsWrittenAsTwentyFourHundredAndReadBack(@TempDir Path dir) throws Exception {
        Imported original = xlsx(serialSessions("2024-10-10", "22:00", "24:00"));
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        EventWorkbook.write(original.event(), workbook);
        Imported again = EventSheets.readXlsx(workbook.toByteArray(), "again.xlsx");
        SameEvent.assertSameEvent(original.event(), again.event());
        assertTrue(EventSheets.json(again.document()).contains("\"end\": \"24:00\""), "an end, not a count of slots");
        EventWorkbook.writeCsv(original.event(), dir);
        SameEvent.assertSameEvent(original.event(), EventSheets.read(dir).event());
    }

    @Test
    void theImportIsABgEventDocumentThatTheJsonReaderReadsAlike() {
        Imported imported = xlsx(event().sheet("participants").row(1, "id", "role", "email")
                .row(2, "p", "company", "p@example.com"));
        String json = EventSheets.json(imported.document());
        assertTrue(json.contains("\"format\": \"b2g-event/1\""));
        assertTrue(json.contains("\"email\": \"p@example.com\""));
        SameEvent.assertSameEvent(imported.event(), EventJson.read(json, "imported.json"));
    }

    @Test
    void theTemplateImportsAsItIs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventWorkbook.template(out);
        Imported imported = EventSheets.readXlsx(out.toByteArray(), "template.xlsx");
        assertEquals(List.of(), imported.warnings());
        Event event = imported.event();
        assertEquals(3, event.participants().size());
        assertEquals("so-y-te", event.participants().get(2).id());
        assertEquals(Set.of(7, 8, 9, 10), event.participant("a-dost").unavailableSlots());
        assertTrue(event.excluded("s-001", "so-y-te"));
    }

    @Test
    void writesUnavailableSlotsAsClockRangesSoThatASessionAddedBeforeKeepsTheirTimes(@TempDir Path dir)
            throws Exception {
        Event original = xlsx(event().sheet("participants").row(1, "id", "role", "unavailable")
                .row(2, "a", "agency", "1-2; 7").row(3, "s", "startup", null)).event();
        EventWorkbook.writeCsv(original, dir);
        String participants = Files.readString(dir.resolve("participants.csv"));
        assertTrue(participants.contains("2024-10-10 08:30-09:10; 2024-10-10 13:30-13:50"), participants);

        // The organizer adds a session at 07:30 in the sheet: slot 1 is now 07:30, and 08:30 is slot 3.
        Path sessions = dir.resolve("sessions.csv");
        List<String> header = List.of(Files.readString(sessions).lines().findFirst().orElseThrow().split("[;,]"));
        String separator = Files.readString(sessions).contains(";") ? ";" : ",";
        List<String> early = new ArrayList<>();
        for (String column : header) {
            early.add(switch (column.strip().replace("\uFEFF", "")) {
                case "id" -> "early";
                case "day" -> "2024-10-10";
                case "start" -> "07:30";
                case "slots" -> "2";
                default -> "";
            });
        }
        Files.writeString(sessions, Files.readString(sessions).stripTrailing() + "\r\n" + String.join(separator, early)
                + "\r\n");

        Event again = EventSheets.read(dir).event();

        assertEquals(14, again.slotCount());
        assertEquals(Set.of(3, 4, 9), again.participant("a").unavailableSlots());
    }

    @Test
    void writesSlotSetsAsRanges() {
        assertEquals("1-3; 7; 9-10", EventWorkbook.ranges(Set.of(1, 2, 3, 7, 9, 10)));
        assertNull(EventWorkbook.ranges(Set.of()));
    }
}
