package org.b2g.service.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.b2g.core.io.EventJson;
import org.b2g.core.sheets.EventWorkbook;
import org.b2g.datasets.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The organizer console and a participant's agenda in a real headless Chromium against the real service: what
 * people do, in order (upload, look at matches, solve, read the grid, hand out a link, open it on a phone, add it
 * to a calendar). Skipped when Debian's chromium and chromium-driver are not installed.
 */
@Tag("browser")
@EnabledIf(value = "org.b2g.service.web.Browser#available",
        disabledReason = "Debian's chromium and chromium-driver are not installed.")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final Duration QUICK = Duration.ofSeconds(10);
    private static final Duration SOLVING = Duration.ofSeconds(60);
    /**
     * Where the screenshots go: the module's build folder, so that a test run leaves the working tree as it was;
     * {@code -Db2g.screenshots=../docs/screenshots} refreshes the README's pictures.
     */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("b2g.screenshots", "target/screenshots"));

    private RunningService service;
    private Browser browser;
    private WebDriver page;
    private String eventId;
    private String personalLink;
    private int agendaRows;

    @BeforeAll
    void start(@TempDir Path data) {
        service = RunningService.start(data);
        browser = Browser.start("vi-VN,vi,en");
        page = browser.driver;
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void refusesAWrongOrganizerToken() {
        page.get(service.uri("/").toString());
        signIn("not-the-token");
        WebElement error = visible(By.id("sign-in-error"));
        assertTrue(error.getText().contains("Token refused"), error.getText());
        assertTrue(page.findElement(By.id("events")).getAttribute("hidden") != null, "events stay hidden");
    }

    @Test
    @Order(2)
    void showsTheProblemDetailOfARejectedUpload(@TempDir Path folder) throws IOException {
        page.get(service.uri("/").toString());
        signIn(service.adminToken());
        Path bad = folder.resolve("bad-role.json");
        Files.writeString(bad, """
                {"format": "b2g-event/1",
                 "event": {"id": "bad", "slotMinutes": 20, "sessions": [{"id": "am", "slots": 4}], "tables": 2},
                 "participants": [{"id": "s-1", "role": "pilot"}]}
                """);
        upload(bad);
        WebElement error = visible(By.id("upload-error"));
        assertAll(() -> assertTrue(error.getText().contains("bad-role.json was not accepted"), error.getText()),
                () -> assertTrue(error.getText().contains("pilot"), "the detail names the value: " + error.getText()));
    }

    @Test
    @Order(3)
    void uploadsTheSampleEventAndRanksItsMatches(@TempDir Path folder) {
        upload(SampleEvent.writeTo(folder));
        browser.waiting(QUICK).until(ExpectedConditions.urlMatches("#/events/[^/]+"));
        eventId = URI.create(page.getCurrentUrl()).getFragment().split("/")[2];
        List<WebElement> cards = browser.waiting(QUICK).until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#matches article"), 0));
        WebElement first = cards.get(0).findElement(By.cssSelector("ol li"));
        assertAll(() -> assertEquals(SampleEvent.id(), eventId),
                () -> assertTrue(Pattern.compile("\\d\\.\\d\\d").matcher(first.getText()).find(),
                        "a candidate shows its relevance: " + first.getText()));
    }

    @Test
    @Order(4)
    void solvesWithLiveProgressAndShowsTheGrid() {
        page.findElement(By.id("tab-solve")).click();
        recordProgress();
        WebElement limit = page.findElement(By.id("time-limit"));
        limit.clear();
        limit.sendKeys("5");
        page.findElement(By.id("solve")).click();
        // The console leaves the solve tab for the grid when the job ends: wait for that, then read what it showed.
        browser.waiting(SOLVING).until(ExpectedConditions.urlMatches("/schedule$"));
        List<String> shown = progressShown();
        String finalScore = page.findElement(By.id("p-score")).getAttribute("textContent");
        String storedScore = ((JavascriptExecutor) page).executeScript("""
                return [...document.querySelectorAll('#metrics div')]
                    .filter((d) => d.querySelector('dt').textContent === 'Score')
                    .map((d) => d.querySelector('dd').textContent.replace(/\u200b/g, ''))[0] || null;""").toString();
        assertAll(() -> assertTrue(shown.stream().anyMatch(s -> s.startsWith("SOLVING") && s.contains("hard")),
                        "a score was shown while solving: " + shown),
                () -> assertEquals("DONE", page.findElement(By.id("p-state")).getAttribute("textContent")),
                () -> assertEquals("false", page.findElement(By.id("p-stop")).getDomProperty("hidden")),
                () -> assertTrue(page.findElement(By.id("p-stop")).getAttribute("textContent").startsWith("Stopped: "),
                        "why the solve stopped, beside the finished job"),
                () -> assertEquals(storedScore, finalScore, "the last score shown is the stored schedule's"),
                () -> assertEquals("100", page.findElement(By.id("solve-progress")).getAttribute("value")));
        assertEquals(List.of(), badGridCells(), "every meeting cell names both parties and its origin");
        assertFalse(page.findElements(By.cssSelector("#grid td.meeting")).isEmpty(), "the grid shows meetings");
        ((JavascriptExecutor) page).executeScript(
                "document.getElementById('grid-filter').closest('.card').scrollIntoView({block: 'start'});");
        browser.screenshot(SCREENSHOTS.resolve("console-grid.png"));
    }

    @Test
    @Order(5)
    void filtersTheGridByParticipant() {
        WebElement cell = page.findElement(By.cssSelector("#grid td.meeting"));
        String who = cell.getAttribute("data-participants").split(" ")[0];
        new Select(page.findElement(By.id("grid-filter"))).selectByValue(who);
        List<WebElement> bright = page.findElements(By.cssSelector("#grid td.meeting:not(.dim)"));
        assertFalse(bright.isEmpty());
        for (WebElement mine : bright) {
            assertTrue(List.of(mine.getAttribute("data-participants").split(" ")).contains(who));
        }
        assertTrue(page.findElement(By.id("grid-count")).getText().startsWith(bright.size()
                + (bright.size() == 1 ? " meeting of " : " meetings of ")));
        new Select(page.findElement(By.id("grid-filter"))).selectByValue("");

        // Typed without diacritics and in lower case, a participant's full name still finds it.
        String name = page.findElement(By.cssSelector("#grid-filter option[value='" + who + "']"))
                .getAttribute("textContent").replaceAll(" \\([a-z]+\\)$", "");
        String typed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT);
        page.findElement(By.id("grid-find")).sendKeys(typed);
        assertEquals(who, new Select(page.findElement(By.id("grid-filter"))).getFirstSelectedOption()
                .getAttribute("value"), "typed: " + typed);
        page.findElement(By.id("grid-find")).clear();
        new Select(page.findElement(By.id("grid-filter"))).selectByValue("");
    }

    @Test
    @Order(6)
    void publishesTheDraftRepairsItAndShowsWhatWouldChange() {
        page.findElement(By.id("tab-solve")).click();
        assertTrue(page.findElement(By.id("versions-empty")).isDisplayed(), "nothing published yet");
        page.findElement(By.id("publish")).click();
        browser.waiting(QUICK).until(d -> d.findElement(By.id("versions")).getText().contains("(published)"));
        browser.waiting(QUICK).until(d -> d.findElement(By.id("changes-summary")).getText()
                .startsWith("The draft changes nothing for anybody"));

        WebElement limit = page.findElement(By.id("time-limit"));
        limit.clear();
        limit.sendKeys("2");
        new Select(page.findElement(By.id("repair-mode"))).selectByValue("freeze");
        page.findElement(By.id("repair")).click();
        browser.waiting(SOLVING).until(ExpectedConditions.urlMatches("/schedule$"));
        page.findElement(By.id("tab-solve")).click();
        String summary = browser.waiting(QUICK).until(d -> {
            String text = d.findElement(By.id("changes-summary")).getText();
            return text.isEmpty() ? null : text;
        });
        assertTrue(summary.startsWith("The draft changes nothing for anybody")
                || summary.matches("Publishing the draft keeps \\d+ meetings?, moves 0, cancels 0 and adds \\d+: .*"),
                "freeze moves and cancels nothing: " + summary);
        ((JavascriptExecutor) page).executeScript(
                "document.getElementById('publication').scrollIntoView({block: 'start'});");
        browser.screenshot(SCREENSHOTS.resolve("console-publication.png"));
    }

    @Test
    @Order(7)
    void reUploadingAChangedEventOffersToReplaceItAndRepairMovesLittle(@TempDir Path folder) throws IOException {
        // s-001 now cannot come before 10:30 (slots 1-6): only its own meetings there may move.
        jakarta.json.JsonObject sample = jakarta.json.Json.createReader(
                new java.io.StringReader(java.nio.file.Files.readString(SampleEvent.writeTo(folder)))).readObject();
        jakarta.json.JsonArrayBuilder people = jakarta.json.Json.createArrayBuilder();
        for (jakarta.json.JsonObject p : sample.getJsonArray("participants").getValuesAs(jakarta.json.JsonObject.class)) {
            people.add(p.getString("id").equals("s-001") ? jakarta.json.Json.createObjectBuilder(p)
                    .add("unavailableSlots", jakarta.json.Json.createArrayBuilder().add(1).add(2).add(3).add(4).add(5)
                            .add(6)).build() : p);
        }
        Path changed = java.nio.file.Files.writeString(folder.resolve("changed.json"),
                jakarta.json.Json.createObjectBuilder(sample).add("participants", people).build().toString());
        page.findElement(By.id("back")).click();
        upload(changed);
        WebElement offer = visible(By.id("replace-box"));
        assertTrue(offer.getText().contains("availability changed for s-001"), offer.getText());
        page.findElement(By.id("replace")).click();
        browser.waiting(QUICK).until(ExpectedConditions.urlMatches("/solve$"));
        new Select(page.findElement(By.id("repair-mode"))).selectByValue("minimal");
        browser.waiting(QUICK).until(ExpectedConditions.elementToBeClickable(By.id("repair"))).click();
        browser.waiting(SOLVING).until(ExpectedConditions.urlMatches("/schedule$"));
        page.findElement(By.id("tab-solve")).click();
        String summary = browser.waiting(QUICK).until(d -> {
            String text = d.findElement(By.id("changes-summary")).getText();
            return text.isEmpty() ? null : text;
        });
        java.util.regex.Matcher moved = Pattern.compile("moves (\\d+), cancels (\\d+)").matcher(summary);
        assertTrue(summary.startsWith("The draft changes nothing") || moved.find() && Integer.parseInt(moved.group(1))
                + Integer.parseInt(moved.group(2)) <= 6, "only s-001's meetings before 10:30 change: " + summary);
        page.findElement(By.id("publish")).click();
        browser.waiting(QUICK).until(d -> d.findElement(By.id("versions")).getText().contains("Version 2"));
    }

    @Test
    @Order(8)
    void handsOutACopyablePersonalLink() {
        page.findElement(By.id("tab-participants")).click();
        WebElement row = page.findElements(By.cssSelector("#participants tbody tr")).stream()
                .filter(r -> !r.findElements(By.tagName("td")).get(2).getText().equals("0"))
                .findFirst().orElseThrow();
        agendaRows = Integer.parseInt(row.findElements(By.tagName("td")).get(2).getText());
        row.findElement(By.tagName("button")).click();
        WebElement link = browser.waiting(QUICK).until(
                d -> row.findElements(By.cssSelector("input.personal-link")).stream().findFirst().orElse(null));
        personalLink = link.getAttribute("value");
        assertTrue(personalLink.startsWith(service.uri("/").toString()), personalLink);
        // "Copied" shows for a moment only: record what the row shows rather than poll for it.
        JavascriptExecutor js = (JavascriptExecutor) page;
        js.executeScript("""
                const seen = window.b2gRowTexts = [];
                new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => seen.push(n.textContent))))
                    .observe(arguments[0], { subtree: true, childList: true });""", row);
        row.findElement(By.xpath(".//button[text()='Copy']")).click();
        browser.waiting(QUICK).until(d -> js.executeScript("return window.b2gRowTexts.includes('Copied');"));
    }

    @Test
    @Order(9)
    void participantReadsTheAgendaOnAPhoneInVietnamese() {
        phone(true);
        try {
            page.get(personalLink);
            List<WebElement> rows = browser.waiting(QUICK).until(
                    ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("table.agenda tbody tr"), 0));
            JavascriptExecutor js = (JavascriptExecutor) page;
            assertAll(() -> assertEquals("vi", js.executeScript("return document.documentElement.lang")),
                    () -> assertEquals("Thêm vào lịch", page.findElement(By.id("calendar")).getText()),
                    () -> assertEquals(agendaRows, rows.size(), "as many rows as the console counted"),
                    () -> assertReasonsInVietnamese(page.findElements(By.cssSelector("table.agenda td.why"))),
                    () -> assertTrue(personalLink.contains("participant=a-dic"), personalLink),
                    () -> assertEquals(agendaRows, page.findElements(By.cssSelector("table.agenda td.table .seat"))
                            .stream().filter(seat -> seat.getText().matches("đại diện số [1-3] của bạn")).count(),
                            "a-dic sends three officials: every meeting says which one holds it"),
                    () -> assertEquals(390L, js.executeScript("return window.innerWidth")),
                    () -> assertTrue((Long) js.executeScript("return document.documentElement.scrollWidth") <= 390,
                            "nothing sticks out sideways on a phone"),
                    () -> assertFalse(page.getCurrentUrl().contains("token="), "the token left the address bar"));
            page.navigate().refresh();
            assertEquals(agendaRows, browser.waiting(QUICK).until(ExpectedConditions.numberOfElementsToBeMoreThan(
                    By.cssSelector("table.agenda tbody tr"), 0)).size(), "a reload still shows the agenda");
            browser.screenshot(SCREENSHOTS.resolve("participant-agenda.png"));
        } finally {
            phone(false);
        }
    }

    @Test
    @Order(10)
    void addsTheAgendaToACalendar() throws Exception {
        page.findElement(By.id("calendar")).click();
        Path ics = browser.waiting(QUICK).until(d -> downloaded(".ics"));
        String text = Files.readString(ics, StandardCharsets.UTF_8);
        assertAll(() -> assertTrue(text.startsWith("BEGIN:VCALENDAR"), text),
                () -> assertEquals(agendaRows, Pattern.compile("BEGIN:VEVENT").matcher(text).results().count()));
    }

    @Test
    @Order(11)
    void printsTheAgendaOnOnePage() {
        String pdf = new String(Base64.getDecoder().decode(((PrintsPage) page).print(new PrintOptions()).getContent()),
                StandardCharsets.ISO_8859_1);
        assertEquals(1, Pattern.compile("/Type\\s*/Page\\b").matcher(pdf).results().count());
    }

    @Test
    @Order(12)
    void switchesTheAgendaToEnglish() {
        page.findElement(By.id("language")).click();
        assertAll(() -> assertEquals("Add to calendar", page.findElement(By.id("calendar")).getText()),
                () -> assertEquals("Tiếng Việt", page.findElement(By.id("language")).getText()));
        page.findElement(By.id("language")).click();
    }

    @Test
    @Order(13)
    void refusesAnAgendaLinkWithSomeoneElsesToken() {
        page.get(personalLink.replaceAll("token=[^&]+", "token=forged"));
        WebElement failure = visible(By.id("failure"));
        assertTrue(failure.getText().startsWith("Đường dẫn này không (còn) hợp lệ"), failure.getText());
        assertTrue(page.findElements(By.cssSelector("table.agenda")).isEmpty());
    }

    /**
     * What the participant saw last time lives in the browser. Here the last visit is made to look like an earlier
     * version (one meeting at a lower calendar sequence, one not yet there): the page marks them, in Vietnamese.
     */
    @Test
    @Order(14)
    void marksWhatChangedSinceTheLastVisit() {
        page.get(personalLink);
        List<WebElement> rows = browser.waiting(QUICK).until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("table.agenda tbody tr"), 0));
        assertTrue(page.findElements(By.cssSelector(".badge.news")).isEmpty(), "nothing is news on a first visit");
        assertTrue(rows.size() >= 2, "the agenda has two meetings to play with");
        JavascriptExecutor js = (JavascriptExecutor) page;
        js.executeScript("""
                const key = Object.keys(localStorage).find((k) => k.startsWith('b2g.seen:'));
                const seen = JSON.parse(localStorage.getItem(key));
                const uids = Object.keys(seen.current);
                seen.publishedAt = 'an earlier version';
                seen.current[uids[0]].sequence -= 1;
                delete seen.current[uids[1]];
                localStorage.setItem(key, JSON.stringify(seen));""");
        page.navigate().refresh();
        for (int reload = 0; reload < 2; reload++) {
            browser.waiting(QUICK).until(ExpectedConditions.numberOfElementsToBeMoreThan(
                    By.cssSelector("table.agenda tbody tr"), 0));
            List<String> badges = page.findElements(By.cssSelector("table.agenda .badge.news")).stream()
                    .map(WebElement::getText).sorted().toList();
            assertEquals(List.of("mới", "đã thay đổi"), badges, "reload " + reload);
            assertEquals("Từ lần bạn xem trước: 1 cuộc gặp mới, 1 cuộc gặp thay đổi.",
                    page.findElement(By.id("news")).getText());
            if (reload == 0) {
                page.navigate().refresh();
            }
        }
        page.findElement(By.id("language")).click();
        assertEquals("Since your last visit: 1 new, 1 changed.", page.findElement(By.id("news")).getText());
        page.findElement(By.id("language")).click();
    }

    /**
     * Self-service from end to end: the organizer turns it on in the console, a participant asks a counterpart
     * for a meeting at a time both are free, the counterpart accepts from its own page, the meeting is in its
     * agenda (marked new), and the console lists the request as accepted.
     */
    @Test
    @Order(15)
    void participantsAskForAndAcceptAMeetingThemselves() {
        page.get(service.uri("/") + "#/events/" + eventId + "/participants");
        WebElement on = visible(By.id("self-service-on"));
        assertFalse(on.isSelected(), "off until the organizer turns it on");
        on.click();
        browser.waiting(QUICK).until(d -> api("GET", "/self-service").contains("\"enabled\":true"));

        // A week later, three startups ask to meet every agency they had not asked for: late requests, which
        // the published schedule does not hold yet.
        jakarta.json.JsonObject doc = json(api("GET", ""));
        var requests = jakarta.json.Json.createArrayBuilder(doc.getJsonArray("requests"));
        var startups = doc.getJsonArray("participants").stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("role").equals("startup")).limit(3).toList();
        for (var startup : startups) {
            for (var agency : doc.getJsonArray("participants").stream().map(v -> v.asJsonObject())
                    .filter(p -> p.getString("role").equals("agency")).toList()) {
                boolean asked = doc.getJsonArray("requests").stream().map(v -> v.asJsonObject())
                        .anyMatch(r -> r.getString("from").equals(startup.getString("id"))
                                && r.getString("to").equals(agency.getString("id")));
                if (!asked) {
                    requests.add(jakarta.json.Json.createObjectBuilder().add("from", startup.getString("id"))
                            .add("to", agency.getString("id")));
                }
            }
        }
        api("PUT", "", jakarta.json.Json.createObjectBuilder(doc).add("requests", requests).build().toString());
        String asker = null;
        for (var p : startups) {
            String id = p.getString("id");
            if (json(api("GET", "/participants/" + id + "/counterparts")).getJsonArray("counterparts").stream()
                    .anyMatch(c -> !c.asJsonObject().getJsonArray("openings").isEmpty())) {
                asker = id;
                break;
            }
        }
        assertTrue(asker != null, "somebody has a counterpart to ask");
        page.get(json(api("GET", "/participants/" + asker + "/token")).getString("link"));
        WebElement slot = browser.waiting(QUICK).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#counterpart-list li .slots button")));
        WebElement card = slot.findElement(By.xpath("ancestor::li"));
        String counterpart = card.getAttribute("data-counterpart");
        String name = card.findElement(By.className("counterpart")).getText();
        slot.click();
        WebElement asked = browser.waiting(QUICK).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#request-list li[data-state='PENDING']")));
        assertTrue(asked.getText().startsWith("Bạn đề nghị gặp " + name + " lúc "), asked.getText());

        String counterpartLink = json(api("GET", "/participants/" + counterpart + "/token")).getString("link");
        page.get(counterpartLink);
        browser.waiting(QUICK).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#request-list li[data-state='PENDING'] button[data-action='accept']"))).click();
        browser.waiting(QUICK).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#request-list li[data-state='ACCEPTED']")));
        WebElement added = browser.waiting(QUICK).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("table.agenda tr[data-news='new']")));
        assertTrue(added.getText().contains("mới"), added.getText());
        ((JavascriptExecutor) page).executeScript(
                "document.getElementById('self-service').scrollIntoView({block: 'start'});");
        browser.screenshot(SCREENSHOTS.resolve("participant-self-service.png"));

        page.get(service.uri("/") + "#/events/" + eventId + "/participants");
        WebElement row = browser.waiting(QUICK).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#requests tbody tr")));
        assertTrue(row.getText().contains("accepted"), row.getText());

        // Either side cancels: the meeting leaves the published schedule, and the page says it was cancelled.
        page.get(counterpartLink);
        browser.waiting(QUICK).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#request-list li[data-state='ACCEPTED'] button[data-action='cancel']"))).click();
        WebElement cancelled = browser.waiting(QUICK).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#cancelled-list li[data-news='cancelled']")));
        assertTrue(cancelled.getText().startsWith("đã huỷ"), cancelled.getText());
        assertTrue(page.findElements(By.cssSelector("table.agenda tr[data-news='new']")).isEmpty(),
                "the meeting is no longer in the agenda");
    }

    private static jakarta.json.JsonObject json(String text) {
        return jakarta.json.Json.createReader(new java.io.StringReader(text)).readObject();
    }

    /** An organizer call to the event's API (path under the event), as text; fails on anything but 2xx. */
    private String api(String method, String path) {
        return api(method, path, null);
    }

    private String api(String method, String path, String body) {
        java.net.http.HttpResponse<String> response;
        try {
            response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(service.uri("/api/events/" + eventId + path))
                    .header("Authorization", "Bearer " + service.adminToken())
                    .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertTrue(response.statusCode() / 100 == 2, response.body());
        return response.body();
    }

    @Test
    @Order(17)
    void downloadsTheScheduleAndTheParticipantsWithLinksAsWorkbooks() throws Exception {
        page.get(service.uri("/").toString() + "#/events/" + eventId + "/schedule");
        visible(By.id("schedule-xlsx")).click();
        Path schedule = browser.waiting(QUICK).until(d -> downloaded(eventId + "-schedule.xlsx"));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(schedule))) {
            assertEquals(List.of("meetings", "agendas", "grid", "unscheduled"),
                    List.of(0, 1, 2, 3).stream().map(book::getSheetName).toList());
            assertTrue(book.getSheet("meetings").getLastRowNum() > 0, "the meetings sheet has meetings");
        }
        page.findElement(By.id("tab-participants")).click();
        int people = browser.waiting(QUICK).until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#participants tbody tr"), 0)).size();
        visible(By.id("participants-xlsx")).click();
        Path participants = browser.waiting(QUICK).until(d -> downloaded(eventId + "-participants.xlsx"));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(participants))) {
            var sheet = book.getSheet("participants");
            assertEquals(people, sheet.getLastRowNum());
            assertTrue(sheet.getRow(1).getCell(3).getStringCellValue().contains("token="),
                    "the fourth column is the personal link");
        }
    }

    @Test
    @Order(18)
    void listsEveryProblemOfARefusedWorkbook(@TempDir Path folder) throws Exception {
        page.get(service.uri("/").toString());
        visible(By.id("event-file"));
        ByteArrayOutputStream made = new ByteArrayOutputStream();
        EventWorkbook.write(EventJson.read(Samples.json(Samples.HCMC_DX_DAY), "sample"), made);
        Path bad = folder.resolve("registrations.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(made.toByteArray()))) {
            var sheet = book.getSheet("participants");
            for (int r = 1; r <= 2; r++) {
                // A new cell: POI would keep the inline string the writer made beside a value set on the old one.
                sheet.getRow(r).removeCell(sheet.getRow(r).getCell(1));
                sheet.getRow(r).createCell(1).setCellValue("stratup");
            }
            try (var out = Files.newOutputStream(bad)) {
                book.write(out);
            }
        }
        upload(bad);
        WebElement error = visible(By.id("upload-error"));
        String text = error.getText();
        assertAll(() -> assertTrue(text.contains("registrations.xlsx was not accepted"), text),
                () -> assertTrue(text.contains("participants row 2") && text.contains("participants row 3"),
                        "both rows are listed: " + text));
    }

    /** On the day: a meeting marked held, and a participant marked absent whose meetings are then cancelled. */
    @Test
    @Order(16)
    void marksTheDayHeldAndAnAbsenceThatFreesSlots() {
        page.navigate().to(service.uri("/#/events/" + eventId + "/schedule").toString());
        WebElement card = visible(By.id("day-card"));
        // The card may still show from an earlier page while the day's meetings load: wait for them.
        browser.waiting(QUICK).until(d -> !d.findElements(By.cssSelector("#mark-meeting option")).isEmpty());
        new Select(page.findElement(By.id("mark-meeting"))).selectByIndex(0);
        page.findElement(By.id("mark-held")).click();
        // Held counts are the second column of the per-table rows; the list re-renders, so read it in the page.
        browser.waiting(QUICK).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#day-tables tbody tr')].some((r) => r.cells[1].textContent === '1')"
                        + " && [...document.querySelectorAll('#mark-meeting option')].some((o) => o.textContent.endsWith('· held'));")));
        String absent = new Select(page.findElement(By.id("absent-who"))).getOptions().get(0).getAttribute("value");
        page.findElement(By.id("absent")).click();
        String summary = browser.waiting(QUICK).until(d -> {
            String text = d.findElement(By.id("absence-summary")).getText();
            return text.isEmpty() ? null : text;
        });
        assertTrue(summary.matches(".* is absent: \\d+ meetings? cancelled in published version \\d+\\..*"), summary);
        assertTrue(new Select(page.findElement(By.id("absent-who"))).getOptions().stream()
                .noneMatch(o -> o.getAttribute("value").equals(absent)), "no longer offered as absent");
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'start'});", card);
        browser.screenshot(SCREENSHOTS.resolve("console-day.png"));

        // Marked by mistake: taken back, its meetings come back and it can be marked absent again.
        browser.waiting(QUICK).until(d -> d.findElement(By.id("present-form")).isDisplayed());
        assertEquals(absent, new Select(page.findElement(By.id("present-who"))).getFirstSelectedOption()
                .getAttribute("value"));
        page.findElement(By.id("present")).click();
        String back = browser.waiting(QUICK).until(d -> {
            String text = d.findElement(By.id("absence-summary")).getText();
            return text.contains("no longer absent") ? text : null;
        });
        assertTrue(back.matches(".* is no longer absent: \\d+ meetings? restored in published version \\d+.*"), back);
        browser.waiting(QUICK).until(d -> new Select(d.findElement(By.id("absent-who"))).getOptions().stream()
                .anyMatch(o -> o.getAttribute("value").equals(absent)));
    }

    /** The reasons of the agenda are worded in Vietnamese: none of the English sentences' words shows. */
    private static void assertReasonsInVietnamese(List<WebElement> why) {
        List<String> texts = why.stream().map(WebElement::getText).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains("đáp ứng nhu cầu") || t.contains("cùng gắn thẻ")
                || t.contains("đề nghị gặp")), "Vietnamese reasons: " + texts);
        for (String english : List.of("both tagged", "both asked", "requested by", "offering", "answers need",
                "matches need", "backup", "free capacity", "booked up")) {
            assertTrue(texts.stream().noneMatch(t -> t.contains(english)), "'" + english + "' in " + texts);
        }
    }

    // ---- steps ----

    /**
     * Records, in the page, every state and score the progress panel shows from now on. The panel is visible only
     * while the solve tab is, and a small solve ends in well under a second: polling the visible text would race
     * the console's move to the grid.
     */
    private void recordProgress() {
        ((JavascriptExecutor) page).executeScript("""
                const seen = window.b2gProgressShown = [];
                const now = { state: '', score: '' };
                new MutationObserver((records) => {
                  for (const r of records) {
                    const text = [...r.addedNodes].map((n) => n.textContent).join('');
                    if (r.target.id === 'p-state') now.state = text;
                    else if (r.target.id === 'p-score') now.score = text;
                    else continue;
                    seen.push(now.state + ' ' + now.score);
                  }
                }).observe(document.getElementById('progress-box'), { subtree: true, childList: true });""");
    }

    @SuppressWarnings("unchecked")
    private List<String> progressShown() {
        return (List<String>) ((JavascriptExecutor) page).executeScript("return window.b2gProgressShown;");
    }

    /** The grid's meeting cells that lack a party or an origin colour, described; one round trip for all cells. */
    @SuppressWarnings("unchecked")
    private List<String> badGridCells() {
        return (List<String>) ((JavascriptExecutor) page).executeScript("""
                return [...document.querySelectorAll('#grid td.meeting')]
                    .filter((td) => !td.querySelector('.a')?.textContent.trim() || !td.querySelector('.b')?.textContent.trim()
                        || !/\\borigin-(required|must|mutual|request|recommended)\\b/.test(td.className))
                    .map((td) => td.className + ': ' + td.textContent);""");
    }

    private void signIn(String token) {
        WebElement field = visible(By.id("token"));
        field.clear();
        field.sendKeys(token);
        page.findElement(By.cssSelector("#sign-in-form button")).click();
        if (token.equals(service.adminToken())) {
            visible(By.id("event-file"));
        }
    }

    private void upload(Path file) {
        page.findElement(By.id("event-file")).sendKeys(file.toAbsolutePath().toString());
        page.findElement(By.id("upload")).click();
    }

    private WebElement visible(By locator) {
        return browser.waiting(QUICK).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Emulates a 390×844 phone screen (or stops emulating). */
    private void phone(boolean on) {
        HasCdp cdp = (HasCdp) page;
        if (on) {
            cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        } else {
            cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * The downloaded file, once complete: Chromium creates it empty under its final name and writes a
     * {@code .crdownload} beside it, renamed over it at the end.
     */
    private Path downloaded(String suffix) {
        try (var files = Files.list(browser.downloads)) {
            List<Path> all = files.toList();
            if (all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"))) {
                return null;
            }
            Path found = all.stream().filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElse(null);
            return found == null || Files.size(found) == 0 ? null : found;
        } catch (IOException e) {
            return null;
        }
    }
}
