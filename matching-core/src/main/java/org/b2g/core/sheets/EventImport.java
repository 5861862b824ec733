package org.b2g.core.sheets;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Priority;
import org.b2g.core.domain.Role;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.EventJson;
import org.b2g.core.io.EventWarnings;
import org.b2g.core.io.InputException;

/**
 * Turns the sheets of a workbook into a {@code b2g-event/1} document. This class only does what the JSON reader
 * cannot: it finds sheets and columns, reads typed cells, derives missing ids from names, resolves names to ids,
 * and turns {@code unavailable} ranges into slot numbers, recording every problem with its row and column. The
 * assembled document is then read by {@link EventJson}, the one authority on what an event may be; a rule only it
 * checks is reported against the row and column the offending value came from.
 */
final class EventImport {

    static final List<String> SHEETS = List.of("event", "sessions", "tables", "participants", "offerings", "needs",
            "requests", "exclusions", "meetings");
    static final List<String> EVENT_KEYS = List.of("id", "name", "timeZone", "slotMinutes", "tables",
            "maxBreaksPerParticipant", "recommendationsPerParticipant", "minRelevance", "day", "start", "end",
            "slots");
    static final List<String> SESSIONS = List.of("id", "day", "start", "end", "slots");
    static final List<String> TABLES = List.of("id", "name");
    static final List<String> PARTICIPANTS = List.of("id", "role", "name", "email", "representatives",
            "minMeetings", "maxMeetings", "unavailable", "homeTable", "tags", "offering", "offeringDescription",
            "need", "needDescription", "needPriority", "englishName");
    static final List<String> OFFERINGS = List.of("participant", "id", "title", "description", "tags");
    static final List<String> NEEDS = List.of("participant", "id", "title", "description", "tags", "priority");
    static final List<String> REQUESTS = List.of("from", "to", "priority");
    static final List<String> EXCLUSIONS = List.of("participant", "counterpart", "reason");
    static final List<String> MEETINGS = List.of("id", "participant", "counterpart", "session", "fixedSlot",
            "fixedTable", "after");

    private static final Pattern SLOT_RANGE = Pattern.compile("(\\d+)\\s*[-–]\\s*(\\d+)");
    private static final Pattern CLOCK_RANGE = Pattern.compile(
            "(?:(\\S+)\\s+)?(\\d{1,2}[:h]\\d{2}(?::\\d{2})?(?:\\s*[aApP][mM])?)\\s*[-–]\\s*"
                    + "(\\d{1,2}[:h]\\d{2}(?::\\d{2})?(?:\\s*[aApP][mM])?)");
    /** One factory: {@code Json.create...} looks the provider up on the class path at every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final Pattern PATH = Pattern.compile("[A-Za-z]\\w*(?:\\[\\d+])*(?:\\.[A-Za-z]\\w*(?:\\[\\d+])*)*");

    private final Book book;
    private final Problems problems = new Problems();
    private final Values values;
    private final Map<String, Grid> sheets = new HashMap<>();
    /** JSON path of the assembled document to the place it came from, to word the JSON reader's errors. */
    private final Map<String, String> places = new HashMap<>();
    private final Directory participants = new Directory("participant");
    private final Directory tables = new Directory("table");
    private final Set<String> sessionIds = new HashSet<>();
    private List<Slot> slots;

    EventImport(Book book) {
        this.book = book;
        this.values = new Values(problems, book.excelDates(), book.date1904());
    }

    /** @throws InputException listing every problem found (up to 50), when there is any */
    Imported run() {
        findSheets();
        problems.order(SHEETS.stream().filter(sheets::containsKey).map(s -> sheets.get(s).where()).toList());
        if (!problems.hasErrors()) {
            checkEventLayout();
        }
        if (problems.hasErrors()) {
            throw problems.failure(book.source());
        }
        JsonObjectBuilder event = event();
        JsonObject header = JSON.createObjectBuilder()
                .add("format", EventJson.FORMAT)
                .add("event", event)
                .add("participants", JSON.createArrayBuilder())
                .build();
        if (!problems.hasErrors()) {
            try {
                slots = EventJson.read(header, book.source()).slots();
            } catch (InputException e) {
                problems.error(translate(e));
            }
            if (slots != null && key("timeZone").isEmpty() && slots.stream().anyMatch(s -> s.start() != null)) {
                problems.warn(key("timeZone").place() + ": " + (eventKeys.containsKey("timeZone") ? "is empty"
                        : "is missing") + " although the sessions have clock times; " + EventJson.READ_AS_UTC);
            }
        }
        JsonObjectBuilder document = JSON.createObjectBuilder(header);
        JsonObjectBuilder rules = rules();
        List<ParticipantRow> rows = participantRows();
        offeringsAndNeeds(rows);
        document.add("participants", participantsJson(rows))
                .add("meetings", meetings())
                .add("requests", requests())
                .add("exclusions", exclusions())
                .add("rules", rules);
        warnAboutRequestsThatCannotCount();
        if (problems.hasErrors()) {
            throw problems.failure(book.source());
        }
        JsonObject json = document.build();
        Event read;
        try {
            read = EventJson.read(json, book.source());
        } catch (InputException e) {
            problems.error(translate(e));
            throw problems.failure(book.source());
        }
        // What the event itself shows (a minMeetings beyond reach), by row; the requests' are worded above already.
        for (String warning : EventWarnings.of(read)) {
            if (warning.startsWith("participants[")) {
                String place = translated(warning);
                problems.warn(place != null ? place : warning);
            }
        }
        return new Imported(json, read, problems.warnings());
    }

    // ---------------------------------------------------------------- sheets

