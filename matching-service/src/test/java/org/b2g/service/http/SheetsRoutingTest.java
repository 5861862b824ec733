package org.b2g.service.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.io.EventJson;
import org.b2g.core.sheets.EventSheets;
import org.b2g.core.sheets.EventWorkbook;
import org.b2g.core.solver.SolveOptions;
import org.b2g.service.Backend;
import org.b2g.service.TestService;
import org.b2g.service.solving.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Spreadsheets through the API without a network: a workbook uploaded where a {@code b2g-event/1} goes, with every
 * problem listed when it is bad; the schedule and the participants with their links downloaded as sheets.
 */
@RoutingTest
class SheetsRoutingTest {

    private static final String XLSX = EventSheets.XLSX_MEDIA_TYPE;
    private static Backend backend;
    private final DirectClient client;

    SheetsRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws Exception {
        Path dir = TestService.dataDir("b2g-sheets-test");
        backend = TestService.backend(dir, Map.of("b2g.max-body-bytes", "200000", "b2g.max-participants", "10"));
        Api.register(routing, backend);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static Event sample(String id) {
        return EventJson.read(TestService.sampleEvent(id), "sample");
    }

    private static byte[] workbook(Event event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventWorkbook.write(event, out);
        return out.toByteArray();
    }

    private HttpClientResponse upload(String method, String path, String contentType, byte[] body) {
        var request = method.equals("PUT") ? client.put(path) : client.post(path);
        return request.header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER))
                .header(HeaderNames.CONTENT_TYPE, contentType).submit(body);
    }

    /** @param path with its query, if any, as a browser sends it ({@code ?separator=%3B}) */
    private HttpClientResponse get(String path, String accept) {
        var request = client.get().uri(URI.create(path))
                .header(HeaderNames.AUTHORIZATION, TestService.bearer(TestService.ORGANIZER));
        if (accept != null) {
            request.header(HeaderNames.ACCEPT, accept);
        }
        return request.request();
    }

    private static JsonObject json(HttpClientResponse response) {
        return Json.createReader(new StringReader(response.as(String.class))).readObject();
    }

    private static JsonObject problem(HttpClientResponse response, Status status) {
        try (response) {
            assertEquals(status, response.status());
            assertEquals("application/problem+json", response.headers().contentType().orElseThrow().text());
            return json(response);
        }
    }

    private void postJson(String body) {
        try (HttpClientResponse created = upload("POST", "/api/events", "application/json",
                body.getBytes(StandardCharsets.UTF_8))) {
            assertEquals(Status.CREATED_201, created.status());
        }
    }

    @Test
    void createsAnEventFromAWorkbookAsTheEventItsJsonMakes() throws IOException {
        Event sample = sample("from-xlsx");
        try (HttpClientResponse created = upload("POST", "/api/events", XLSX, workbook(sample))) {
            assertEquals(Status.CREATED_201, created.status());
            assertEquals("/api/events/from-xlsx", created.headers().first(HeaderNames.LOCATION).orElseThrow());
        }
        Event stored;
        try (HttpClientResponse read = get("/api/events/from-xlsx", null)) {
            assertEquals(Status.OK_200, read.status());
            stored = EventJson.read(read.as(String.class), "stored");
        }
        assertEquals(sample.participants().stream().map(Participant::id).toList(),
                stored.participants().stream().map(Participant::id).toList());
        assertEquals(sample.participants().stream().map(Participant::name).toList(),
                stored.participants().stream().map(Participant::name).toList());
        assertEquals(sample.slotCount(), stored.slotCount());
        assertEquals(sample.tables().size(), stored.tables().size());
        assertEquals(sample.requests().size(), stored.requests().size());
        assertEquals(sample.meetings().size(), stored.meetings().size());
    }

    @Test
    void replacesAnEventFromAWorkbookWithTheSameChecksAsJson() throws IOException {
        postJson(TestService.sampleEvent("put-xlsx"));
        try (HttpClientResponse replaced = upload("PUT", "/api/events/put-xlsx", XLSX,
                workbook(sample("put-xlsx")))) {
            assertEquals(Status.OK_200, replaced.status());
            assertEquals(2, json(replaced).getInt("version"));
        }
        JsonObject differs = problem(upload("PUT", "/api/events/put-xlsx", XLSX, workbook(sample("another"))),
                Status.BAD_REQUEST_400);
        assertThat(differs.getString("detail"), containsString("event.id (another) differs"));
    }

    @Test
    void appliesTheServicesLimitsToAWorkbookAsToJson() throws IOException {
        Event larger = EventJson.read(org.b2g.datasets.Samples.json(org.b2g.datasets.Samples.HCMC_DX_DAY), "hcmc");
        assertThat(larger.participants().size(), greaterThanOrEqualTo(11));
        JsonObject problem = problem(upload("POST", "/api/events", XLSX, workbook(larger)),
                Status.REQUEST_ENTITY_TOO_LARGE_413);
        assertThat(problem.getString("detail"), containsString("this service accepts at most 10"));
        assertEquals(Status.NOT_FOUND_404, get("/api/events/" + larger.id(), null).status());
    }

    /** The sample's workbook with a column the import does not know ("Ghi chú") and a hidden sheet of notes. */
    private static byte[] withNotes(String id) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook(sample(id))))) {
            Row headers = book.getSheet("participants").getRow(0);
            headers.createCell(headers.getLastCellNum()).setCellValue("Ghi chú");
            book.createSheet("Notes").createRow(0).createCell(0).setCellValue("call a-dost first");
            book.setSheetHidden(book.getSheetIndex("Notes"), true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void answersAWorkbooksImportWarningsAsTheCommandLinePrintsThem() throws IOException {
        byte[] workbook = withNotes("noted");
        List<String> expected = EventSheets.readXlsx(workbook, "uploaded workbook").warnings();
        assertEquals(2, expected.size(), expected.toString());
        assertThat(expected.get(0), containsString("ignored the hidden sheet Notes"));
        assertThat(expected.get(1), containsString("ignored the unknown column \"Ghi chú\""));
        try (HttpClientResponse created = upload("POST", "/api/events", XLSX, workbook)) {
            assertEquals(Status.CREATED_201, created.status());
            assertEquals(expected, json(created).getJsonArray("warnings").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList());
        }
        try (HttpClientResponse replaced = upload("PUT", "/api/events/noted", XLSX, workbook)) {
            assertEquals(Status.OK_200, replaced.status());
            assertEquals(expected, json(replaced).getJsonArray("warnings").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList());
        }
    }

    /** The sample's workbook with the role of its first {@code count} participants spelled "stratup". */
    private static byte[] withBadRoles(String id, int count) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook(sample(id))))) {
            Sheet participants = book.getSheet("participants");
            Row headers = participants.getRow(0);
            int role = -1;
            for (Cell cell : headers) {
                if (cell.getStringCellValue().equals("role")) {
                    role = cell.getColumnIndex();
                }
            }
            assertTrue(role >= 0, "the participants sheet has a role column");
            for (int r = 1; r <= count; r++) {
                // A new cell: POI would keep the inline string the writer made beside a value set on the old one.
                Row row = participants.getRow(r);
                row.removeCell(row.getCell(role));
                row.createCell(role).setCellValue("stratup");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void refusesABadWorkbookWithEveryProblemListedAndStoresNothing() throws IOException {
        JsonObject problem = problem(upload("POST", "/api/events", XLSX, withBadRoles("bad-roles", 3)),
                Status.BAD_REQUEST_400);
        assertThat(problem.getString("detail"), containsString("3 errors"));
        List<String> errors = problem.getJsonArray("errors").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertEquals(3, errors.size(), errors.toString());
        assertThat(errors, everyItem(containsString("\"stratup\" is not a role")));
        assertThat(errors.get(0), containsString("participants row 2"));
        assertEquals(Status.NOT_FOUND_404, get("/api/events/bad-roles", null).status());
    }

    @Test
    void refusesATruncatedWorkbookInOneLine() throws IOException {
        byte[] whole = workbook(sample("cut"));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        JsonObject problem = problem(upload("POST", "/api/events", XLSX, half), Status.BAD_REQUEST_400);
        assertThat(problem.getString("detail"), containsString("uploaded workbook"));
        assertThat(problem.getJsonArray("errors").size(), is(1));
    }

    @Test
    void refusesASingleCsvAndSaysWhatToSendInstead() {
        JsonObject problem = problem(upload("POST", "/api/events", "text/csv",
                "id,role,name\ns-1,startup,One\n".getBytes(StandardCharsets.UTF_8)), Status.UNSUPPORTED_MEDIA_TYPE_415);
        assertThat(problem.getString("detail"), containsString(".xlsx workbook"));
    }

    private void solved(String id) throws InterruptedException {
        postJson(TestService.sampleEvent(id));
        backend.solving().start(id, SolveOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1)));
        JobStatus status = backend.solving().await(id, Duration.ofSeconds(60));
        assertEquals(JobStatus.State.DONE, status.state(), status::toString);
    }

    private static List<CSVRecord> csv(HttpClientResponse response) throws IOException {
        byte[] bytes = response.as(byte[].class);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat("a byte-order mark, for Excel", text, startsWith("\uFEFF"));
        return CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void servesTheScheduleAsAWorkbookOrCsvByAcceptAndJsonOtherwise() throws Exception {
        solved("sheets-out");
        int meetings;
        try (HttpClientResponse plain = get("/api/events/sheets-out/schedule", null)) {
            assertEquals(Status.OK_200, plain.status());
            meetings = json(plain).getJsonArray("meetings").size();
        }
        assertThat(meetings, greaterThanOrEqualTo(1));
        try (HttpClientResponse any = get("/api/events/sheets-out/schedule", "*/*")) {
            assertThat(any.headers().contentType().orElseThrow().text(), containsString("json"));
        }
        try (HttpClientResponse xlsx = get("/api/events/sheets-out/schedule", XLSX)) {
            assertEquals(Status.OK_200, xlsx.status());
            assertEquals(XLSX, xlsx.headers().contentType().orElseThrow().text());
            assertThat(xlsx.headers().first(HeaderNames.CONTENT_DISPOSITION).orElseThrow(),
                    containsString("filename=\"sheets-out-schedule.xlsx\""));
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.as(byte[].class)))) {
                List<String> names = new ArrayList<>();
                book.forEach(sheet -> names.add(sheet.getSheetName()));
                assertEquals(List.of("meetings", "agendas", "grid", "unscheduled"), names);
                assertEquals(meetings, book.getSheet("meetings").getLastRowNum());
            }
        }
        try (HttpClientResponse csv = get("/api/events/sheets-out/schedule", "text/csv")) {
            assertEquals(Status.OK_200, csv.status());
            assertThat(csv.headers().contentType().orElseThrow().text(), startsWith("text/csv"));
            assertThat(csv.headers().first(HeaderNames.CONTENT_DISPOSITION).orElseThrow(),
                    containsString("filename=\"sheets-out-schedule.csv\""));
            List<CSVRecord> rows = csv(csv);
            assertEquals(meetings, rows.size());
            assertTrue(rows.get(0).isMapped("slot") && rows.get(0).isMapped("counterpart name"));
        }
    }

    @Test
    void refusesAStaleScheduleThatNoLongerFitsTheEventWith409() throws Exception {
        solved("shrunk");
        String gone;
        try (HttpClientResponse plain = get("/api/events/shrunk/schedule", null)) {
            gone = json(plain).getJsonArray("meetings").getJsonObject(0).getJsonArray("participants").getString(0);
        }
        JsonObject event = Json.createReader(new StringReader(TestService.sampleEvent("shrunk"))).readObject();
        var builder = Json.createObjectBuilder(event);
        for (String list : new String[] {"participants", "requests", "meetings", "exclusions"}) {
            var kept = Json.createArrayBuilder();
            event.getJsonArray(list).stream().filter(item -> !item.toString().contains("\"" + gone + "\""))
                    .forEach(kept::add);
            builder.add(list, kept);
        }
        try (HttpClientResponse replaced = upload("PUT", "/api/events/shrunk", "application/json",
                builder.build().toString().getBytes(StandardCharsets.UTF_8))) {
            assertEquals(Status.OK_200, replaced.status());
        }
        JsonObject problem = problem(get("/api/events/shrunk/schedule", XLSX), Status.CONFLICT_409);
        assertThat(problem.getString("detail"), containsString("solve again"));
    }

    @Test
    void servesTheParticipantsWithTheirLinksAsASheetForAMailMerge() throws IOException {
        JsonObject event = Json.createReader(new StringReader(TestService.sampleEvent("merge"))).readObject();
        var participants = Json.createArrayBuilder();
        JsonObject first = event.getJsonArray("participants").getJsonObject(0);
        participants.add(Json.createObjectBuilder(first).add("email", "desk@example.org"));
        JsonObject second = event.getJsonArray("participants").getJsonObject(1);
        participants.add(Json.createObjectBuilder(second).add("name", "=HYPERLINK(\"http://x.example\",\"Sở Y tế\")"));
        event.getJsonArray("participants").stream().skip(2).forEach(participants::add);
        postJson(Json.createObjectBuilder(event).add("participants", participants).build().toString());

        List<JsonObject> listed;
        try (HttpClientResponse plain = get("/api/events/merge/participants", null)) {
            listed = json(plain).getJsonArray("participants").getValuesAs(JsonObject.class);
        }
        try (HttpClientResponse xlsx = get("/api/events/merge/participants", XLSX)) {
            assertEquals(Status.OK_200, xlsx.status());
            assertThat(xlsx.headers().first(HeaderNames.CONTENT_DISPOSITION).orElseThrow(),
                    containsString("filename=\"merge-participants.xlsx\""));
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.as(byte[].class)))) {
                Sheet sheet = book.getSheet("participants");
                DataFormatter text = new DataFormatter();
                List<String> headers = new ArrayList<>();
                sheet.getRow(0).forEach(cell -> headers.add(text.formatCellValue(cell)));
                assertEquals(List.of("id", "name", "role", "email", "link", "calendar"), headers);
                assertEquals(listed.size(), sheet.getLastRowNum());
                Row row = sheet.getRow(1);
                assertEquals(first.getString("id"), text.formatCellValue(row.getCell(0)));
                assertEquals("desk@example.org", text.formatCellValue(row.getCell(3)));
                assertEquals(listed.get(0).getString("link"), text.formatCellValue(row.getCell(4)));
                assertThat(text.formatCellValue(row.getCell(5)), containsString("format=ics&token="));
            }
        }
        try (HttpClientResponse csv = get("/api/events/merge/participants", "text/csv")) {
            List<CSVRecord> rows = csv(csv);
            assertEquals(listed.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(listed.get(i).getString("id"), rows.get(i).get("id"));
                assertEquals(listed.get(i).getString("link"), rows.get(i).get("link"));
            }
            assertEquals("", rows.get(1).get("email"));
            assertEquals("'" + listed.get(1).getString("name"), rows.get(1).get("name"),
                    "a name Excel would run as a formula is plain text in the CSV");
        }
    }

    @Test
    void leavesTheEmailColumnOutWhenTheEventHasNoEmails() throws IOException {
        postJson(TestService.sampleEvent("no-mail"));
        try (HttpClientResponse csv = get("/api/events/no-mail/participants", "text/csv")) {
            assertEquals(List.of("id", "name", "role", "link", "calendar"), csv(csv).get(0).getParser()
                    .getHeaderNames());
        }
    }

    /** The body of a 200 answer to a CSV download, as text. */
    private String csvText(String path) {
        try (HttpClientResponse response = get(path, "text/csv")) {
            assertEquals(Status.OK_200, response.status());
            return new String(response.as(byte[].class), StandardCharsets.UTF_8);
        }
    }

    private static List<List<String>> records(String text, char separator) throws IOException {
        return CSVFormat.EXCEL.builder().setDelimiter(separator).get().parse(new StringReader(text.substring(1)))
                .getRecords().stream().map(CSVRecord::toList).toList();
    }

    @Test
    void servesTheScheduleCsvWithTheSeparatorTheQueryGivesForExcelWithACommaDecimalMark() throws Exception {
        solved("semicolons");
        String comma = csvText("/api/events/semicolons/schedule");
        String semicolon = csvText("/api/events/semicolons/schedule?separator=%3B");
        assertThat(semicolon, startsWith("\uFEFFslot;day;start;end;"));
        List<List<String>> withCommas = records(semicolon, ';');
        assertEquals(records(comma, ','), withCommas.stream().map(record -> record.stream()
                .map(c -> c.matches("\\d+,\\d+") ? c.replace(',', '.') : c).toList()).toList(),
                "the same records, decimals with a comma");
        int relevance = withCommas.get(0).indexOf("relevance");
        assertTrue(withCommas.stream().anyMatch(record -> record.get(relevance).matches("0,\\d+")), "relevance 0,82");
        assertEquals(semicolon, csvText("/api/events/semicolons/schedule?separator=semicolon"));
    }

    @Test
    void servesTheParticipantsCsvWithTheSeparatorTheQueryGives() {
        postJson(TestService.sampleEvent("tabs"));
        assertThat(csvText("/api/events/tabs/participants?separator=tab"),
                startsWith("\uFEFFid\tname\trole\tlink\tcalendar\r\n"));
    }

    @Test
    void refusesAnUnknownSeparatorOrOneForAnAnswerThatIsNoCsvNamingIt() {
        postJson(TestService.sampleEvent("bad-separator"));
        JsonObject unknown = problem(get("/api/events/bad-separator/schedule?separator=%7C", "text/csv"),
                Status.BAD_REQUEST_400);
        assertEquals("separator (|) is not a separator; expected ',', ';' or tab (comma, semicolon, tab).",
                unknown.getString("detail"));
        JsonObject workbook = problem(get("/api/events/bad-separator/participants?separator=%3B", XLSX),
                Status.BAD_REQUEST_400);
        assertEquals("The separator (;) is for CSV, and this answer is a workbook; expected it with Accept: text/csv,"
                + " or no separator.", workbook.getString("detail"));
        JsonObject misspelt = problem(get("/api/events/bad-separator/schedule?seperator=%3B", "text/csv"),
                Status.BAD_REQUEST_400);
        assertEquals("The query parameter seperator is not one this address takes; expected separator.",
                misspelt.getString("detail"));
    }

    @Test
    void namesADownloadSafelyAndExactly() {
        assertEquals("attachment; filename=\"h_i-ngh__2026_a-schedule.xlsx\"; filename*=UTF-8''"
                + "h%E1%BB%99i-ngh%E1%BB%8B%202026%2Fa-schedule.xlsx",
                Downloads.disposition("hội-nghị 2026/a-schedule.xlsx"));
    }
}
