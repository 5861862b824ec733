package org.b2g.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
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

    /** The fields this reader maps, in the order docs/formats.md lists them; any other parameter is skipped. */
    static final List<String> FIELDS = List.of("nBusiness", "nMeetings", "nTables", "nTotalSlots", "nMorningSlots",
            "requested", "meetingsxBusiness", "nMeetingsBusiness", "forbidden", "fixed", "precedences");
    /** How deep array1d/array2d calls may nest: Java's stack, not the file, would otherwise set the limit. */
    static final int MAX_NESTING = 16;
    /** The most numbers one file may hold, ranges expanded: a few ranges of a million must not exhaust the memory. */
    static final int MAX_VALUES = 2_000_000;

    private final String source;
    private final Map<String, Value> fields = new HashMap<>();
    /**
     * Where each item of an array stands (line and column), by the array: errors about one meeting or participant
     * point at its row or set, not at the field's name hundreds of lines above.
     */
    private final Map<List<?>, List<int[]>> places = new IdentityHashMap<>();

    private DznReader(String source) {
        this.source = source;
    }

    /** The event's id is the file name without {@code .dzn}, e.g. {@code forum-13.original}. */
    public static Event read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String id = name.toLowerCase(Locale.ROOT).endsWith(".dzn") ? name.substring(0, name.length() - 4)
                : name;
        return read(EventFiles.readText(file), file.toString(), id);
    }

    /** @param source the file name used in error messages, and the event's id */
    public static Event read(String text, String source) {
        return read(text, source, source);
    }

    private static Event read(String text, String source, String eventId) {
        if (text.isBlank()) {
            throw new InputException(source + ": is empty; expected the MiniZinc data of a B2B benchmark instance,"
                    + " such as 'nBusiness = 3;'.");
        }
        if (text.strip().startsWith("{")) {
            throw new InputException(source + ": holds JSON, not MiniZinc data; expected the data of a B2B benchmark"
                    + " instance (an event in JSON is read from a file whose name ends in .json).");
        }
        DznReader reader = new DznReader(source);
        reader.parse(text);
        return reader.toEvent(eventId);
    }

    // ---------------------------------------------------------------- parsing

    /**
     * A parsed right-hand side and where its field's name stands. {@code data} is an Integer, a Set of Integers, or a
     * List of those or of Lists; null for a parameter this reader does not use (its value is skipped).
     */
    private record Value(Object data, int line, int column) {
    }

    private void parse(String text) {
        Lexer lexer = new Lexer(text, scalars(text));
        while (lexer.skipSpace()) {
            int line = lexer.line;
            int column = lexer.column();
            String name = lexer.identifier();
            lexer.expect('=', name);
            Object data = FIELDS.contains(name) ? lexer.value(name, 0) : lexer.skipValue(name);
            if (lexer.skipSpace()) { // MiniZinc allows the last item without its ';'
                lexer.expect(';', name);
            }
            Value earlier = fields.put(name, new Value(data, line, column));
            if (earlier != null) {
                throw new InputException(source + ":" + line + ":" + column + ": field '" + name + "' is assigned"
                        + " twice (also at " + earlier.line() + ":" + earlier.column() + "); expected it once.");
            }
        }
    }

    /**
     * The parameters the file sets to a whole number or to another such parameter ({@code nMorningSlots =
     * nTotalSlots;}), by name: MiniZinc lets a value name them, as in {@code array2d(1..nMeetings, 1..3, [...])},
     * whatever the order of the items. A first pass over the text; what it cannot read, the second pass reports.
     */
    private Map<String, Integer> scalars(String text) {
        Map<String, Object> written = new HashMap<>();
        Lexer lexer = new Lexer(text, Map.of());
        try {
            while (lexer.skipSpace()) {
                String name = lexer.identifier();
                lexer.expect('=', name);
                Object scalar = lexer.scalar();
                if (scalar == null) {
                    lexer.skipValue(name);
                } else {
                    written.putIfAbsent(name, scalar);
                }
                if (lexer.skipSpace()) {
                    lexer.expect(';', name);
                }
            }
        } catch (InputException e) {
            // the second pass says what is wrong, and where
        }
        Map<String, Integer> scalars = new HashMap<>();
        for (String name : written.keySet()) {
            Object value = written.get(name);
            for (int step = 0; value instanceof String other && step < written.size(); step++) {
                value = written.get(other); // another parameter; a cycle or an unknown name stays unresolved
            }
            if (value instanceof Integer n) {
                scalars.put(name, n);
            }
        }
        return scalars;
    }

    private final class Lexer {
        private final String text;
        /** Parameters set to a whole number, which a value may name instead of writing the number. */
        private final Map<String, Integer> scalars;
        private int pos;
        private int line = 1;
        private int lineStart;
        /** Numbers read so far, ranges expanded (see {@link #MAX_VALUES}). */
        private long values;

        Lexer(String text, Map<String, Integer> scalars) {
            this.text = text;
            this.scalars = scalars;
        }

        int column() {
            return pos - lineStart + 1;
        }

        /** Skips blanks and % comments; false at the end of the text. */
        boolean skipSpace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    newline(pos);
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
                    for (int i = pos; i < end; i++) {
                        if (text.charAt(i) == '\n') {
                            newline(i);
                        }
                    }
                    pos = end + 2;
                } else {
                    return true;
                }
            }
            return false;
        }

        private void newline(int at) {
            line++;
            lineStart = at + 1;
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

        /**
         * A value of one of the fields this reader maps: a number, a set, an array {@code [...]} of those, a 2-d
         * array {@code [| ... |]}, or {@code array1d}/{@code array2d} of them.
         *
         * @param depth how many array1d/array2d calls this value is nested in
         */
        Object value(String field, int depth) {
            if (!skipSpace()) {
                throw error("field '" + field + "' is truncated: the file ends before its value");
            }
            char c = text.charAt(pos);
            if (text.startsWith("array", pos)) {
                return arrayCall(field, depth);
            }
            if (c == '[') {
                pos++;
                if (peek('|')) {
                    return rows(field);
                }
                List<Object> items = new ArrayList<>();
                List<int[]> at = new ArrayList<>();
                places.put(items, at);
                if (peek(']')) {
                    pos++;
                    return items;
                }
                while (true) {
                    skipSpace();
                    at.add(new int[] {line, column()});
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

        /**
         * Passes over the value of a parameter this reader does not use, whatever MiniZinc expression it is (a
         * string, a float, a boolean, an array of them, a call): up to the {@code ;} that ends the item.
         *
         * @return null: nothing of it is kept
         */
        Object skipValue(String field) {
            int depth = 0;
            int opened = -1;
            while (skipSpace()) {
                char c = text.charAt(pos);
                if (c == '"') {
                    skipString(field);
                    continue;
                }
                if (c == ';' && depth == 0) {
                    return null;
                }
                if (depth == 0 && Character.isLetter(c)) {
                    int at = pos;
                    String name = identifier();
                    if (skipSpace() && text.charAt(pos) == '=' && !text.startsWith("==", pos)) {
                        pos = at;
                        throw error("field '" + field + "': expected ';' but found '" + name + " ='");
                    }
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    opened = depth == 0 ? pos : opened;
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        throw error("field '" + field + "': '" + c + "' closes nothing that was opened");
                    }
                    depth--;
                }
                pos++;
            }
            if (depth > 0) {
                rewind(opened);
                throw error("field '" + field + "' is truncated: the '" + text.charAt(opened) + "' here is not closed"
                        + " before the file ends");
            }
            return null;
        }

        /** Goes back to {@code at}, an earlier position, recounting lines: errors then point there. */
        private void rewind(int at) {
            pos = 0;
            line = 1;
            lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    newline(i);
                }
            }
            pos = at;
        }

        private void skipString(String field) {
            int start = pos++;
            while (pos < text.length() && text.charAt(pos) != '"') {
                char c = text.charAt(pos);
                if (c == '\n' || c == '\r') {
                    pos = start;
                    throw error("field '" + field + "': a string is not closed on its line");
                }
                pos += c == '\\' ? 2 : 1;
            }
            if (pos >= text.length()) {
                pos = start;
                throw error("field '" + field + "': a string is not closed on its line");
            }
            pos++;
        }

        /**
         * First pass only: the value when it is a whole number or a parameter's name (a String) and the item ends
         * there; else null, with nothing consumed.
         */
        Object scalar() {
            int start = pos;
            int startLine = line;
            int startOfLine = lineStart;
            Object scalar = null;
            if (skipSpace()) {
                char c = text.charAt(pos);
                if (Character.isLetter(c) && !text.startsWith("array", pos)) {
                    scalar = identifier();
                } else if (c == '+' || c == '-' || Character.isDigit(c)) {
                    try {
                        scalar = integer("");
                    } catch (InputException e) {
                        scalar = null;
                    }
                }
            }
            if (scalar != null && (!skipSpace() || text.charAt(pos) == ';')) {
                return scalar;
            }
            pos = start;
            line = startLine;
            lineStart = startOfLine;
            return null;
        }

        /** A number, a set {@code {1, 2}} or a range {@code 1..3} (a set too; empty when it runs backwards). */
        private Object element(String field) {
            if (peek('{')) {
                return set(field);
            }
            skipSpace();
            int start = pos;
            int first = integer(field);
            if (!skipSpace() || !text.startsWith("..", pos)) {
                count(1, field);
                return first;
            }
            pos += 2;
            int last = integer(field);
            long size = Math.max(0, (long) last - first + 1);
            if (size > MAX_RANGE) {
                rewind(start);
                throw error("field '" + field + "': the range " + first + ".." + last + " is too long; expected at"
                        + " most " + MAX_RANGE + " values");
            }
            if (values + size > MAX_VALUES) {
                rewind(start);
            }
            count(size, field);
            Set<Integer> range = new HashSet<>();
            for (long n = first; n <= last; n++) {
                range.add((int) n);
            }
            return range;
        }

        private void count(long more, String field) {
            values += more;
            if (values > MAX_VALUES) {
                throw error("field '" + field + "': the file holds more than " + MAX_VALUES + " numbers (ranges"
                        + " counted in full); expected a benchmark instance, which holds a few thousand");
            }
        }

        /**
         * {@code array1d(1..n, [...])} and {@code array2d(1..n, 1..3, [...])}, MiniZinc's other way to write an
         * array: the index sets are checked against the number of values; a 2-d array becomes its rows.
         */
        private Object arrayCall(String field, int depth) {
            if (depth >= MAX_NESTING) {
                throw error("field '" + field + "': array1d/array2d calls are nested more than " + MAX_NESTING
                        + " deep; expected a value written with one or two");
            }
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
            int atColumn = column();
            Object values = value(field, depth + 1);
            expect(')', field);
            if (!(values instanceof List<?> flat) || (!flat.isEmpty() && flat.get(0) instanceof List<?>)) {
                throw error("field '" + field + "': " + function + " expects a flat array [...] as its last argument");
            }
            long expected = dimensions == 1 ? sizes[0] : (long) sizes[0] * sizes[1];
            if (flat.size() != expected) {
                throw new InputException(source + ":" + at + ":" + atColumn + ": field '" + field + "': " + function
                        + " has " + flat.size() + " values but its index sets hold " + expected + ".");
            }
            if (dimensions == 1) {
                return flat;
            }
            List<List<Object>> rows = new ArrayList<>();
            List<int[]> flatAt = places.getOrDefault(flat, List.of());
            List<int[]> rowAt = new ArrayList<>();
            for (int r = 0; r < sizes[0]; r++) {
                rows.add(new ArrayList<>(flat.subList(r * sizes[1], (r + 1) * sizes[1])));
                if (r * sizes[1] < flatAt.size()) {
                    rowAt.add(flatAt.get(r * sizes[1]));
                }
            }
            places.put(rows, rowAt);
            return rows;
        }

        /** {@code [| a, b, c, | d, e, f |]} as a list of rows. */
        private List<List<Integer>> rows(String field) {
            List<List<Integer>> rows = new ArrayList<>();
            List<int[]> at = new ArrayList<>();
            places.put(rows, at);
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
                    if (row.isEmpty()) {
                        at.add(new int[] {line, column()});
                    }
                    row.add(integer(field));
                    count(1, field);
                }
            }
        }

        /** {@code {1, 2}}, with or without a comma after the last item, as MiniZinc allows. */
        private Set<Integer> set(String field) {
            expect('{', field);
            Set<Integer> items = new HashSet<>();
            if (peek('}')) {
                pos++;
                return items;
            }
            while (true) {
                items.add(integer(field));
                count(1, field);
                if (peek(',')) {
                    pos++;
                    if (peek('}')) {
                        pos++;
                        return items;
                    }
                } else {
                    expect('}', field);
                    return items;
                }
            }
        }

        /**
         * A whole number as MiniZinc writes it: decimal, {@code 0x1F} or {@code 0o17}, with a sign that may stand
         * apart ({@code - 1}, {@code +2}); or the name of a parameter the file sets to one.
         */
        private int integer(String field) {
            if (!skipSpace()) {
                throw error("field '" + field + "' is truncated: expected a number but the file ends");
            }
            int start = pos;
            boolean negative = false;
            char sign = text.charAt(pos);
            if (sign == '+' || sign == '-') {
                negative = sign == '-';
                pos++;
                if (!skipSpace()) {
                    throw error("field '" + field + "' is truncated: expected a number but the file ends");
                }
            }
            if (Character.isLetter(text.charAt(pos))) {
                long named = negative ? -(long) reference(field, start) : reference(field, start);
                if (named > Integer.MAX_VALUE) {
                    String written = text.substring(start, pos);
                    pos = start;
                    throw error("field '" + field + "': " + written + " is " + named + ", too large; expected at most "
                            + Integer.MAX_VALUE);
                }
                return (int) named;
            }
            int radix = 10;
            if (text.startsWith("0x", pos) || text.startsWith("0o", pos)) {
                radix = text.charAt(pos + 1) == 'x' ? 16 : 8;
                pos += 2;
            }
            int digitsStart = pos;
            while (pos < text.length() && Character.digit(text.charAt(pos), radix) >= 0) {
                pos++;
            }
            String digits = text.substring(digitsStart, pos);
            if (digits.isEmpty()) {
                pos = start;
                throw error("field '" + field + "': expected a number but found '" + peekText() + "'");
            }
            if (radix == 10 && pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E'
                    || text.charAt(pos) == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
                int end = pos;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
                        || text.charAt(end) == '+' || text.charAt(end) == '-')) {
                    end++;
                }
                String written = text.substring(start, end);
                pos = start;
                throw error("field '" + field + "': " + written + " is not a whole number; expected one such as "
                        + digits);
            }
            java.math.BigInteger n = new java.math.BigInteger(digits, radix);
            if (negative) {
                n = n.negate();
            }
            if (n.bitLength() > 31) {
                String written = text.substring(start, pos);
                pos = start;
                throw error("field '" + field + "': the number " + written + " is too large; expected at most "
                        + Integer.MAX_VALUE);
            }
            return n.intValue();
        }

        /** The value of the parameter named at {@code pos}, which the file must set to a whole number. */
        private int reference(String field, int start) {
            int at = pos;
            String name = identifier();
            if (skipSpace() && text.charAt(pos) == '=' && !text.startsWith("==", pos)) {
                pos = at;
                throw error("field '" + field + "' is cut short: the next field, '" + name + "', starts here before"
                        + " its value ends");
            }
            Integer value = scalars.get(name);
            if (value == null) {
                pos = start;
                throw error("field '" + field + "': expected a number but found '" + name + "', which is neither a"
                        + " number nor a parameter this file sets to one");
            }
            return value;
        }

        /** The next few characters of the line, control characters written as {@code \\u0000}: shown raw, they hide. */
        private String peekText() {
            int end = Math.min(text.length(), pos + 12);
            String s = text.substring(pos, end);
            int newline = s.indexOf('\n');
            StringBuilder shown = new StringBuilder();
            for (char c : (newline >= 0 ? s.substring(0, newline) : s).toCharArray()) {
                shown.append(Character.isISOControl(c) && c != '\t' ? String.format("\\u%04x", (int) c) : c);
            }
            return shown.toString();
        }

        private InputException error(String message) {
            return new InputException(source + ":" + line + ":" + column() + ": " + message + ".");
        }
    }

    // ---------------------------------------------------------------- mapping

    private Event toEvent(String eventId) {
        checkNoMisspeltField();
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
                        throw at("forbidden", p - 1, "'forbidden' of participant " + p + " holds slot (" + slot
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
                throw at("requested", m - 1, "row " + m + " of 'requested' has " + row.size()
                        + " values; expected 3 (participant, participant, session)");
            }
            int a = row.get(0);
            int b = row.get(1);
            int session = row.get(2);
            for (int p : new int[] {a, b}) {
                if (p < 1 || p > nBusiness) {
                    throw at("requested", m - 1, "field 'requested': meeting " + m + " names participant (" + p
                            + "), outside 1.." + nBusiness);
                }
            }
            if (a == b) {
                throw at("requested", m - 1, "field 'requested': meeting " + m + " is a meeting of participant " + a
                        + " with itself");
            }
            if (session < 1 || session > 3) {
                throw at("requested", m - 1, "field 'requested': meeting " + m + " has session (" + session
                        + "); expected 1 (morning), 2 (afternoon) or 3 (either)");
            }
            if (session == 2 && nMorningSlots == nTotalSlots) {
                throw at("requested", m - 1, "field 'requested': meeting " + m + " asks for the afternoon (2) but"
                        + " there is no afternoon: nMorningSlots = nTotalSlots = " + nTotalSlots);
            }
            meetingsOf[a]++;
            meetingsOf[b]++;
            int fixedSlot = fixed == null ? 0 : fixed.get(m - 1);
            if (fixedSlot < 0 || fixedSlot > nTotalSlots) {
                throw at("fixed", m - 1, "field 'fixed': meeting " + m + " is fixed to slot (" + fixedSlot
                        + "), outside 0.." + nTotalSlots);
            }
            List<String> after = new ArrayList<>();
            if (precedences != null) {
                for (int earlier : precedences.get(m - 1)) {
                    if (earlier < 1 || earlier > nMeetings || earlier == m) {
                        throw at("precedences", m - 1, "field 'precedences': meeting " + m + " must follow meeting ("
                                + earlier + "); expected another meeting in 1.." + nMeetings);
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
                    throw at("nMeetingsBusiness", p - 1, "'nMeetingsBusiness' gives participant " + p + " "
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
                throw at("meetingsxBusiness", p - 1, "'meetingsxBusiness' gives participant " + p + " meetings "
                        + listed + " but 'requested' gives it " + fromRequested.get(p - 1));
            }
        }
    }

    /**
     * Parameters this reader does not use are skipped, so a misspelt field ({@code forbiden}) would silently drop
     * what it holds: a name within a letter or two of a field the file does not give is refused.
     */
    private void checkNoMisspeltField() {
        for (String known : FIELDS) {
            if (fields.containsKey(known)) {
                continue;
            }
            for (Map.Entry<String, Value> other : fields.entrySet()) {
                String name = other.getKey();
                if (!FIELDS.contains(name) && looksLike(name, known)) {
                    throw at(name, "field '" + name + "' is not one of the format's and its field '" + known + "' is"
                            + " missing; expected '" + known + "' (a misspelt field would be ignored)");
                }
            }
        }
    }

    /** The same name but for case, or one or two letters (one for short names) added, dropped or changed. */
    static boolean looksLike(String name, String field) {
        String a = name.toLowerCase(Locale.ROOT);
        String b = field.toLowerCase(Locale.ROOT);
        int allowed = b.length() <= 5 ? 1 : 2;
        if (Math.abs(a.length() - b.length()) > allowed) {
            return false;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= allowed;
    }

    private Value field(String name) {
        Value value = fields.get(name);
        if (value == null) {
            throw new InputException(source + ": field '" + name + "' is missing; expected '" + name + " = ...;'.");
        }
        return value;
    }

    private int number(String name) {
        Value value = field(name);
        if (!(value.data() instanceof Integer n)) {
            throw at(name, "field '" + name + "' should be a whole number such as '" + name + " = 3;'");
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

    /** An error about item {@code index} of array {@code name}, placed where that item stands when known. */
    private InputException at(String name, int index, String message) {
        Value value = fields.get(name);
        List<int[]> at = value != null && value.data() instanceof List<?> list ? places.get(list) : null;
        if (at == null || index >= at.size()) {
            return at(name, message);
        }
        return new InputException(source + ":" + at.get(index)[0] + ":" + at.get(index)[1] + ": " + message + ".");
    }

    private InputException at(String name, String message) {
        Value value = fields.get(name);
        String where = value == null ? source : source + ":" + value.line() + ":" + value.column();
        return new InputException(where + ": " + message + ".");
    }
}