    private void findSheets() {
        Map<String, String> known = new HashMap<>();
        for (String sheet : SHEETS) {
            known.put(Text.key(sheet), sheet);
        }
        List<String> unknown = new ArrayList<>();
        for (Grid grid : book.sheets()) {
            String sheet = known.get(Text.key(grid.name()));
            if (sheet == null) {
                unknown.add(grid.where());
                continue;
            }
            Grid earlier = sheets.putIfAbsent(sheet, grid);
            if (earlier != null) {
                problems.error(book.source() + ": two sheets are named " + sheet + " (" + earlier.where() + " and "
                        + grid.where() + "); expected one");
            }
        }
        if (!unknown.isEmpty()) {
            problems.warn(book.source() + ": ignored the " + (unknown.size() == 1 ? "sheet " : "sheets ")
                    + String.join(", ", unknown) + " (known: " + String.join(", ", SHEETS) + ")");
        }
        if (!book.hidden().isEmpty()) {
            String kind = book.excelDates() ? "sheet" : "file"; // a workbook's sheets, a folder's CSV files
            problems.warn(book.source() + ": ignored the hidden " + kind + (book.hidden().size() == 1 ? " " : "s ")
                    + String.join(", ", book.hidden()));
        }
        for (String required : List.of("event", "participants")) {
            String hidden = book.hidden().stream().filter(h -> Text.key(h).equals(required)).findFirst().orElse(null);
            if (!sheets.containsKey(required) && hidden != null) {
                problems.error(book.source() + ": the " + hidden + " sheet is hidden, and hidden sheets are not read;"
                        + " expected it shown (in Excel: right-click a sheet tab, Unhide)");
            } else if (!sheets.containsKey(required)) {
                problems.error(book.source() + ": has no " + required + " sheet; expected the sheets event and"
                        + " participants, and any of sessions, tables, offerings, needs, requests, exclusions,"
                        + " meetings (" + found() + ")");
            }
        }
    }

    /**
     * An event sheet laid out as a table, its keys as the headers of one row and their values in the row below, is
     * refused in one line: read as key and value columns, it would say that tables and sessions are missing.
     */
    private void checkEventLayout() {
        Grid grid = sheets.get("event");
        if (grid.lines().isEmpty()) {
            return;
        }
        Grid.Line first = grid.lines().get(0);
        Map<String, String> known = new HashMap<>();
        EVENT_KEYS.forEach(k -> known.put(Text.key(k), k));
        List<String> keys = first.cells().stream().filter(c -> Rows.column(c, known) != null).toList();
        if (keys.size() >= 2 && Rows.column(first.cell(1), known) != null) {
            problems.error(grid.where() + " row " + first.number() + ": holds keys as the headers of columns ("
                    + String.join(", ", keys.stream().limit(5).map(Text::quoted).toList()) + (keys.size() > 5 ? ", ..."
                    : "") + "); expected two columns, key and value, with one row per key (" + keys.get(0)
                    + " in the first column, its value beside it)");
        }
    }

    /** The sheets the book has, for a message that says which are missing. */
    private String found() {
        if (!book.sheets().isEmpty()) {
            return "found: " + String.join(", ", book.sheets().stream().map(Grid::where).toList());
        }
        return book.hidden().isEmpty() ? "it has none" : "it has only hidden ones: " + String.join(", ", book.hidden());
    }

    private Rows rows(String sheet, List<String> columns) {
        Grid grid = sheets.get(sheet);
        places.putIfAbsent(sheet, grid == null ? book.source() : grid.where());
        return grid == null ? null : Rows.of(grid, columns, problems);
    }

    // ---------------------------------------------------------------- event, sessions, tables

    private final Map<String, Cell> eventKeys = new LinkedHashMap<>();

    private JsonObjectBuilder event() {
        readEventSheet();
        Grid grid = sheets.get("event");
        places.put("event", grid.where());
        places.put("rules", grid.where());
        JsonObjectBuilder event = JSON.createObjectBuilder();
        Cell id = key("id");
        Cell name = key("name");
        if (!id.isEmpty()) {
            event.add("id", id.value());
            places.put("event.id", id.place());
        } else if (!Text.slug(name.value()).isEmpty()) {
            event.add("id", Text.slug(name.value()));
            places.put("event.id", name.place());
        } else {
            problems.error(grid.where() + ": has neither an id nor a name; expected a row with key id or name");
        }
        if (!name.isEmpty()) {
            event.add("name", name.value());
            places.put("event.name", name.place());
        }
        Cell zone = key("timeZone");
        if (!zone.isEmpty()) {
            try {
                event.add("timeZone", ZoneId.of(zone.value()).getId());
            } catch (DateTimeException e) {
                problems.bad(zone, "is not a time zone; expected an IANA zone such as Asia/Ho_Chi_Minh");
            }
            places.put("event.timeZone", zone.place());
        }
        Cell slotMinutes = key("slotMinutes");
        Integer minutes = values.integer(slotMinutes, 1, 24 * 60);
        if (minutes != null) {
            event.add("slotMinutes", minutes);
            places.put("event.slotMinutes", slotMinutes.place());
        }
        event.add("sessions", sessions());
        tables(event);
        return event;
    }

