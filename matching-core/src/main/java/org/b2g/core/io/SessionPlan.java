package org.b2g.core.io;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.b2g.core.domain.Session;
import org.b2g.core.domain.Slot;

/**
 * Turns the sessions of {@code b2g-event/1} into numbered slots: sessions sorted by day, then start, then list
 * order; slots numbered 1..T over them; one day index per distinct day, because breaks are counted per day.
 */
final class SessionPlan {

    /** A session as written, before numbering; {@code order} is its position in the list. */
    private record Spec(String id, LocalDate date, LocalTime start, int slotCount, int order, JsonNode node) {
        String day() {
            return date == null ? "1" : date.toString();
        }
    }

    private final List<Session> sessions = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private final boolean clockTimes;
    private final List<Spec> specs;
    private final int slotMinutes;

    private SessionPlan(List<Spec> specs, int slotMinutes) {
        this.clockTimes = specs.stream().anyMatch(s -> s.start() != null);
        this.specs = specs;
        this.slotMinutes = slotMinutes;
        List<Spec> sorted = new ArrayList<>(specs);
        sorted.sort(Comparator.comparing(Spec::date, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(Spec::start, Comparator.nullsFirst(Comparator.<LocalTime>naturalOrder()))
                .thenComparingInt(Spec::order));
        int dayIndex = -1;
        Spec previous = null;
        Spec lastTimed = null; // the session with clock times that ends last so far
        for (Spec spec : sorted) {
            boolean sameDay = previous != null && previous.day().equals(spec.day());
            if (!sameDay) {
                dayIndex++;
            }
            if (spec.start() != null) {
                // By date and time, not time of day: a session that runs past midnight may overlap the next day's
                LocalDateTime end = lastTimed == null ? null : end(lastTimed, slotMinutes);
                if (end != null && end.isAfter(LocalDateTime.of(spec.date(), spec.start()))) {
                    throw spec.node().fail(" (" + spec.id() + ", " + spec.start() + ") starts before "
                            + lastTimed.node().path() + " (" + lastTimed.id() + ") ends at "
                            + (end.toLocalDate().equals(spec.date()) && lastTimed.date().equals(spec.date())
                                    ? end.toLocalTime() : end)
                            + "; expected sessions " + (lastTimed.date().equals(spec.date()) ? "of one day " : "")
                            + "not to overlap");
                }
                if (lastTimed == null || end(spec, slotMinutes).isAfter(end(lastTimed, slotMinutes))) {
                    lastTimed = spec;
                }
            }
            int first = slots.size() + 1;
            sessions.add(new Session(spec.id(), spec.day(), spec.date(), spec.start(), spec.slotCount(), first));
            for (int k = 0; k < spec.slotCount(); k++) {
                LocalDateTime start = spec.start() == null ? null
                        : LocalDateTime.of(spec.date(), spec.start()).plusMinutes((long) k * slotMinutes);
                LocalDateTime end = start == null ? null : start.plusMinutes(slotMinutes);
                slots.add(new Slot(first + k, spec.id(), dayIndex, start, end));
            }
            previous = spec;
        }
    }

    private static LocalDateTime end(Spec spec, int slotMinutes) {
        return LocalDateTime.of(spec.date(), spec.start()).plusMinutes((long) spec.slotCount() * slotMinutes);
    }

    /**
     * Reads {@code event.sessions}. {@code slotMinutes} is 0 when the event does not give it, which is only
     * acceptable when no session needs it (no clock time, every session counted in {@code slots}).
     */
    static SessionPlan read(JsonNode sessionsNode, int slotMinutes, JsonNode slotMinutesNode) {
        List<JsonNode> items = sessionsNode.items();
        if (items.isEmpty()) {
            throw sessionsNode.fail(" is empty; expected at least one session");
        }
        Map<String, String> pathById = new HashMap<>();
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode node = items.get(i);
            node.object();
            JsonNode idNode = node.get("id");
            String id = idNode.string();
            String earlier = pathById.putIfAbsent(id, node.path());
            if (earlier != null) {
                throw idNode.fail(": duplicate session id \"" + id + "\" (also at " + earlier + ")");
            }
            LocalDate date = date(node.get("day"));
            LocalTime start = time(node.get("start"));
            if (start != null && date == null) {
                throw node.get("start").fail(" (\"" + start + "\") needs a day; expected \"day\": \"YYYY-MM-DD\""
                        + " next to it");
            }
            if ((start != null || node.get("end").present()) && slotMinutes == 0) {
                throw slotMinutesNode.fail(" is missing; expected the length of a slot in minutes, since "
                        + node.path() + " has clock times");
            }
            specs.add(new Spec(id, date, start, slotCount(node, start, slotMinutes), i, node));
        }
        return new SessionPlan(specs, slotMinutes);
    }

