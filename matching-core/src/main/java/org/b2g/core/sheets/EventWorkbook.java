package org.b2g.core.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Need;
import org.b2g.core.domain.Offering;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Request;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Table;

/**
 * Writes an event in the spreadsheet layout that {@link EventSheets} reads, so an event made elsewhere (JSON, the
 * generator) can be handed to organizers to edit, and the template shows the layout by example. Importing what this
 * writes gives the same event.
 */
public final class EventWorkbook {

    private static final List<String> ROLES = List.of("startup", "agency", "company");
    private static final List<String> REQUEST_PRIORITIES = List.of("must", "high", "normal");
    private static final List<String> NEED_PRIORITIES = List.of("1", "2", "3");

    private EventWorkbook() {
    }

    public static void write(Event event, OutputStream out) throws IOException {
        write(event, Map.of(), out);
    }

    /** As {@link #write(Event, OutputStream)}, with the participants' emails by id (the event does not hold them). */
    public static void write(Event event, Map<String, String> emails, OutputStream out) throws IOException {
        Workbooks.writeXlsx(sheets(event, emails), out);
    }

    /** The event as a folder of CSV files, one per sheet. */
    public static void writeCsv(Event event, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (SheetData sheet : sheets(event, Map.of())) {
            try (Writer out = Files.newBufferedWriter(folder.resolve(sheet.name() + ".csv"), StandardCharsets.UTF_8)) {
                Workbooks.writeCsv(sheet, out);
            }
        }
    }

    /** An empty workbook with every sheet, its headers, one example row each and drop-downs for roles and priorities. */
    public static void template(OutputStream out) throws IOException {
        Workbooks.writeXlsx(templateSheets(), out);
    }

    static List<SheetData> sheets(Event event, Map<String, String> emails) {
        List<SheetData> sheets = new ArrayList<>();
        sheets.add(eventSheet(event));
        sheets.add(sessions(event));
        boolean named = event.tables().stream().anyMatch(t -> t.name() != null && !t.name().isEmpty());
        if (named) {
            List<List<Object>> rows = new ArrayList<>();
            for (Table table : event.tables()) {
                rows.add(row(table.id(), table.name()));
            }
            sheets.add(new SheetData("tables", EventImport.TABLES, rows));
        }
        sheets.add(participants(event, emails));
        List<List<Object>> offerings = new ArrayList<>();
        List<List<Object>> needs = new ArrayList<>();
        for (Participant p : event.participants()) {
            for (Offering o : p.offerings()) {
                offerings.add(row(p.id(), o.id(), o.title(), blank(o.description()), tags(o.tags())));
            }
            for (Need n : p.needs()) {
                needs.add(row(p.id(), n.id(), n.title(), blank(n.description()), tags(n.tags()), n.priority()));
            }
        }
        sheets.add(new SheetData("offerings", EventImport.OFFERINGS, offerings));
        sheets.add(new SheetData("needs", EventImport.NEEDS, needs));
        List<List<Object>> requests = new ArrayList<>();
        for (Request r : event.requests()) {
            requests.add(row(r.from(), r.to(), r.priority().code()));
        }
        sheets.add(new SheetData("requests", EventImport.REQUESTS, requests));
        List<List<Object>> exclusions = new ArrayList<>();
        for (Exclusion x : event.exclusions()) {
            exclusions.add(row(x.first(), x.second(), blank(x.reason())));
        }
        sheets.add(new SheetData("exclusions", EventImport.EXCLUSIONS, exclusions));
        List<List<Object>> meetings = new ArrayList<>();
        for (RequiredMeeting m : event.meetings()) {
            meetings.add(row(m.id(), m.first(), m.second(), m.session(), m.fixedSlot() == 0 ? null : m.fixedSlot(),
                    m.fixedTable(), m.after().isEmpty() ? null : String.join("; ", m.after())));
        }
        sheets.add(new SheetData("meetings", EventImport.MEETINGS, meetings));
        return sheets;
    }

