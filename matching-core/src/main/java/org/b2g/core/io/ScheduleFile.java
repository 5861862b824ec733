package org.b2g.core.io;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Origin;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;

/**
 * A {@code b2g-schedule/1} document as read back: where each meeting was placed. Lets a published schedule be
 * loaded onto fresh planning entities, for display or as the starting point of a repair.
 *
 * @param score the score as written, or null
 */
public record ScheduleFile(String event, String score, List<Placement> meetings) {

    public ScheduleFile {
        meetings = List.copyOf(meetings);
    }

    /**
     * One scheduled meeting: who, when and where. {@code table} is null when the file gives none; {@code start} is
     * the written clock time ({@code 2024-10-10T09:10:00+07:00}) or null, which lets a repair find the same slot
     * after the event's sessions were renumbered.
     */
    public record Placement(String id, String first, String second, int slot, String table, Origin origin,
            String start) {

        public Placement(String id, String first, String second, int slot, String table, Origin origin) {
            this(id, first, second, slot, table, origin, null);
        }

        /**
         * This meeting's slot in {@code event}'s numbering, which may have changed since it was published (a session
         * added before it): by clock time when both have one, else by number; null when the event has no such slot.
         * The clock time is read as written (its day and time of day) and, when no slot starts then, as an instant
         * in the event's time zone; {@link ScheduleFile#readsWallClock} decides for a whole schedule instead.
         */
        public Slot slotIn(Event event) {
            Slot slot = slotIn(event, true);
            return slot != null || !hasClockTime(event) ? slot : slotIn(event, false);
        }

        /**
         * This meeting's slot in {@code event}: with {@code wallClock}, the slot that starts at the day and time of
         * day written (the offset left aside: a corrected time zone relabels the slots, it does not move them); else
         * the slot that starts at the written instant in the event's time zone. By number when either has no clock
         * time; null when the event has no such slot.
         */
        public Slot slotIn(Event event, boolean wallClock) {
            if (hasClockTime(event)) {
                LocalDateTime at = at(event, wallClock);
                if (at != null) {
                    return event.slots().stream().filter(s -> at.equals(s.start())).findFirst().orElse(null);
                }
            }
            return slot >= 1 && slot <= event.slotCount() ? event.slot(slot) : null;
        }

        private boolean hasClockTime(Event event) {
            return start != null && event.slotCount() > 0 && event.slot(1).start() != null;
        }

        /** The written start as the event's local time, read as the wall clock or as an instant; null if unreadable. */
        private LocalDateTime at(Event event, boolean wallClock) {
            try {
                if (event.timeZone() == null) {
                    return LocalDateTime.parse(start);
                }
                OffsetDateTime written = OffsetDateTime.parse(start);
                return wallClock ? written.toLocalDateTime()
                        : written.atZoneSameInstant(event.timeZone()).toLocalDateTime();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(start); // written without an offset: the wall clock either way
                } catch (DateTimeParseException notATime) {
                    return null; // not a timestamp this engine reads: the slot number
                }
            }
        }
    }

    /**
     * How this schedule's clock times find the slots of {@code event}: as the day and time of day written (true),
     * unless reading them as instants finds more of its meetings' slots (false). The two readings differ only when
     * the offsets written are not the ones the event's time zone gives now: after a corrected time zone the wall
     * clock keeps every meeting in its slot of the day; a tool that wrote its times in UTC is read by instant.
     */
    public boolean readsWallClock(Event event) {
        int byWallClock = 0;
        int byInstant = 0;
        for (Placement p : meetings) {
            Slot wall = p.slotIn(event, true);
            Slot instant = p.slotIn(event, false);
            byWallClock += wall != null ? 1 : 0;
            byInstant += instant != null ? 1 : 0;
        }
        return byWallClock >= byInstant;
    }

    static ScheduleFile read(JsonNode root) {
        root.object();
        JsonNode format = root.get("format");
        if (!format.present() || !format.string().equals(ScheduleJson.FORMAT)) {
            throw format.fail((format.present() ? " (" + format.shown() + ") is not supported" : " is missing")
                    + "; expected \"" + ScheduleJson.FORMAT + "\"");
        }
        List<Placement> placements = new ArrayList<>();
        Map<String, String> pathById = new HashMap<>();
        for (JsonNode item : root.get("meetings").items()) {
            item.object();
            JsonNode idNode = item.get("id");
            String earlier = pathById.putIfAbsent(idNode.string(), item.path());
            if (earlier != null) {
                // Each meeting is listed once; a second copy would be taken for a meeting that was cancelled.
                throw idNode.fail(": duplicate meeting id \"" + idNode.string() + "\" (also at " + earlier + ")");
            }
            List<JsonNode> pair = item.get("participants").items();
            if (pair.size() != 2) {
                throw item.get("participants").fail(" has " + pair.size()
                        + " entries; expected the ids of two participants");
            }
            if (pair.get(0).string().equals(pair.get(1).string())) {
                throw item.get("participants").fail(": a meeting of \"" + pair.get(0).string() + "\" with itself;"
                        + " expected the ids of two different participants");
            }
            JsonNode startNode = item.get("start");
            String start = startNode.stringOr(null);
            if (start != null && !isTimestamp(start)) {
                throw startNode.fail(" (" + startNode.shown() + ") is not a date and time; expected one such as"
                        + " \"2024-10-10T09:10:00+07:00\", as a schedule writes it");
            }
            // A schedule written without origins (by another tool) does not say why a meeting was there: it is taken
            // for one that stands on its own, as a published recommendation does, so that a repair keeps the promise
            // instead of cancelling it for a reason nobody gave. A required meeting is still found by its id.
            JsonNode originNode = item.get("origin");
            Origin origin = originNode.present() ? origin(originNode) : Origin.RECOMMENDED;
            placements.add(new Placement(item.get("id").string(), pair.get(0).string(), pair.get(1).string(),
                    item.get("slot").integer(1, Integer.MAX_VALUE), item.get("table").stringOr(null), origin,
                    start));
        }
        return new ScheduleFile(root.get("event").string(), root.get("score").stringOr(null), placements);
    }

    /**
     * A start as schedules write it: with the event's offset, or local when the event has no time zone; with a
     * four-digit year (ISO's {@code +999999999-12-31T23:59:59-18:00} parses, but no time zone can tell its date).
     */
    private static boolean isTimestamp(String text) {
        if (!text.matches("\\d{4}-.*")) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException local) {
                return false;
            }
        }
    }

    private static Origin origin(JsonNode node) {
        String code = node.string();
        for (Origin origin : Origin.values()) {
            if (origin.code().equals(code)) {
                return origin;
            }
        }
        throw node.fail(" (" + node.shown() + ") is not an origin; expected required, must, mutual, request or"
                + " recommended");
    }

    /**
     * Places {@code schedule}'s meetings as this file says, matching by id and pair of participants (in either
     * order). Meetings the file does not list are left as they are.
     *
     * @return the placements that match no meeting of the schedule (e.g. a cancelled meeting), in file order
     * @throws InputException when a placement names a slot or table the schedule's event does not have, or a slot
     *     whose number no longer stands for the time written (sessions changed since)
     */
    public List<Placement> applyTo(MeetingSchedule schedule, String source) {
        List<Placement> unmatched = new ArrayList<>();
        int slotCount = schedule.getSlots().size();
        Map<String, Meeting> byId = new HashMap<>();
        for (Meeting meeting : schedule.getMeetings()) {
            byId.put(meeting.getId(), meeting); // planning ids: unique in a schedule
        }
        boolean wallClock = readsWallClock(schedule.getEvent());
        for (int i = 0; i < meetings.size(); i++) {
            Placement placement = meetings.get(i);
            String path = source + ": meetings[" + i + "]";
            if (placement.slot() > slotCount) {
                throw new InputException(path + ".slot (" + placement.slot() + ") is outside 1.." + slotCount + ".");
            }
            Table table = null;
            if (placement.table() != null) {
                table = schedule.getEvent().table(placement.table());
                if (table == null) {
                    throw new InputException(path + ".table: unknown table \"" + placement.table() + "\".");
                }
            }
            int slot = sameTime(schedule.getEvent(), wallClock, placement, path).index();
            Meeting meeting = byId.get(placement.id());
            if (meeting != null && !samePair(meeting, placement)) {
                meeting = null;
            }
            if (meeting == null) {
                unmatched.add(placement);
                continue;
            }
            meeting.setSlot(schedule.getSlots().get(slot - 1));
            if (table != null) {
                meeting.setTable(table);
            }
        }
        return unmatched;
    }

    /**
     * The placement's slot, which must still start at the time written: a session added, moved or shortened since
     * renumbers the slots, and placing by number would move the meeting to another time without anybody being told.
     */
    private static Slot sameTime(Event event, boolean wallClock, Placement placement, String path) {
        Slot now = placement.slotIn(event, wallClock);
        if (now == null) {
            throw new InputException(path + ".start (" + placement.start() + "): no slot of the event starts then"
                    + " (its slot " + placement.slot() + " is at " + event.slot(placement.slot()).start()
                    + " now); the sessions changed since the schedule was written.");
        }
        if (now.index() != placement.slot()) {
            throw new InputException(path + ".slot (" + placement.slot() + "): the slot at " + placement.start()
                    + " is slot " + now.index() + " now; the slots were renumbered since the schedule was written.");
        }
        return now;
    }

    private static boolean samePair(Meeting meeting, Placement placement) {
        String a = meeting.getFirst().id();
        String b = meeting.getSecond().id();
        return (a.equals(placement.first()) && b.equals(placement.second()))
                || (a.equals(placement.second()) && b.equals(placement.first()));
    }
}
