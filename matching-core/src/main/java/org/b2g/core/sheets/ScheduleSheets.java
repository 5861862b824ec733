package org.b2g.core.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Seating;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleJson;

/**
 * A {@code b2g-schedule/1} as the sheets people print, filter and hand out: {@code meetings} (one row per
 * meeting), {@code agendas} (one block per participant, in time order, as the desk prints them), {@code grid}
 * (tables by slots, as the console shows it) and {@code unscheduled} (the candidates left out and why). Times are
 * the event's local clock time. The {@code seat} column names the representative of the side that sits who holds
 * the meeting ("a-dic representative 2"), when that side sends more than one: the schedule's {@code seat}.
 */
public final class ScheduleSheets {

    static final List<String> MEETINGS = List.of("slot", "day", "start", "end", "table", "seat", "participant",
            "participant name", "counterpart", "counterpart name", "origin", "relevance", "reasons");
    static final List<String> AGENDAS = List.of("participant", "participant name", "slot", "day", "start", "end",
            "table", "seat", "counterpart", "counterpart name", "origin");
    static final List<String> UNSCHEDULED = List.of("participant", "participant name", "counterpart",
            "counterpart name", "origin", "reason");

    private final Event event;
    private final List<Placed> meetings = new ArrayList<>();
    private final List<Left> unscheduled = new ArrayList<>();
    /** Meetings whose time is another slot number in the event than the one the schedule gives (sessions edited). */
    private int renumbered;
    private String score;

    private record Placed(Slot slot, Table table, Seating.Seat seat, Participant first, Participant second,
            String origin, Double relevance, List<String> reasons) {
    }

    private record Left(Participant first, Participant second, String origin, String reason) {
    }

    private ScheduleSheets(Event event) {
        this.event = event;
    }