    private static int slotCount(JsonNode node, LocalTime start, int slotMinutes) {
        JsonNode endNode = node.get("end");
        JsonNode slotsNode = node.get("slots");
        if (endNode.present() && slotsNode.present()) {
            throw node.fail(" gives both end and slots; expected one of them");
        }
        if (slotsNode.present()) {
            return slotsNode.integer(1, 10_000);
        }
        if (!endNode.present()) {
            throw node.fail(" has neither end nor slots; expected \"end\": \"HH:MM\" or \"slots\": a count");
        }
        boolean midnight = endOfDay(endNode);
        LocalTime end = midnight ? null : endTime(endNode);
        String shown = midnight ? "24:00" : end.toString();
        if (start == null) {
            throw endNode.fail(" (\"" + shown + "\") needs a start; expected \"start\": \"HH:MM\" next to it");
        }
        if (!midnight && !end.isAfter(start)) {
            throw endNode.fail(" (\"" + shown + "\") is not after start (\"" + start + "\")"
                    + (end.equals(LocalTime.MIDNIGHT) ? "; expected \"24:00\" for a session that ends at midnight" : ""));
        }
        long count = (midnight ? Duration.ofDays(1).toMinutes() - start.toSecondOfDay() / 60
                : Duration.between(start, end).toMinutes()) / slotMinutes;
        if (count == 0) {
            throw node.fail(" is empty: " + start + ".." + shown + " holds no whole " + slotMinutes
                    + "-minute slot");
        }
        return (int) count;
    }

    /**
     * "24:00" (or "24:00:00"), the end of the day as ISO 8601 writes it: a session that ends at midnight. Only an end
     * may be it; slots keep their start and length, so the last one simply ends at 00:00 of the next day.
     */
    private static final Pattern END_OF_DAY = Pattern.compile("24:00(:00)?");

    private static boolean endOfDay(JsonNode node) {
        return END_OF_DAY.matcher(node.string()).matches();
    }

    private static LocalTime endTime(JsonNode node) {
        try {
            return time(node);
        } catch (InputException e) {
            throw node.fail(" (" + node.shown() + ") is not a time of day; expected HH:MM such as \"08:30\", or"
                    + " \"24:00\" for a session that ends at midnight");
        }
    }

    /** YYYY-MM-DD with four digits of year: ISO's {@code +999999999-12-31} would run the slots out of the calendar. */
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A time with a one-digit hour ("8:30"), as many tools write the morning; read as "08:30". */
    private static final Pattern ONE_DIGIT_HOUR = Pattern.compile("\\d:\\d{2}(:\\d{2})?");

    private static LocalDate date(JsonNode node) {
        if (!node.present()) {
            return null;
        }
        String text = node.string();
        try {
            if (!DAY.matcher(text).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw node.fail(" (" + node.shown() + ") is not a date; expected YYYY-MM-DD such as \"2024-10-10\"");
        }
    }

    private static LocalTime time(JsonNode node) {
        if (!node.present()) {
            return null;
        }
        String text = node.string();
        if (END_OF_DAY.matcher(text).matches()) {
            throw node.fail(" (" + node.shown() + ") is the end of the day, which only an end may be; expected a start"
                    + " from \"00:00\" to \"23:59\"");
        }
        try {
            return LocalTime.parse(ONE_DIGIT_HOUR.matcher(text).matches() ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw node.fail(" (" + node.shown() + ") is not a time of day; expected HH:MM such as \"08:30\"");
        }
    }

    /**
     * Refuses a slot that starts at a clock time the event's time zone skips (clocks moved forward): it would be the
     * same moment as the slot an hour later, and a person could be booked in both.
     */
    void checkClockTimes(ZoneId zone) {
        for (Spec spec : specs) {
            if (spec.start() == null) {
                continue;
            }
            for (int k = 0; k < spec.slotCount(); k++) {
                LocalDateTime start = LocalDateTime.of(spec.date(), spec.start()).plusMinutes((long) k * slotMinutes);
                if (zone.getRules().getValidOffsets(start).isEmpty()) {
                    throw spec.node().fail(" (" + spec.id() + ") has a slot at " + start.toLocalTime() + " on "
                            + start.toLocalDate() + ", a time " + zone.getId() + " skips when its clocks go forward;"
                            + " expected sessions outside that change");
                }
            }
        }
    }

    List<Session> sessions() {
        return sessions;
    }

    List<Slot> slots() {
        return slots;
    }

    /** True when some session has a start time, so slots have clock times and the event needs a time zone. */
    boolean hasClockTimes() {
        return clockTimes;
    }
}