    private static SheetData eventSheet(Event event) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("id", event.id()));
        rows.add(row("name", event.name()));
        if (event.timeZone() != null) {
            rows.add(row("timeZone", event.timeZone().getId()));
        }
        if (event.slotMinutes() > 0) {
            rows.add(row("slotMinutes", event.slotMinutes()));
        }
        boolean named = event.tables().stream().anyMatch(t -> t.name() != null && !t.name().isEmpty());
        if (!named) {
            boolean numbered = true;
            for (int t = 0; t < event.tables().size(); t++) {
                numbered &= event.tables().get(t).id().equals(String.valueOf(t + 1));
            }
            rows.add(row("tables", numbered ? (Object) event.tables().size()
                    : String.join("; ", event.tables().stream().map(Table::id).toList())));
        }
        Rules rules = event.rules();
        if (rules.capsBreaks()) {
            rows.add(row("maxBreaksPerParticipant", rules.maxBreaksPerParticipant()));
        }
        rows.add(row("recommendationsPerParticipant", rules.recommendationsPerParticipant()));
        rows.add(row("minRelevance", rules.minRelevance()));
        return new SheetData("event", List.of("key", "value"), rows);
    }

    private static SheetData sessions(Event event) {
        List<List<Object>> rows = new ArrayList<>();
        for (Session s : event.sessions()) {
            Object end = null; // past midnight: the number of slots instead
            if (s.start() != null) {
                long minutes = s.start().toSecondOfDay() / 60 + (long) s.slotCount() * event.slotMinutes();
                end = minutes < 24 * 60 ? LocalTime.ofSecondOfDay(minutes * 60)
                        : minutes == 24 * 60 ? Values.END_OF_DAY_TEXT : null;
            }
            rows.add(row(s.id(), s.date(), s.start(), end, end == null ? s.slotCount() : null));
        }
        return new SheetData("sessions", EventImport.SESSIONS, rows);
    }

    private static SheetData participants(Event event, Map<String, String> emails) {
        List<List<Object>> rows = new ArrayList<>();
        for (Participant p : event.participants()) {
            rows.add(row(p.id(), p.role().code(), p.name(), emails.get(p.id()),
                    p.representatives() == 1 ? null : p.representatives(),
                    p.minMeetings() == 0 ? null : p.minMeetings(),
                    p.maxMeetings() == Participant.UNLIMITED ? null : p.maxMeetings(),
                    unavailable(event, p.unavailableSlots()), p.homeTable(), p.englishName()));
        }
        List<String> columns = new ArrayList<>(EventImport.PARTICIPANTS.subList(0, 9));
        columns.add("englishName");
        return new SheetData("participants", columns, rows);
    }

    /**
     * A participant's unavailable slots as the organizer edits them: as clock ranges ("2024-10-10 08:30-09:30") when
     * every slot has a clock time, so that a session added to the workbook before the others does not shift them on
     * the next import (slot numbers would); else as slot numbers.
     */
    static String unavailable(Event event, java.util.Set<Integer> slots) {
        if (slots.isEmpty() || event.slots().stream().anyMatch(s -> s.start() == null)) {
            return ranges(slots);
        }
        List<String> parts = new ArrayList<>();
        org.b2g.core.domain.Slot first = null;
        org.b2g.core.domain.Slot last = null;
        for (int index : new TreeSet<>(slots)) {
            org.b2g.core.domain.Slot slot = event.slot(index);
            if (last != null && last.end().equals(slot.start())) {
                last = slot;
                continue;
            }
            if (first != null) {
                parts.add(clockRange(first, last));
            }
            first = slot;
            last = slot;
        }
        parts.add(clockRange(first, last));
        return String.join("; ", parts);
    }

    private static String clockRange(org.b2g.core.domain.Slot first, org.b2g.core.domain.Slot last) {
        return first.start().toLocalDate() + " " + first.start().toLocalTime() + "-" + last.end().toLocalTime();
    }

    /** Slot numbers as ranges: {1, 2, 3, 7} is "1-3; 7". */
    static String ranges(java.util.Set<Integer> slots) {
        if (slots.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int slot : new TreeSet<>(slots)) {
            if (previous != null && slot == previous + 1) {
                previous = slot;
                continue;
            }
            if (start != null) {
                parts.add(start.equals(previous) ? String.valueOf(start) : start + "-" + previous);
            }
            start = slot;
            previous = slot;
        }
        parts.add(start.equals(previous) ? String.valueOf(start) : start + "-" + previous);
        return String.join("; ", parts);
    }

    private static List<SheetData> templateSheets() {
        return List.of(
                new SheetData("event", List.of("key", "value"), List.of(
                        row("id", "my-event-2025"),
                        row("name", "B2G matchmaking day"),
                        row("timeZone", "Asia/Ho_Chi_Minh"),
                        row("slotMinutes", 20),
                        row("tables", 10),
                        row("maxBreaksPerParticipant", 2),
                        row("recommendationsPerParticipant", 3),
                        row("minRelevance", 0.2))),
                new SheetData("sessions", EventImport.SESSIONS, List.of(
                        row("morning", LocalDate.of(2025, 10, 10), LocalTime.of(8, 30), LocalTime.of(11, 50), null))),
                new SheetData("participants", EventImport.PARTICIPANTS, List.of(
                        row("s-001", "startup", "VietSense AI", "contact@example.com", null, null, 8, "1-3",
                                null, "ai; smart-traffic", "Traffic camera analytics",
                                "Counts vehicles on existing cameras", null, null, null),
                        row("a-dost", "agency", "Sở Khoa học và Công nghệ", null, 2, 1, null, "10:30-11:50",
                                "1", "flooding; iot", null, null, "Flood early warning",
                                "Sensors and alerts for flood-prone districts", 3),
                        row(null, "cơ quan", "Sở Y tế", null, null, null, null, null, null, "health", null, null,
                                "Hospital queue management", null, 2)),
                        Map.of("role", ROLES, "needPriority", NEED_PRIORITIES)),
                new SheetData("offerings", EventImport.OFFERINGS, List.of(
                        row("s-001", null, "Adaptive traffic signals", "Signal timing that follows live traffic",
                                "smart-traffic; iot"))),
                new SheetData("needs", EventImport.NEEDS, List.of(
                        row("a-dost", null, "Open data portal", "Publish datasets for startups", "open-data", 2)),
                        Map.of("priority", NEED_PRIORITIES)),
                new SheetData("requests", EventImport.REQUESTS, List.of(row("s-001", "a-dost", "high")),
                        Map.of("priority", REQUEST_PRIORITIES)),
                new SheetData("exclusions", EventImport.EXCLUSIONS, List.of(
                        row("VietSense AI", "Sở Y tế", "conflict of interest"))),
                new SheetData("meetings", EventImport.MEETINGS, List.of(
                        row("m-1", "s-001", "a-dost", "morning", null, null, null))));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static String blank(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String tags(List<String> tags) {
        return tags.isEmpty() ? null : String.join("; ", tags);
    }
}