    /**
     * Each meeting goes to the event's slot at the clock time the schedule gives it, as a repair finds it (see
     * {@link ScheduleFile#readsWallClock}): after the sessions were edited (one starting later, one added before) the
     * schedule's slot number stands for another time. By number when the schedule or the event has no clock times.
     *
     * @param json a {@code b2g-schedule/1} document of {@code event}
     * @param source the name used in messages
     * @throws InputException when the document is not a schedule of this event, or a meeting's time is no slot of it
     */
    public static ScheduleSheets of(Event event, String json, String source) {
        ScheduleFile file = ScheduleJson.read(json, source);
        if (!file.event().equals(event.id())) {
            throw new InputException(source + ": is a schedule of event \"" + file.event() + "\", not of \""
                    + event.id() + "\"; expected the event the schedule was made for.");
        }
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        } catch (JsonException e) {
            throw new InputException(source + ": malformed JSON (" + e.getMessage() + ").", e);
        }
        ScheduleSheets sheets = new ScheduleSheets(event);
        sheets.score = file.score();
        JsonArray placed = root.getJsonArray("meetings");
        boolean wallClock = file.readsWallClock(event);
        for (int i = 0; i < placed.size(); i++) {
            JsonObject m = placed.getJsonObject(i);
            String where = source + ": meetings[" + i + "]";
            ScheduleFile.Placement placement = file.meetings().get(i);
            Slot slot = placement.slotIn(event, wallClock);
            if (slot == null) {
                throw new InputException(noSlot(event, placement, where));
            }
            if (slot.index() != placement.slot()) {
                sheets.renumbered++;
            }
            Table table = null;
            if (m.containsKey("table") && m.get("table") instanceof JsonString t) {
                table = event.table(t.getString());
                if (table == null) {
                    throw new InputException(where + ".table: unknown table \"" + t.getString() + "\".");
                }
            }
            JsonArray pair = m.getJsonArray("participants");
            List<String> reasons = new ArrayList<>();
            if (m.get("reasons") instanceof JsonArray list) {
                for (JsonValue reason : list) {
                    if (reason instanceof JsonString text) {
                        reasons.add(text.getString());
                    }
                }
            }
            Double relevance = m.get("relevance") instanceof JsonNumber n ? n.doubleValue() : null;
            Participant first = sheets.participant(pair, 0, where);
            Participant second = sheets.participant(pair, 1, where);
            sheets.meetings.add(new Placed(slot, table, seat(m, first, second, where), first, second,
                    text(m, "origin"), relevance, reasons));
        }
        if (root.get("unscheduled") instanceof JsonArray left) {
            for (int i = 0; i < left.size(); i++) {
                JsonObject m = left.getJsonObject(i);
                String where = source + ": unscheduled[" + i + "]";
                JsonArray pair = m.getJsonArray("participants");
                sheets.unscheduled.add(new Left(sheets.participant(pair, 0, where), sheets.participant(pair, 1, where),
                        text(m, "origin"), text(m, "reason")));
            }
        }
        sheets.meetings.sort(Comparator.comparingInt((Placed p) -> p.slot().index())
                .thenComparingInt(p -> p.table() == null ? Integer.MAX_VALUE : p.table().index()));
        return sheets;
    }

    /**
     * Why a meeting has no slot in {@code event}: its time is none of the event's slots (its sessions changed since the
     * schedule was made), or, for a schedule or event without clock times, its number is beyond the event's slots.
     */
    private static String noSlot(Event event, ScheduleFile.Placement placement, String where) {
        if (placement.start() == null || event.slotCount() == 0 || event.slot(1).start() == null) {
            return where + ".slot (" + placement.slot() + ") is outside 1.." + event.slotCount() + ".";
        }
        return where + " (" + placement.id() + ", " + placement.first() + " with " + placement.second() + ") is at "
                + placement.start() + " (slot " + placement.slot() + " in the schedule), and event " + event.id()
                + " has no slot then; expected the start of one of its slots, which run " + slotTimes(event)
                + ". The event's sessions have changed since the schedule was made: repair the schedule against the"
                + " event as it is now and export the repaired one.";
    }

    /** The event's slots as runs of clock time, each day named once: {@code 2024-10-10 08:50-09:50, 13:30-14:30}. */
    private static String slotTimes(Event event) {
        List<Slot[]> runs = new ArrayList<>(); // first and last slot of each run
        for (Slot slot : event.slots()) {
            Slot[] run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (slot.start() == null) {
                continue;
            }
            if (run != null && slot.start().equals(run[1].end())) {
                run[1] = slot;
            } else {
                runs.add(new Slot[] {slot, slot});
            }
        }
        StringBuilder text = new StringBuilder();
        LocalDate day = null;
        for (Slot[] run : runs) {
            LocalDate on = run[0].start().toLocalDate();
            text.append(day == null ? "" : on.equals(day) ? ", " : "; ").append(on.equals(day) ? "" : on + " ")
                    .append(run[0].start().toLocalTime()).append('-').append(run[1].end().toLocalTime());
            day = on;
        }
        return text.toString();
    }

    /** The meeting's {@code seat}, or null when both sides walk; its participant must be one of the two. */
    private static Seating.Seat seat(JsonObject meeting, Participant first, Participant second, String where) {
        if (!(meeting.get("seat") instanceof JsonObject seat)) {
            return null;
        }
        String host = text(seat, "participant");
        Participant sits = first.id().equals(host) ? first : second.id().equals(host) ? second : null;
        if (sits == null) {
            throw new InputException(where + ".seat.participant (" + host + ") is neither " + first.id() + " nor "
                    + second.id() + "; expected the participant of the meeting that sits.");
        }
        if (!(seat.get("number") instanceof JsonNumber number) || !(seat.get("representatives")
                instanceof JsonNumber representatives) || number.intValue() < 1
                || number.intValue() > representatives.intValue()) {
            throw new InputException(where + ".seat: expected a number from 1 to representatives, e.g. "
                    + "{\"participant\": \"" + host + "\", \"number\": 1, \"representatives\": 2}.");
        }
        return new Seating.Seat(sits, number.intValue(), representatives.intValue());
    }

    private Participant participant(JsonArray pair, int index, String where) {
        if (pair == null || pair.size() != 2 || !(pair.get(index) instanceof JsonString id)) {
            throw new InputException(where + ".participants: expected the ids of two participants.");
        }
        Participant p = event.participant(id.getString());
        if (p == null) {
            throw new InputException(where + ".participants[" + index + "]: unknown participant \"" + id.getString()
                    + "\" (not in event " + event.id() + ").");
        }
        return p;
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** The four sheets as an {@code .xlsx} workbook. */
    public void writeXlsx(OutputStream out) throws IOException {
        Workbooks.writeXlsx(List.of(meetings(), agendas(), grid(), unscheduled()), out);
    }

    /** The {@code meetings} sheet as one CSV file, {@code ,}-separated. */
    public void writeCsv(Writer out) throws IOException {
        writeCsv(out, CsvSeparator.COMMA);
    }

    /** The {@code meetings} sheet as one CSV file. */
    public void writeCsv(Writer out, CsvSeparator separator) throws IOException {
        Workbooks.writeCsv(meetings(), out, true, separator);
    }

    /**
     * The four sheets as CSV files in {@code folder} (created when missing, in a folder that exists), which appears
     * whole or not at all: an earlier export there is replaced whole, and kept when writing fails; a folder holding
     * other files is refused.
     *
     * @throws InputException when {@code folder} is a file, a folder holding files other than an export's, or its
     *         parent folder does not exist
     */
    public void writeCsvFolder(Path folder) throws IOException {
        writeCsvFolder(folder, CsvSeparator.COMMA);
    }

    /** As {@link #writeCsvFolder(Path)}, each file separated by {@code separator}. */
    public void writeCsvFolder(Path folder, CsvSeparator separator) throws IOException {
        List<SheetData> sheets = List.of(meetings(), agendas(), grid(), unscheduled());
        Set<String> names = new HashSet<>();
        sheets.forEach(sheet -> names.add(sheet.name() + ".csv"));
        CsvFolder.write(folder, names, into -> {
            for (SheetData sheet : sheets) {
                Path file = into.resolve(sheet.name() + ".csv");
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    Workbooks.writeCsv(sheet, out, true, separator);
                }
            }
        });
    }

    public int meetingCount() {
        return meetings.size();
    }

    public int unscheduledCount() {
        return unscheduled.size();
    }

    /**
     * Meetings exported under another slot number than the schedule gives them: the event's sessions changed since
     * (a session added before theirs, one starting later), and each keeps its time, under the event's number for it.
     */
    public int renumberedCount() {
        return renumbered;
    }

    /** The schedule's score as written ("-1hard/0medium/-7soft"), or null when it gives none. */
    public String score() {
        return score;
    }

    SheetData meetings() {
        List<List<Object>> rows = new ArrayList<>(meetings.size());
        for (Placed m : meetings) {
            rows.add(withTableName(row(m.slot().index(), day(m.slot()), start(m.slot()), end(m.slot()),
                    tableId(m.table()), seatLabel(m.seat()), m.first().id(), m.first().name(), m.second().id(),
                    m.second().name(), m.origin(), m.relevance(),
                    m.reasons().isEmpty() ? null : String.join("; ", m.reasons())), MEETINGS, m.table()));
        }
        return new SheetData("meetings", withTableName(MEETINGS, MEETINGS, "table name"), rows);
    }

    /**
     * The {@code table} column holds the table's id, as the schedule's {@code table} does (and as {@code fixedTable}
     * and {@code homeTable} take it); when the event names its tables, a {@code table name} column follows it, as
     * {@code participant name} follows {@code participant}.
     */
    private boolean tablesNamed() {
        return event.tables().stream().anyMatch(t -> t.name() != null && !t.name().isEmpty());
    }

    /** {@code cells} (a row or the headers) with {@code name} after the {@code table} column, if tables have names. */
    private <T> List<T> withTableName(List<T> cells, List<String> headers, T name) {
        if (!tablesNamed()) {
            return cells;
        }
        List<T> result = new ArrayList<>(cells);
        result.add(headers.indexOf("table") + 1, name);
        return result;
    }

    private List<Object> withTableName(List<Object> cells, List<String> headers, Table table) {
        return withTableName(cells, headers, (Object) (table == null ? null : table.name()));
    }

    SheetData agendas() {
        Map<String, List<Placed>> byParticipant = new HashMap<>();
        for (Placed m : meetings) {
            byParticipant.computeIfAbsent(m.first().id(), k -> new ArrayList<>()).add(m);
            byParticipant.computeIfAbsent(m.second().id(), k -> new ArrayList<>()).add(m);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Participant p : event.participants()) {
            if (!rows.isEmpty()) {
                rows.add(List.of());
            }
            List<Placed> own = byParticipant.getOrDefault(p.id(), List.of());
            if (own.isEmpty()) {
                rows.add(withTableName(row(p.id(), p.name(), null, null, null, null, null, null, null, "no meetings",
                        null), AGENDAS, (Table) null));
                continue;
            }
            for (Placed m : own) {
                Participant other = m.first() == p ? m.second() : m.first();
                rows.add(withTableName(row(p.id(), p.name(), m.slot().index(), day(m.slot()), start(m.slot()),
                        end(m.slot()), tableId(m.table()), seatLabel(m.seat()), other.id(), other.name(), m.origin()),
                        AGENDAS, m.table()));
            }
        }
        return new SheetData("agendas", withTableName(AGENDAS, AGENDAS, "table name"), rows);
    }

    SheetData grid() {
        List<String> headers = new ArrayList<>();
        headers.add("table");
        // As the console heads it: over several days, 08:30 of the first day and of the second need their day.
        boolean days = event.slots().stream().map(ScheduleSheets::day).filter(d -> d != null).distinct().count() > 1;
        for (Slot slot : event.slots()) {
            LocalTime start = start(slot);
            String day = days && day(slot) instanceof LocalDate date ? date.toString().substring(5) + " " : "";
            headers.add(start == null ? String.valueOf(slot.index())
                    : slot.index() + " (" + day + Workbooks.text(start) + ")");
        }
        Object[][] cells = new Object[event.tables().size()][event.slotCount() + 1];
        for (Table table : event.tables()) {
            cells[table.index()][0] = tableLabel(table);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Placed m : meetings) {
            if (m.table() != null) {
                cells[m.table().index()][m.slot().index()] = m.first().label() + " / " + m.second().label();
            }
        }
        for (Object[] row : cells) {
            rows.add(Arrays.asList(row));
        }
        return new SheetData("grid", headers, rows);
    }

    SheetData unscheduled() {
        List<List<Object>> rows = new ArrayList<>(unscheduled.size());
        for (Left m : unscheduled) {
            rows.add(row(m.first().id(), m.first().name(), m.second().id(), m.second().name(), m.origin(), m.reason()));
        }
        return new SheetData("unscheduled", UNSCHEDULED, rows);
    }

    private static Object day(Slot slot) {
        return slot.start() == null ? null : slot.start().toLocalDate();
    }

    private static LocalTime start(Slot slot) {
        return slot.start() == null ? null : slot.start().toLocalTime();
    }

    private static LocalTime end(Slot slot) {
        return slot.end() == null ? null : slot.end().toLocalTime();
    }

    private static String tableId(Table table) {
        return table == null ? null : table.id();
    }

    /** How the grid names a table's row: by its name when it has one, as the console shows it. */
    private static String tableLabel(Table table) {
        return table == null ? null : table.name() == null || table.name().isEmpty() ? table.id() : table.name();
    }

    /** "a-dic representative 2"; nothing when the side that sits sends one representative, or nobody sits. */
    private static String seatLabel(Seating.Seat seat) {
        return seat == null || seat.representatives() < 2 ? null
                : seat.host().id() + " representative " + seat.number();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