    private void readEventSheet() {
        Grid grid = sheets.get("event");
        List<Grid.Line> lines = grid.lines();
        int keyColumn = 0;
        int valueColumn = 1;
        int first = 0;
        if (!lines.isEmpty()) {
            Map<String, String> known = Map.of("key", "key", "value", "value");
            List<String> header = lines.get(0).cells();
            int k = -1;
            int v = -1;
            for (int c = 0; c < header.size(); c++) {
                String column = Rows.column(header.get(c), known);
                k = "key".equals(column) && k < 0 ? c : k;
                v = "value".equals(column) && v < 0 ? c : v;
            }
            if (k >= 0 && v >= 0) {
                keyColumn = k;
                valueColumn = v;
                first = 1;
            }
        }
        Map<String, String> known = new HashMap<>();
        for (String key : EVENT_KEYS) {
            known.put(Text.key(key), key);
        }
        Map<String, Integer> rowOf = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Grid.Line line : lines.subList(first, lines.size())) {
            String written = line.cell(keyColumn);
            String key = Rows.column(written, known);
            List<String> after = new ArrayList<>();
            for (int c = Math.max(keyColumn, valueColumn) + 1; c < line.cells().size(); c++) {
                if (!line.cell(c).isEmpty()) {
                    after.add(line.cell(c));
                }
            }
            // In a ';' file, "tables;T1;T2;T3" without quotes puts T2 and T3 after the value: for the list key they
            // are the rest of the list; after any other value they are said, not silently lost.
            boolean list = "tables".equals(key) && !line.isNumber(valueColumn);
            if (!after.isEmpty() && !list) {
                problems.warn(grid.where() + " row " + line.number() + ": ignored " + String.join(", ",
                        after.stream().map(Text::quoted).toList()) + " after the value; expected one value per key (a"
                        + " list in one cell, in quotes when it holds the separator)");
            }
            if (key == null) {
                if (!written.isEmpty()) {
                    unknown.add(Text.quoted(written));
                } else {
                    problems.error(grid.where() + " row " + line.number() + ": has a value ("
                            + Text.quoted(line.cell(valueColumn)) + ") but no key; expected one of "
                            + String.join(", ", EVENT_KEYS));
                }
                continue;
            }
            Integer earlier = rowOf.putIfAbsent(key, line.number());
            if (earlier != null) {
                problems.error(grid.where() + " row " + line.number() + ": key " + key + " is given again (also in row "
                        + earlier + "); expected it once");
                continue;
            }
            String place = grid.where() + " row " + line.number() + ", key \"" + written + "\"";
            if (line.isError(valueColumn)) {
                problems.error(place + ": " + Rows.noValue(line.cell(valueColumn)));
                problems.settle(place);
            }
            boolean joined = list && !after.isEmpty();
            String value = joined ? line.cell(valueColumn) + ";" + String.join(";", after) : line.cell(valueColumn);
            eventKeys.put(key, new Cell(place, value, !joined && line.isNumber(valueColumn)));
        }
        if (!unknown.isEmpty()) {
            problems.warn(grid.where() + ": ignored the unknown " + (unknown.size() == 1 ? "key " : "keys ")
                    + String.join(", ", unknown) + " (known: " + String.join(", ", EVENT_KEYS) + ")");
        }
    }

    /** The event sheet's value for {@code key}; an empty cell placed on the sheet when the key is absent. */
    private Cell key(String key) {
        Cell cell = eventKeys.get(key);
        return cell != null ? cell : new Cell(sheets.get("event").where() + ", key \"" + key + "\"", "");
    }

    private JsonArrayBuilder sessions() {
        JsonArrayBuilder sessions = JSON.createArrayBuilder();
        List<String> single = List.of("day", "start", "end", "slots");
        boolean keys = single.stream().anyMatch(k -> !key(k).isEmpty());
        Rows rows = rows("sessions", SESSIONS);
        if (rows == null) {
            places.put("event.sessions", sheets.get("event").where());
            if (!keys) {
                problems.error(book.source() + ": has no sessions sheet and the event sheet gives no day, start, end"
                        + " or slots; expected a sessions sheet (id, day, start, end or slots), or those keys on"
                        + " the event sheet for a one-session event");
                return sessions;
            }
            sessions.add(session("session-1", key("day"), key("start"), key("end"), key("slots"), "event.sessions[0]",
                    sheets.get("event").where()));
            sessionIds.add("session-1");
            return sessions;
        }
        places.put("event.sessions", rows.grid().where());
        boolean lengths = rows.require(problems, "end", "slots");
        if (keys) {
            problems.error(sheets.get("event").where() + ": gives day, start, end or slots although there is a"
                    + " sessions sheet; expected the sessions on the sessions sheet only");
        }
        Map<String, Integer> rowOf = new HashMap<>();
        int index = 0;
        for (Rows.Row row : rows.rows()) {
            String id = row.get("id").isEmpty() ? "session-" + (index + 1) : row.get("id");
            Integer earlier = rowOf.putIfAbsent(id, row.number());
            if (earlier != null) {
                problems.bad(row.cell("id"), "is already the id of row " + earlier + "; expected each session once");
            }
            String path = "event.sessions[" + index + "]";
            places.put(path, row.place());
            places.put(path + ".id", row.cell("id").place());
            sessions.add(session(id, row.cell("day"), row.cell("start"), row.cell("end"), row.cell("slots"), path,
                    lengths ? row.place() : null));
            sessionIds.add(id);
            index++;
        }
        if (index == 0) {
            problems.error(rows.grid().where() + ": lists no session; expected a row per session (id, day, start,"
                    + " end or slots)");
        }
        return sessions;
    }

    /**
     * @param where the session's row ({@code sessions row 3}), or the event sheet for a one-session event; what it
     *        lacks is said here in the sheet's words, every lack at once, rather than by the JSON reader one at a time;
     *        null when the sheet has neither an end nor a slots column, which is said once
     */
    private JsonObjectBuilder session(String id, Cell dayCell, Cell startCell, Cell endCell, Cell slotsCell,
            String path, String where) {
        if (!startCell.isEmpty() && dayCell.isEmpty()) {
            problems.error(dayCell.place() + ": is empty; expected the session's day (such as 2024-10-10), since it"
                    + " has a start time");
        }
        if (!endCell.isEmpty() && startCell.isEmpty()) {
            problems.error(startCell.place() + ": is empty; expected the time the session starts, since it has an"
                    + " end");
        }
        if (where != null && endCell.isEmpty() && slotsCell.isEmpty()) {
            problems.error(where + ": has neither an end nor a number of slots; expected one of them (end, slots)");
        } else if (where != null && !endCell.isEmpty() && !slotsCell.isEmpty()) {
            problems.error(where + ": gives both an end and a number of slots; expected one of them (end, slots)");
        }
        JsonObjectBuilder session = JSON.createObjectBuilder().add("id", id);
        LocalDate day = values.date(dayCell);
        if (day != null) {
            session.add("day", day.toString());
            places.put(path + ".day", dayCell.place());
        }
        LocalTime start = values.time(startCell);
        if (start != null) {
            session.add("start", start.toString());
            places.put(path + ".start", startCell.place());
        }
        String end = values.endTime(endCell);
        if (end != null) {
            session.add("end", end);
            places.put(path + ".end", endCell.place());
        }
        Integer count = values.integer(slotsCell, 1, 10_000);
        if (count != null) {
            session.add("slots", count);
            places.put(path + ".slots", slotsCell.place());
        }
        return session;
    }

    private void tables(JsonObjectBuilder event) {
        Cell cell = key("tables");
        Rows rows = rows("tables", TABLES);
        places.put("event.tables", cell.isEmpty() && rows != null ? rows.grid().where() : cell.place());
        if (rows != null) {
            if (!cell.isEmpty()) {
                problems.error(cell.place() + ": tables are listed both here and on the tables sheet; expected one"
                        + " of them");
                return;
            }
            if (!rows.require(problems, "id", "name")) {
                tables.unknowable();
                return;
            }
            JsonArrayBuilder list = JSON.createArrayBuilder();
            Map<String, Integer> rowOf = new HashMap<>();
            int index = 0;
            for (Rows.Row row : rows.rows()) {
                String name = row.get("name");
                String id = row.get("id").isEmpty() ? name : row.get("id");
                if (id.isEmpty()) {
                    problems.error(row.place() + ": has neither an id nor a name; expected at least one");
                    continue;
                }
                Integer earlier = rowOf.putIfAbsent(id, row.number());
                if (earlier != null) {
                    problems.bad(row.cell(row.get("id").isEmpty() ? "name" : "id"), "is already the id of row "
                            + earlier + "; expected each table once");
                    continue;
                }
                JsonObjectBuilder table = JSON.createObjectBuilder().add("id", id);
                if (!name.isEmpty()) {
                    table.add("name", name);
                }
                places.put("event.tables[" + index++ + "]", row.place());
                list.add(table);
                tables.add(id, name);
            }
            if (index == 0) {
                problems.error(rows.grid().where() + ": lists no table; expected a row per table (id, name)");
            }
            event.add("tables", list);
            return;
        }
        if (cell.isEmpty()) {
            problems.error(cell.place() + (eventKeys.containsKey("tables") ? ": is empty" : ": is missing")
                    + "; expected the number of tables, or their ids separated by \";\", or a tables sheet");
            return;
        }
        if (cell.value().matches("\\d+([.,]0+)?")) {
            Integer count = values.integer(cell, 1, 100_000);
            if (count != null) {
                event.add("tables", count);
                for (int t = 1; t <= count; t++) {
                    tables.add(String.valueOf(t), null);
                }
            }
            return;
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        Set<String> seen = new HashSet<>();
        for (String id : Text.items(cell.value())) {
            if (!seen.add(id)) {
                problems.bad(cell, "names table " + Text.quoted(id) + " twice; expected each table once");
            }
            list.add(JSON.createObjectBuilder().add("id", id));
            tables.add(id, null);
        }
        event.add("tables", list);
    }

    private JsonObjectBuilder rules() {
        JsonObjectBuilder rules = JSON.createObjectBuilder();
        for (String key : List.of("maxBreaksPerParticipant", "recommendationsPerParticipant")) {
            Cell cell = key(key);
            Integer value = values.integer(cell, 0, Integer.MAX_VALUE);
            if (value != null) {
                rules.add(key, value);
                places.put("rules." + key, cell.place());
            }
        }
        Cell relevance = key("minRelevance");
        Double min = values.number(relevance, 0, 1);
        if (min != null) {
            rules.add("minRelevance", min);
            places.put("rules.minRelevance", relevance.place());
        }
        return rules;
    }

    // ---------------------------------------------------------------- participants

    /** A participant's row, with its id (given or derived) and what other sheets add to it. */
    private static final class ParticipantRow {
        final Rows.Row row;
        String id;
        /** Null when the row gives none, or one that is not a role (an error said once). */
        Role role;
        /**
         * The row repeats an earlier row's id or name (an error): its cells are still checked, so that every error is
         * listed, but it is no participant (references and other sheets never reach it) and not in the document.
         */
        boolean duplicate;
        final List<JsonObject> offerings = new ArrayList<>();
        final List<String> offeringPlaces = new ArrayList<>();
        /** Where each offering's id was given ({@code offerings row 3, column "id"}); its row's place if not. */
        final List<String> offeringIdPlaces = new ArrayList<>();
        final List<JsonObject> needs = new ArrayList<>();
        final List<String> needPlaces = new ArrayList<>();
        final List<String> needIdPlaces = new ArrayList<>();

        ParticipantRow(Rows.Row row) {
            this.row = row;
        }
    }

    private final Map<String, ParticipantRow> participantById = new HashMap<>();
    /** Whether the participants sheet has a role column; without one, that is said once rather than per row. */
    private boolean readRoles = true;

    private List<ParticipantRow> participantRows() {
        Rows rows = rows("participants", PARTICIPANTS);
        List<ParticipantRow> result = new ArrayList<>();
        Map<String, Integer> rowOfId = new HashMap<>();
        Map<String, Integer> rowOfName = new HashMap<>();
        boolean named = rows.require(problems, "id", "name");
        readRoles = rows.require(problems, "role");
        if (!named) {
            participants.unknowable();
            return result;
        }
        for (Rows.Row row : rows.rows()) {
            ParticipantRow p = new ParticipantRow(row);
            String id = row.get("id");
            String name = row.get("name");
            if (id.isEmpty() && name.isEmpty()) {
                problems.error(row.place() + ": has neither an id nor a name; expected at least one");
                continue;
            }
            p.role = readRoles ? values.role(row.cell("role")) : null;
            if (!id.isEmpty()) {
                Integer earlier = rowOfId.putIfAbsent(id, row.number());
                if (earlier != null) {
                    problems.bad(row.cell("id"), "is already the id of row " + earlier
                            + "; expected each participant once");
                    p.duplicate = true;
                }
                p.id = id;
            }
            if (!name.isEmpty() && !p.duplicate) {
                Integer earlier = rowOfName.putIfAbsent(name, row.number());
                if (earlier != null) {
                    problems.bad(row.cell("name"), "is already the name of row " + earlier
                            + "; expected each participant once");
                    p.duplicate = true;
                }
            }
            result.add(p);
        }
        for (ParticipantRow p : result) {
            if (p.duplicate) {
                p.id = p.id != null ? p.id : Text.slug(p.row.get("name"));
                continue;
            }
            if (p.id == null) {
                String base = Text.slug(p.row.get("name"));
                base = base.isEmpty() ? "participant" : base;
                String id = base;
                for (int n = 2; rowOfId.containsKey(id); n++) {
                    id = base + "-" + n;
                }
                rowOfId.put(id, p.row.number());
                p.id = id;
            }
            participants.add(p.id, p.row.get("name"));
            participantById.put(p.id, p);
        }
        if (rows.rows().isEmpty()) {
            problems.error(rows.grid().where() + ": lists no participant; expected a row per participant");
        }
        return result;
    }

    /** Whether the sheet has each of {@code columns}; each one missing is said once (see {@link Rows#require}). */
    private boolean required(Rows rows, String... columns) {
        boolean all = true;
        for (String column : columns) {
            all &= rows.require(problems, column);
        }
        return all;
    }

    private void offeringsAndNeeds(List<ParticipantRow> rows) {
        List<ParticipantRow> participantTags = new ArrayList<>();
        for (ParticipantRow p : rows) {
            Rows.Row row = p.row;
            boolean offering = inline(row, "offering", "offeringDescription", null, p.offerings, p.offeringPlaces);
            boolean need = inline(row, "need", "needDescription", "needPriority", p.needs, p.needPlaces);
            p.offeringIdPlaces.addAll(p.offeringPlaces);
            p.needIdPlaces.addAll(p.needPlaces);
            if (!offering && !need && !row.get("tags").isEmpty() && !p.duplicate) {
                participantTags.add(p);
            }
        }
        Rows offerings = rows("offerings", OFFERINGS);
        if (offerings != null && required(offerings, "participant", "title")) {
            for (Rows.Row row : offerings.rows()) {
                ParticipantRow p = owner(row);
                JsonObject item = item(row, "title", "description", null);
                if (p != null && item != null) {
                    p.offerings.add(item);
                    p.offeringPlaces.add(row.place());
                    p.offeringIdPlaces.add(row.get("id").isEmpty() ? row.place() : row.cell("id").place());
                }
            }
        }
        Rows needs = rows("needs", NEEDS);
        if (needs != null && required(needs, "participant", "title")) {
            for (Rows.Row row : needs.rows()) {
                ParticipantRow p = owner(row);
                JsonObject item = item(row, "title", "description", "priority");
                if (p != null && item != null) {
                    p.needs.add(item);
                    p.needPlaces.add(row.place());
                    p.needIdPlaces.add(row.get("id").isEmpty() ? row.place() : row.cell("id").place());
                }
            }
        }
        for (ParticipantRow p : participantTags) {
            List<String> tags = Text.items(p.row.get("tags"));
            if (p.offerings.isEmpty() && p.needs.isEmpty()) {
                untitled(p, tags);
            }
            p.offerings.replaceAll(item -> withTags(item, tags));
            p.needs.replaceAll(item -> withTags(item, tags));
        }
        for (ParticipantRow p : rows) {
            checkIds(p, p.offerings, p.offeringPlaces, p.offeringIdPlaces, "offering", "o-");
            checkIds(p, p.needs, p.needPlaces, p.needIdPlaces, "need", "n-");
        }
    }

    /**
     * Each of a participant's offerings (or needs) has an id of its own. One given twice names both rows; and since an
     * offering without an id is numbered by its place among the participant's ("o-1", "o-2", ... as the event
     * document does), an id given as "o-1" while the first offering (often the one on the participant's own row)
     * has none is said too, where the JSON reader would name one row of a "duplicate offering id".
     */
    private void checkIds(ParticipantRow p, List<JsonObject> items, List<String> rowPlaces, List<String> idPlaces,
            String what, String prefix) {
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            boolean given = items.get(i).containsKey("id");
            String id = given ? items.get(i).getString("id") : prefix + (i + 1);
            Integer earlier = indexOf.putIfAbsent(id, i);
            if (earlier == null) {
                continue;
            }
            boolean earlierGiven = items.get(earlier).containsKey("id");
            if (given && earlierGiven) {
                problems.error(idPlaces.get(i) + ": " + Text.quoted(id) + " is already the id of "
                        + rowPlaces.get(earlier) + " (another " + what + " of " + p.id + "); expected each " + what
                        + " id once per participant");
            } else if (given) {
                problems.error(idPlaces.get(i) + ": " + Text.quoted(id) + " is already the id of the " + what + " of "
                        + rowPlaces.get(earlier) + ", which has no id and is numbered by its place among " + p.id
                        + "'s " + what + "s (" + prefix + "1, " + prefix + "2, ...); expected another id, or ids for"
                        + " all of them");
            } else {
                problems.error(rowPlaces.get(i) + ": the " + what + " has no id and is numbered by its place among "
                        + p.id + "'s " + what + "s, as " + Text.quoted(id) + ", which is already the id of "
                        + rowPlaces.get(earlier) + "; expected an id of its own, or ids for all of them");
            }
        }
    }

    /**
     * Tags of a participant that has no offering or need at all (a form export's "fields of interest") become one
     * untitled offering of a startup, or one untitled need of an agency (priority 1), which its tags alone describe:
     * matching reads tags on offerings and needs only. A company is not matched (only startups and agencies are), so
     * its tags count for nothing, which is said in a warning rather than refusing the import.
     */
    private void untitled(ParticipantRow p, List<String> tags) {
        if (tags.isEmpty() || p.role == null) {
            return; // no tag to keep ("; ;"), or the role is wrong and said so
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        tags.forEach(list::add);
        JsonObject item = JSON.createObjectBuilder().add("tags", list).build();
        switch (p.role) {
            case STARTUP -> {
                p.offerings.add(item);
                p.offeringPlaces.add(p.row.place());
                p.offeringIdPlaces.add(p.row.place());
            }
            case AGENCY -> {
                p.needs.add(item);
                p.needPlaces.add(p.row.place());
                p.needIdPlaces.add(p.row.place());
            }
            default -> problems.warn(p.row.cell("tags").place() + ": " + Text.quoted(p.row.get("tags"))
                    + " count for nothing: " + p.id + " is a " + p.role.code() + ", and only startups' offerings and"
                    + " agencies' needs are matched; the tags are ignored");
        }
    }

    /**
     * Tags on a participant's row that gives no offering or need are the participant's: they are added to each of
     * its offerings and needs (from their sheets), after the item's own, which is where matching reads tags.
     */
    private static JsonObject withTags(JsonObject item, List<String> tags) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        Set<String> seen = new HashSet<>();
        for (JsonString tag : item.getJsonArray("tags").getValuesAs(JsonString.class)) {
            all.add(tag);
            seen.add(tag.getString().toLowerCase(Locale.ROOT));
        }
        for (String tag : tags) {
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                all.add(tag);
            }
        }
        return JSON.createObjectBuilder(item).add("tags", all).build();
    }

    /** The offering or need given on a participant's own row; false when the row gives none. */
    private boolean inline(Rows.Row row, String title, String description, String priority, List<JsonObject> into,
            List<String> placesInto) {
        if (row.get(title).isEmpty()) {
            if (!row.get(description).isEmpty()) {
                problems.bad(row.cell(description), "has no " + title + " title beside it; expected a title in"
                        + " column " + title);
            }
            return false;
        }
        JsonObject item = item(row, title, description, priority);
        if (item != null) {
            into.add(item);
            placesInto.add(row.place());
        }
        return true;
    }

    private ParticipantRow owner(Rows.Row row) {
        String id = participants.resolve(row.cell("participant"), problems);
        return id == null ? null : participantById.get(id);
    }

    private JsonObject item(Rows.Row row, String title, String description, String priority) {
        JsonObjectBuilder item = JSON.createObjectBuilder();
        if (!"offering".equals(title) && !"need".equals(title) && !row.get("id").isEmpty()) {
            item.add("id", row.get("id"));
        }
        List<String> tagList = Text.items(row.get("tags"));
        if (row.get(title).isEmpty() && tagList.isEmpty()) {
            String what = !"title".equals(title) ? title : priority == null ? "offering" : "need";
            problems.error(row.cell(title).place() + ": is empty; expected a title, or tags for an untitled " + what);
            return null;
        }
        if (!row.get(title).isEmpty()) { // untitled: its tags alone describe it
            item.add("title", row.get(title));
        }
        if (!row.get(description).isEmpty()) {
            item.add("description", row.get(description));
        }
        JsonArrayBuilder tags = JSON.createArrayBuilder();
        tagList.forEach(tags::add);
        item.add("tags", tags);
        if (priority != null) {
            Integer p = values.integer(row.cell(priority), 1, 3);
            if (p != null) {
                item.add("priority", p);
            }
        }
        return item.build();
    }

    private JsonArrayBuilder participantsJson(List<ParticipantRow> rows) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        int index = 0;
        for (ParticipantRow p : rows) {
            // a repeated row is checked like the others, then left out: the import fails on it anyway
            String path = p.duplicate ? "participants[repeated]" : "participants[" + index++ + "]";
            Rows.Row row = p.row;
            places.put(path, row.place());
            JsonObjectBuilder json = JSON.createObjectBuilder().add("id", p.id);
            places.put(path + ".id", row.cell(row.get("id").isEmpty() ? "name" : "id").place());
            if (p.role != null) {
                json.add("role", p.role.code());
            }
            if (!row.get("name").isEmpty()) {
                json.add("name", row.get("name"));
            }
            if (!row.get("englishName").isEmpty()) {
                json.add("englishName", row.get("englishName"));
            }
            if (!row.get("email").isEmpty()) {
                json.add("email", row.get("email"));
            }
            number(json, row, "representatives", 1, path);
            Integer min = number(json, row, "minMeetings", 0, path);
            Integer max = number(json, row, "maxMeetings", 0, path);
            if (min != null && max != null && min > max) {
                problems.bad(row.cell("minMeetings"), "is more than maxMeetings (" + max + "); expected at most "
                        + max);
            }
            Set<Integer> unavailable = unavailable(row.cell("unavailable"));
            if (!unavailable.isEmpty()) {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                unavailable.forEach(list::add);
                json.add("unavailableSlots", list);
                places.put(path + ".unavailableSlots", row.cell("unavailable").place());
            }
            if (!row.get("homeTable").isEmpty()) {
                String table = tables.resolve(row.cell("homeTable"), problems);
                if (table != null) {
                    json.add("homeTable", table);
                    places.put(path + ".homeTable", row.cell("homeTable").place());
                }
            }
            json.add("offerings", items(p.offerings, p.offeringPlaces, path + ".offerings"));
            json.add("needs", items(p.needs, p.needPlaces, path + ".needs"));
            if (!p.duplicate) {
                array.add(json);
            }
        }
        return array;
    }

    private Integer number(JsonObjectBuilder json, Rows.Row row, String column, int min, String path) {
        Integer value = values.integer(row.cell(column), min, Integer.MAX_VALUE);
        if (value != null) {
            json.add(column, value);
            places.put(path + "." + column, row.cell(column).place());
        }
        return value;
    }

    private JsonArrayBuilder items(List<JsonObject> items, List<String> itemPlaces, String path) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (int i = 0; i < items.size(); i++) {
            array.add(items.get(i));
            places.put(path + "[" + i + "]", itemPlaces.get(i));
        }
        return array;
    }

    /**
     * Slot numbers and ranges ({@code 1-3; 7}) and clock ranges, on every day ({@code 08:30-09:30}) or on one
     * ({@code 2024-10-10 13:30-15:00}), as the set of slots they cover or overlap.
     */
    private Set<Integer> unavailable(Cell cell) {
        Set<Integer> result = new TreeSet<>();
        if (cell.isEmpty()) {
            return result;
        }
        for (String token : cell.value().split("[;,]")) {
            String item = token.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (item.matches("\\d+")) {
                slotRange(cell, item, slotNumber(item), slotNumber(item), result);
                continue;
            }
            Matcher range = SLOT_RANGE.matcher(item);
            if (range.matches()) {
                slotRange(cell, item, slotNumber(range.group(1)), slotNumber(range.group(2)), result);
                continue;
            }
            Matcher clock = CLOCK_RANGE.matcher(item);
            if (clock.matches()) {
                clockRange(cell, item, clock, result);
                continue;
            }
            problems.error(cell.place() + ": " + Text.quoted(item) + " is not a slot, a range of slots or a clock"
                    + " range; expected e.g. 1-3; 7 or 08:30-09:30 or 2024-10-10 13:30-15:00 (in Excel, format the"
                    + " column as text so that 1-3 does not become a date)");
        }
        return result;
    }

    /** Digits as a slot number; one too long for an int (a phone number in the wrong column) is past every slot. */
    private static int slotNumber(String digits) {
        String plain = digits.replaceFirst("^0+(?=\\d)", "");
        return plain.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(plain);
    }

    private void slotRange(Cell cell, String item, int from, int to, Set<Integer> into) {
        if (from > to) {
            problems.error(cell.place() + ": " + Text.quoted(item) + " is a range that ends before it starts;"
                    + " expected the first slot, then the last, e.g. 1-3");
            return;
        }
        if (slots == null) {
            return;
        }
        int count = slots.size();
        if (from < 1 || to > count) {
            problems.error(cell.place() + ": " + Text.quoted(item) + " is not within the event's slots; expected"
                    + " slot numbers from 1 to " + count);
            return;
        }
        for (int s = from; s <= to; s++) {
            into.add(s);
        }
    }

    private void clockRange(Cell cell, String item, Matcher clock, Set<Integer> into) {
        LocalDate day = clock.group(1) == null ? null : Values.parseDate(clock.group(1));
        LocalTime from = Values.parseTime(clock.group(2));
        boolean toMidnight = Values.isEndOfDay(clock.group(3)); // 23:00-24:00: up to the end of the day
        LocalTime to = toMidnight ? LocalTime.MAX : Values.parseTime(clock.group(3));
        if ((clock.group(1) != null && day == null) || from == null || to == null || !to.isAfter(from)) {
            problems.error(cell.place() + ": " + Text.quoted(item) + " is not a clock range; expected e.g."
                    + " 08:30-09:30 or 2024-10-10 13:30-15:00, the end after the start");
            return;
        }
        if (slots == null) {
            return;
        }
        if (slots.isEmpty() || slots.get(0).start() == null) {
            problems.error(cell.place() + ": " + Text.quoted(item) + " is a clock range, but the sessions have no"
                    + " clock times; expected slot numbers such as 1-3");
            return;
        }
        if (day != null && slots.stream().noneMatch(s -> s.start() != null && s.start().toLocalDate().equals(day))) {
            // a mistyped day would otherwise leave the participant available all day, silently
            problems.error(cell.place() + ": " + Text.quoted(item) + " is on " + day + ", which is no day of the"
                    + " event; expected one of " + String.join(", ", slots.stream().filter(s -> s.start() != null)
                    .map(s -> s.start().toLocalDate().toString()).distinct().toList()) + ", or no day (every day)");
            return;
        }
        for (Slot slot : slots) {
            LocalDateTime start = slot.start();
            if (start == null || (day != null && !start.toLocalDate().equals(day))) {
                continue;
            }
            LocalDateTime windowStart = start.toLocalDate().atTime(from);
            LocalDateTime windowEnd = toMidnight ? start.toLocalDate().plusDays(1).atStartOfDay()
                    : start.toLocalDate().atTime(to);
            if (start.isBefore(windowEnd) && slot.end().isAfter(windowStart)) {
                into.add(slot.index());
            }
        }
    }

    // ---------------------------------------------------------------- meetings, requests, exclusions

    private JsonArrayBuilder meetings() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        Rows rows = rows("meetings", MEETINGS);
        if (rows == null || !required(rows, "participant", "counterpart")) {
            return array;
        }
        List<Rows.Row> list = rows.rows();
        Map<String, Integer> rowOf = new HashMap<>();
        for (Rows.Row row : list) {
            if (!row.get("id").isEmpty()) {
                Integer earlier = rowOf.putIfAbsent(row.get("id"), row.number());
                if (earlier != null) {
                    problems.bad(row.cell("id"), "is already the id of row " + earlier + "; expected each meeting"
                            + " once");
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String id = list.get(i).get("id");
            if (id.isEmpty()) {
                int n = i + 1;
                while (rowOf.containsKey("m-" + n)) {
                    n++;
                }
                id = "m-" + n;
                rowOf.put(id, list.get(i).number());
            }
            ids.add(id);
        }
        for (int i = 0; i < list.size(); i++) {
            Rows.Row row = list.get(i);
            String path = "meetings[" + i + "]";
            places.put(path, row.place());
            JsonObjectBuilder json = JSON.createObjectBuilder().add("id", ids.get(i));
            json.add("participants", pair(row, "participant", "counterpart", path));
            Cell session = row.cell("session");
            if (!session.isEmpty()) {
                if (!sessionIds.contains(session.value())) {
                    problems.bad(session, "is not a session id; expected one of " + String.join(", ",
                            new TreeSet<>(sessionIds)));
                } else {
                    json.add("session", session.value());
                }
            }
            Integer fixedSlot = values.integer(row.cell("fixedSlot"), 1, slots == null ? Integer.MAX_VALUE
                    : Math.max(1, slots.size()));
            if (fixedSlot != null) {
                json.add("fixedSlot", fixedSlot);
                places.put(path + ".fixedSlot", row.cell("fixedSlot").place());
            }
            if (!row.get("fixedTable").isEmpty()) {
                String table = tables.resolve(row.cell("fixedTable"), problems);
                if (table != null) {
                    json.add("fixedTable", table);
                }
            }
            JsonArrayBuilder after = JSON.createArrayBuilder();
            for (String earlier : Text.items(row.get("after"))) {
                if (!rowOf.containsKey(earlier)) {
                    problems.bad(row.cell("after"), "names " + Text.quoted(earlier) + ", which is not a meeting id;"
                            + " expected ids from the meetings sheet's id column");
                } else if (earlier.equals(ids.get(i))) {
                    problems.bad(row.cell("after"), "names the meeting itself; expected earlier meetings");
                } else {
                    after.add(earlier);
                }
            }
            json.add("after", after);
            array.add(json);
        }
        return array;
    }

    private JsonArrayBuilder requests() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        Rows rows = rows("requests", REQUESTS);
        if (rows == null || !required(rows, "from", "to")) {
            return array;
        }
        int index = 0;
        for (Rows.Row row : rows.rows()) {
            String path = "requests[" + index++ + "]";
            places.put(path, row.place());
            String from = participants.resolve(row.cell("from"), problems);
            String to = participants.resolve(row.cell("to"), problems);
            Priority priority = values.priority(row.cell("priority"));
            if (from != null && from.equals(to)) {
                problems.error(row.place() + ": a request from " + Text.quoted(from) + " to itself; expected two"
                        + " different participants");
            }
            if (from != null && to != null && priority != null) {
                array.add(JSON.createObjectBuilder().add("from", from).add("to", to).add("priority", priority.code()));
                requestRows.add(new RequestRow(row.number(), from, to, priority));
            }
        }
        return array;
    }

    private record RequestRow(int row, String from, String to, Priority priority) {
    }

    /** Requests as read, for the warnings about those that do not count as written. */
    private final List<RequestRow> requestRows = new ArrayList<>();
    /** Excluded pairs ("a b", ids sorted) and the row that excludes them. */
    private final Map<String, Integer> exclusionRows = new HashMap<>();

    private static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }

    /**
     * A request of an excluded pair is never met, and one listed twice with different priorities counts once, at
     * the higher: both are accepted as the event document allows them, but said, since the organizer most likely
     * did not mean it.
     */
    private void warnAboutRequestsThatCannotCount() {
        String where = sheets.containsKey("requests") ? sheets.get("requests").where() : "requests";
        Map<String, RequestRow> first = new HashMap<>();
        for (RequestRow request : requestRows) {
            Integer excluded = exclusionRows.get(pairKey(request.from(), request.to()));
            if (excluded != null) {
                problems.warn(where + " row " + request.row() + ": " + request.from() + " and " + request.to()
                        + " are excluded from meeting (" + sheets.get("exclusions").where() + " row " + excluded
                        + "); the request will not be met");
            }
            RequestRow earlier = first.putIfAbsent(request.from() + " " + request.to(), request);
            if (earlier != null && earlier.priority() != request.priority()) {
                Priority higher = earlier.priority().compareTo(request.priority()) <= 0 ? earlier.priority()
                        : request.priority();
                problems.warn(where + " row " + request.row() + ": " + request.from() + " asks " + request.to()
                        + " again, as " + request.priority().code() + " (row " + earlier.row() + ": "
                        + earlier.priority().code() + "); the request counts once, as " + higher.code());
            }
        }
    }

    private JsonArrayBuilder exclusions() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        Rows rows = rows("exclusions", EXCLUSIONS);
        if (rows == null || !required(rows, "participant", "counterpart")) {
            return array;
        }
        int index = 0;
        for (Rows.Row row : rows.rows()) {
            String path = "exclusions[" + index++ + "]";
            places.put(path, row.place());
            JsonArrayBuilder pair = pair(row, "participant", "counterpart", path);
            String a = participants.resolve(row.cell("participant"), new Problems());
            String b = participants.resolve(row.cell("counterpart"), new Problems());
            if (a != null && b != null) {
                exclusionRows.putIfAbsent(pairKey(a, b), row.number());
            }
            JsonObjectBuilder json = JSON.createObjectBuilder().add("participants", pair);
            if (!row.get("reason").isEmpty()) {
                json.add("reason", row.get("reason"));
            }
            array.add(json);
        }
        return array;
    }

    private JsonArrayBuilder pair(Rows.Row row, String first, String second, String path) {
        String a = participants.resolve(row.cell(first), problems);
        String b = participants.resolve(row.cell(second), problems);
        if (a != null && a.equals(b)) {
            problems.error(row.place() + ": " + Text.quoted(a) + " is paired with itself; expected two different"
                    + " participants");
        }
        places.put(path + ".participants", row.place());
        return JSON.createArrayBuilder().add(a == null ? "?" : a).add(b == null ? "?" : b);
    }

    // ---------------------------------------------------------------- the JSON reader's errors, worded for sheets

    /**
     * The JSON reader names a JSON path ({@code participants[3].minMeetings}); the organizer needs the row and the
     * column. Falls back to the reader's message when the path was not recorded.
     */
    private String translate(InputException e) {
        String message = e.getMessage();
        String prefix = book.source() + ": ";
        if (!message.startsWith(prefix)) {
            return message;
        }
        String text = translated(message.substring(prefix.length()));
        return text != null ? text : message;
    }

    /** {@code rest}, a sentence that starts with a JSON path, with the row and column in its place; null if unknown. */
    private String translated(String rest) {
        Matcher m = PATH.matcher(rest);
        if (!m.lookingAt()) {
            return null;
        }
        String path = m.group();
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            String place = places.get(p);
            if (place != null) {
                String relative = path.substring(p.length()).replaceFirst("^\\.", "");
                String text = (relative + rest.substring(m.end())).strip();
                text = text.startsWith(":") ? text.substring(1).strip() : text;
                text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
                Matcher value = READER_VALUE.matcher(text);
                if (value.lookingAt()) { // the reader's "(\"17:00\") is not after ..." as a sheet says it
                    String shown = value.group(1).startsWith("\"") ? value.group(1) : "\"" + value.group(1) + "\"";
                    text = shown + text.substring(value.end(1) + 1);
                }
                return place + ": " + mentions(text);
            }
        }
        return null;
    }

    /** The value the JSON reader puts in parentheses after a path: {@code ("17:00")} or {@code (0)}. */
    private static final Pattern READER_VALUE = Pattern.compile("\\((\"[^\"]*\"|-?[0-9.]+(?:E[+-]?[0-9]+)?)\\)(?= )");

    /** Other records the reader's message names by path ("starts before event.sessions[0]"), named by row. */
    private String mentions(String text) {
        Matcher m = PATH.matcher(text);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String place = places.get(m.group());
            m.appendReplacement(result, Matcher.quoteReplacement(place != null && m.group().contains("[")
                    ? place : m.group()));
        }
        m.appendTail(result);
        return result.toString();
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
