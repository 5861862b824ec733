package org.b2g.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;

/**
 * Reads the B2B benchmark's MiniZinc data files ({@code .dzn}) as mapped in docs/formats.md: participants and meetings
 * "1".."n", one day, session {@code am} = slots 1..nMorningSlots and {@code pm} = the rest, tables "1".."nTables",
 * and a cap of breaks per participant (2 unless the caller says otherwise).
 */
public final class DznReader {

    static final int DEFAULT_MAX_BREAKS = 2;
    /** Upper bounds of the counts, as the JSON reader's: a typo of a few zeros must not exhaust the memory. */
    static final int MAX_BUSINESS = 100_000;
    static final int MAX_TABLES = 100_000;
    static final int MAX_SLOTS = 10_000;
    /** The longest range {@code a..b} a set may be written as. */
    static final int MAX_RANGE = 1_000_000;

    private final String source;
    private final Map<String, Value> fields = new HashMap<>();

    private DznReader(String source) {
        this.source = source;
    }

    /** The event's id is the file name without {@code .dzn}, e.g. {@code forum-13.original}. */
    public static Event read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String id = name.endsWith(".dzn") ? name.substring(0, name.length() - 4) : name;
        return read(EventFiles.readText(file), file.toString(), id);
    }

    /** @param source the file name used in error messages, and the event's id */
    public static Event read(String text, String source) {
        return read(text, source, source);
    }

    private static Event read(String text, String source, String eventId) {
        DznReader reader = new DznReader(source);
        reader.parse(text);
        return reader.toEvent(eventId);
    }

    // ---------------------------------------------------------------- parsing

    /** A parsed right-hand side and the line it started on. */
    private record Value(Object data, int line) {
    }

    private void parse(String text) {
        Lexer lexer = new Lexer(text);
        while (lexer.skipSpace()) {
            int line = lexer.line;
            String name = lexer.identifier();
            lexer.expect('=', name);
            Object data = lexer.value(name);
            if (lexer.skipSpace()) { // MiniZinc allows the last item without its ';'
                lexer.expect(';', name);
            }
            if (fields.put(name, new Value(data, line)) != null) {
                throw new InputException(source + ":" + line + ": field '" + name + "' is assigned twice.");
            }
        }
    }

    private final class Lexer {
        private final String text;
        private int pos;
        private int line = 1;

        Lexer(String text) {
            this.text = text;
        }

        /** Skips blanks and % comments; false at the end of the text. */
        boolean skipSpace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '%') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (text.startsWith("/*", pos)) {
                    int end = text.indexOf("*/", pos + 2);
                    if (end < 0) {
                        throw error("a comment opened with '/*' is never closed with '*/'");
                    }
                    line += (int) text.substring(pos, end).chars().filter(ch -> ch == '\n').count();
                    pos = end + 2;
                } else {
                    return true;
                }
            }
            return false;
        }

        String identifier() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a field name but found '" + peekText() + "'");
            }
            return text.substring(start, pos);
        }

        void expect(char c, String field) {
            if (!skipSpace()) {
                throw error("field '" + field + "' is truncated: expected '" + c + "' but the file ends");
            }
            if (text.charAt(pos) != c) {
                throw error("field '" + field + "': expected '" + c + "' but found '" + peekText() + "'");
            }
            pos++;
        }

        private boolean peek(char c) {
            return skipSpace() && text.charAt(pos) == c;
        }

        Object value(String field) {
            if (!skipSpace()) {
                throw error("field '" + field + "' is truncated: the file ends before its value");
            }
            char c = text.charAt(pos);
            if (text.startsWith("array", pos)) {
                return arrayCall(field);
            }
            if (c == '[') {
                pos++;
                if (peek('|')) {
                    return rows(field);
                }
                List<Object> items = new ArrayList<>();
                if (peek(']')) {
                    pos++;
                    return items;
                }
                while (true) {
                    items.add(element(field));
                    if (peek(',')) {
                        pos++;
                        if (peek(']')) {
                            pos++;
                            return items;
                        }
                    } else {
                        expect(']', field);
                        return items;
                    }
                }
            }
            return element(field);
        }

        /** A number, a set {@code {1, 2}} or a range {@code 1..3} (a set too; empty when it runs backwards). */
        private Object element(String field) {
            if (peek('{')) {
                return set(field);
            }
            int first = integer(field);
            if (!skipSpace() || !text.startsWith("..", pos)) {
                return first;
            }
            pos += 2;
            int last = integer(field);
            Set<Integer> range = new HashSet<>();
            for (long n = first; n <= last; n++) {
                if (range.size() >= MAX_RANGE) {
                    throw error("field '" + field + "': the range " + first + ".." + last + " is too long; expected at"
                            + " most " + MAX_RANGE + " values");
                }
                range.add((int) n);
            }
            return range;
        }

        /**
         * {@code array1d(1..n, [...])} and {@code array2d(1..n, 1..3, [...])}, MiniZinc's other way to write an
         * array: the index sets are checked against the number of values; a 2-d array becomes its rows.
         */
        private Object arrayCall(String field) {
            String function = identifier();
            int dimensions = switch (function) {
                case "array1d" -> 1;
                case "array2d" -> 2;
                default -> throw error("field '" + field + "': expected array1d(...) or array2d(...) but found '"
                        + function + "'");
            };
            expect('(', field);
            int[] sizes = new int[dimensions];
            for (int d = 0; d < dimensions; d++) {
                if (!(element(field) instanceof Set<?> index)) {
                    throw error("field '" + field + "': the index sets of " + function + " should be ranges such as"
                            + " 1..3");
                }
                sizes[d] = index.size();
                expect(',', field);
            }
            int at = line;
            Object values = value(field);
            expect(')', field);
            if (!(values instanceof List<?> flat) || (!flat.isEmpty() && flat.get(0) instanceof List<?>)) {
                throw error("field '" + field + "': " + function + " expects a flat array [...] as its last argument");
            }
            long expected = dimensions == 1 ? sizes[0] : (long) sizes[0] * sizes[1];
            if (flat.size() != expected) {
                throw new InputException(source + ":" + at + ": field '" + field + "': " + function + " has "
                        + flat.size() + " values but its index sets hold " + expected + ".");
            }
            if (dimensions == 1) {
                return flat;
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r < sizes[0]; r++) {
                rows.add(new ArrayList<>(flat.subList(r * sizes[1], (r + 1) * sizes[1])));
            }
            return rows;
        }

        /** {@code [| a, b, c, | d, e, f |]} as a list of rows. */
        private List<List<Integer>> rows(String field) {
            List<List<Integer>> rows = new ArrayList<>();
            pos++; // the first '|'
            List<Integer> row = new ArrayList<>();
            while (true) {
                if (!skipSpace()) {
                    throw error("field '" + field + "' is truncated: the file ends inside the array");
                }
                char c = text.charAt(pos);
                if (c == '|') {
                    pos++;
                    if (!row.isEmpty()) {
                        rows.add(row);
                        row = new ArrayList<>();
                    }
                    if (peek(']')) {
                        pos++;
                        return rows;
                    }
                } else if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    if (!row.isEmpty()) {
                        rows.add(row);
                    }
                    return rows;
                } else {
                    row.add(integer(field));
                }
            }
        }

        private Set<Integer> set(String field) {
            expect('{', field);
            Set<Integer> items = new HashSet<>();
            if (peek('}')) {
                pos++;
                return items;
            }
            while (true) {
                items.add(integer(field));
                if (peek(',')) {
                    pos++;
                } else {
                    expect('}', field);
                    return items;
                }
            }
        }

        private int integer(String field) {
            if (!skipSpace()) {
                throw error("field '" + field + "' is truncated: expected a number but the file ends");
            }
            int start = pos;
            if (text.charAt(pos) == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            String digits = text.substring(start, pos);
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                if (digits.length() > (digits.startsWith("-") ? 1 : 0)) {
                    throw error("field '" + field + "': the number " + digits + " is too large; expected at most "
                            + Integer.MAX_VALUE);
                }
                pos = start;
                throw error("field '" + field + "': expected a number but found '" + peekText() + "'");
            }
        }

        private String peekText() {
            int end = Math.min(text.length(), pos + 12);
            String s = text.substring(pos, end);
            int newline = s.indexOf('\n');
            return newline >= 0 ? s.substring(0, newline) : s;
        }

        private InputException error(String message) {
            return new InputException(source + ":" + line + ": " + message + ".");
        }
    }

    // ---------------------------------------------------------------- mapping

    private Event toEvent(String eventId) {
        int nBusiness = count("nBusiness", 1, MAX_BUSINESS);
        int nMeetings = count("nMeetings", 0, Integer.MAX_VALUE);
        int nTables = count("nTables", 1, MAX_TABLES);
        int nTotalSlots = count("nTotalSlots", 1, MAX_SLOTS);
        int nMorningSlots = fields.containsKey("nMorningSlots") ? number("nMorningSlots") : nTotalSlots;
        if (nMorningSlots < 1 || nMorningSlots > nTotalSlots) {
            throw at("nMorningSlots", "nMorningSlots (" + nMorningSlots + ") is outside 1.." + nTotalSlots);
        }

        List<List<Integer>> requested = rowsOf("requested");
        if (requested.size() != nMeetings) {
            throw at("requested", "'requested' has " + requested.size() + " rows but nMeetings is " + nMeetings);
        }
        List<Set<Integer>> forbidden = fields.containsKey("forbidden") ? setsOf("forbidden", nBusiness) : null;
        List<Integer> fixed = fields.containsKey("fixed") ? intsOf("fixed", nMeetings) : null;
        List<Set<Integer>> precedences = fields.containsKey("precedences") ? setsOf("precedences", nMeetings) : null;

        List<Session> sessions = new ArrayList<>();
        sessions.add(new Session("am", "1", null, null, nMorningSlots, 1));
        if (nMorningSlots < nTotalSlots) {
            sessions.add(new Session("pm", "1", null, null, nTotalSlots - nMorningSlots, nMorningSlots + 1));
        }
        List<Slot> slots = new ArrayList<>();
        for (int s = 1; s <= nTotalSlots; s++) {
            slots.add(new Slot(s, s <= nMorningSlots ? "am" : "pm", 0, null, null));
        }
        List<Table> tables = new ArrayList<>();
        for (int t = 1; t <= nTables; t++) {
            tables.add(new Table(String.valueOf(t), null, t - 1));
        }
        List<Participant> participants = new ArrayList<>();
        for (int p = 1; p <= nBusiness; p++) {
            Set<Integer> unavailable = new HashSet<>();
            if (forbidden != null) {
                for (int slot : forbidden.get(p - 1)) {
                    if (slot == 0) {
                        continue; // the format's dummy
                    }
                    if (slot < 1 || slot > nTotalSlots) {
                        throw at("forbidden", "'forbidden' of participant " + p + " holds slot (" + slot
                                + "), outside 1.." + nTotalSlots);
                    }
                    unavailable.add(slot);
                }
            }
            participants.add(Participant.company(String.valueOf(p), p - 1, unavailable));
        }

        int[] meetingsOf = new int[nBusiness + 1];
        List<RequiredMeeting> meetings = new ArrayList<>();
        for (int m = 1; m <= nMeetings; m++) {
            List<Integer> row = requested.get(m - 1);
            if (row.size() != 3) {
                throw at("requested", "row " + m + " of 'requested' has " + row.size()
                        + " values; expected 3 (participant, participant, session)");
            }
            int a = row.get(0);
            int b = row.get(1);
            int session = row.get(2);
            for (int p : new int[] {a, b}) {
                if (p < 1 || p > nBusiness) {
                    throw at("requested", "meeting " + m + " names participant (" + p + "), outside 1.." + nBusiness);
                }
            }
            if (a == b) {
                throw at("requested", "meeting " + m + " is a meeting of participant " + a + " with itself");
            }
            if (session < 1 || session > 3) {
                throw at("requested", "meeting " + m + " has session (" + session
                        + "); expected 1 (morning), 2 (afternoon) or 3 (either)");
            }
            if (session == 2 && nMorningSlots == nTotalSlots) {
                throw at("requested", "meeting " + m + " asks for the afternoon (2) but there is no afternoon: "
                        + "nMorningSlots = nTotalSlots = " + nTotalSlots);
            }
            meetingsOf[a]++;
            meetingsOf[b]++;
            int fixedSlot = fixed == null ? 0 : fixed.get(m - 1);
            if (fixedSlot < 0 || fixedSlot > nTotalSlots) {
                throw at("fixed", "meeting " + m + " is fixed to slot (" + fixedSlot + "), outside 0.." + nTotalSlots);
            }
            List<String> after = new ArrayList<>();
            if (precedences != null) {
                for (int earlier : precedences.get(m - 1)) {
                    if (earlier < 1 || earlier > nMeetings || earlier == m) {
                        throw at("precedences", "meeting " + m + " must follow meeting (" + earlier
                                + "); expected another meeting in 1.." + nMeetings);
                    }
                    after.add(String.valueOf(earlier));
                }
                after.sort(Comparator.comparingInt(Integer::parseInt));
            }
            String sessionId = session == 1 ? "am" : session == 2 ? "pm" : null;
            meetings.add(new RequiredMeeting(String.valueOf(m), String.valueOf(a), String.valueOf(b), sessionId,
                    fixedSlot, null, after));
        }
        if (fields.containsKey("nMeetingsBusiness")) {
            List<Integer> counts = intsOf("nMeetingsBusiness", nBusiness);
            for (int p = 1; p <= nBusiness; p++) {
                if (counts.get(p - 1) != meetingsOf[p]) {
                    throw at("nMeetingsBusiness", "'nMeetingsBusiness' gives participant " + p + " "
                            + counts.get(p - 1) + " meetings but 'requested' gives it " + meetingsOf[p]);
                }
            }
        }
        if (fields.containsKey("meetingsxBusiness")) {
            checkMeetingLists(setsOf("meetingsxBusiness", nBusiness), meetings);
        }
        return new Event(eventId, eventId, null, 0, sessions, slots, tables, participants, meetings,
                List.of(), List.of(), new Rules(DEFAULT_MAX_BREAKS, 0, 0.0));
    }

    /**
     * {@code meetingsxBusiness} repeats {@code requested} per participant (meeting ids shifted by +1, with a dummy
     * 1); a file where the two disagree was edited by hand or cut, and neither copy can be trusted.
     */
    private void checkMeetingLists(List<Set<Integer>> lists, List<RequiredMeeting> meetings) {
        List<Set<Integer>> fromRequested = new ArrayList<>();
        for (int p = 0; p < lists.size(); p++) {
            fromRequested.add(new TreeSet<>());
        }
        for (RequiredMeeting meeting : meetings) {
            int m = Integer.parseInt(meeting.id());
            fromRequested.get(Integer.parseInt(meeting.first()) - 1).add(m);
            fromRequested.get(Integer.parseInt(meeting.second()) - 1).add(m);
        }
        for (int p = 1; p <= lists.size(); p++) {
            Set<Integer> listed = new TreeSet<>();
            for (int shifted : lists.get(p - 1)) {
                if (shifted != 1) {
                    listed.add(shifted - 1);
                }
            }
            if (!listed.equals(fromRequested.get(p - 1))) {
                throw at("meetingsxBusiness", "'meetingsxBusiness' gives participant " + p + " meetings " + listed
                        + " but 'requested' gives it " + fromRequested.get(p - 1));
            }
        }
    }

    private Value field(String name) {
        Value value = fields.get(name);
        if (value == null) {
            throw new InputException(source + ": field '" + name + "' is missing.");
        }
        return value;
    }

    private int number(String name) {
        Value value = field(name);
        if (!(value.data() instanceof Integer n)) {
            throw at(name, "field '" + name + "' should be a number");
        }
        return n;
    }

    private int count(String name, int min, int max) {
        int n = number(name);
        if (n < min) {
            throw at(name, name + " (" + n + ") should be " + min + " or more");
        }
        if (n > max) {
            throw at(name, name + " (" + n + ") is outside " + min + ".." + max);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private List<List<Integer>> rowsOf(String name) {
        Value value = field(name);
        if (value.data() instanceof List<?> list && list.stream().allMatch(row -> row instanceof List<?> items
                && items.stream().allMatch(Integer.class::isInstance))) {
            return (List<List<Integer>>) list;
        }
        throw at(name, "field '" + name + "' should be a 2-d array [| ... |]");
    }

    @SuppressWarnings("unchecked")
    private List<Set<Integer>> setsOf(String name, int expected) {
        Value value = field(name);
        if (value.data() instanceof List<?> list && list.stream().allMatch(Set.class::isInstance)) {
            if (list.size() != expected) {
                throw at(name, "'" + name + "' has " + list.size() + " sets; expected " + expected);
            }
            return (List<Set<Integer>>) list;
        }
        throw at(name, "field '" + name + "' should be an array of sets [{...}, ...]");
    }

    @SuppressWarnings("unchecked")
    private List<Integer> intsOf(String name, int expected) {
        Value value = field(name);
        if (value.data() instanceof List<?> list && list.stream().allMatch(Integer.class::isInstance)) {
            if (list.size() != expected) {
                throw at(name, "'" + name + "' has " + list.size() + " values; expected " + expected);
            }
            return (List<Integer>) list;
        }
        throw at(name, "field '" + name + "' should be an array of numbers [...]");
    }

    private InputException at(String name, String message) {
        Value value = fields.get(name);
        String where = value == null ? source : source + ":" + value.line();
        return new InputException(where + ": " + message + ".");
    }
}
