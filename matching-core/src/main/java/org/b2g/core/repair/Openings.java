package org.b2g.core.repair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.b2g.core.domain.Breaks;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Seating;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;

/**
 * Where one extra meeting between two participants fits into a schedule without moving any other meeting: every
 * slot both can attend and are free in, with a free table, ranked by the breaks it removes or creates (then by how
 * early it is). When none fits, says why in words ("a-doh is fully booked (8 of 8)").
 *
 * <p>Build once per schedule ({@link #of}); each {@link #find} then looks at the two agendas only.
 */
public final class Openings {

    private final Event event;
    private final Seating seating;
    private final List<Slot> slots;
    private final List<Table> tables;
    private final int[] dayOfSlot;
    /** Meetings per participant index and slot number (index 0 unused). */
    private final int[][] busy;
    private final int[] booked;
    /** Tables taken per slot number: {@code taken[slot][table index]}. */
    private final boolean[][] taken;
    private final int[] tablesTaken;
    /** Per participant and slot number, the table of its meeting there (last one seen), or -1. */
    private final int[][] tableAt;
    private final List<List<Meeting>> meetingsOf;
    /** Slots that have started: nothing new goes there. */
    private final java.util.Set<Integer> started;

    private Openings(MeetingSchedule schedule, java.util.Set<Integer> started) {
        this.started = started;
        event = schedule.getEvent();
        seating = schedule.getSeating();
        slots = schedule.getSlots();
        tables = schedule.getTables();
        dayOfSlot = Breaks.dayOfSlot(slots);
        int participants = schedule.getParticipants().size();
        busy = new int[participants][];
        tableAt = new int[participants][];
        booked = new int[participants];
        taken = new boolean[slots.size() + 1][tables.size()];
        tablesTaken = new int[slots.size() + 1];
        meetingsOf = new ArrayList<>(participants);
        for (int p = 0; p < participants; p++) {
            meetingsOf.add(new ArrayList<>(0));
        }
        for (Meeting meeting : schedule.getMeetings()) {
            if (!meeting.isScheduled()) {
                continue;
            }
            int s = meeting.getSlot().index();
            for (Participant p : meeting.getParticipants()) {
                int i = p.index();
                if (busy[i] == null) {
                    busy[i] = new int[slots.size() + 1];
                    tableAt[i] = new int[slots.size() + 1];
                    java.util.Arrays.fill(tableAt[i], -1);
                }
                busy[i][s]++;
                booked[i]++;
                meetingsOf.get(i).add(meeting);
                if (meeting.getTable() != null) {
                    tableAt[i][s] = meeting.getTable().index();
                }
            }
            if (meeting.getTable() != null && !taken[s][meeting.getTable().index()]) {
                taken[s][meeting.getTable().index()] = true;
                tablesTaken[s]++;
            }
        }
    }

    public static Openings of(MeetingSchedule schedule) {
        return new Openings(schedule, java.util.Set.of());
    }

    /** As {@link #of(Event, ScheduleFile, String, java.time.Instant)} with no slot started. */
    public static Openings of(Event event, ScheduleFile schedule, String source) {
        return of(event, schedule, source, null);
    }

    /**
     * The openings of a stored schedule of {@code event} (e.g. the published one, read against the event as it is
     * now): meetings of participants who left, or in slots that no longer exist, hold nothing. A meeting's slot is
     * found as a repair finds it (by clock time, see {@link ScheduleFile#readsWallClock}), and slots that have
     * started by {@code now} (see {@link Repair#plan(Event, ScheduleFile, RepairMode, String, java.time.Instant)})
     * are offered to nobody.
     *
     * @param now the time of the question; null: no slot has started
     * @throws InputException when the schedule belongs to another event or names a table the event does not have
     */
    public static Openings of(Event event, ScheduleFile schedule, String source, java.time.Instant now) {
        if (schedule.event() != null && !schedule.event().equals(event.id())) {
            throw new InputException(source + ": is a schedule of event \"" + schedule.event() + "\", but the event"
                    + " given is \"" + event.id() + "\"; expected a schedule of " + event.id() + ".");
        }
        Repair.checkBelongs(event, schedule, source);
        List<Meeting> meetings = new ArrayList<>(schedule.meetings().size());
        boolean wallClock = schedule.readsWallClock(event);
        for (int i = 0; i < schedule.meetings().size(); i++) {
            ScheduleFile.Placement p = schedule.meetings().get(i);
            Participant a = event.participant(p.first());
            Participant b = event.participant(p.second());
            Slot slot = p.slotIn(event, wallClock);
            if (a == null || b == null || slot == null) {
                continue;
            }
            Table table = p.table() == null ? null : event.table(p.table());
            if (p.table() != null && table == null) {
                throw new InputException(source + ": meetings[" + i + "].table: unknown table \"" + p.table() + "\".");
            }
            meetings.add(Meetings.placed(event, p.id(), a, b, p.origin(), List.of(), slot, table));
        }
        return new Openings(new MeetingSchedule(event, meetings), StartedSlots.at(event, now));
    }

    /**
     * One place a new meeting fits.
     *
     * @param breakChange breaks of the two participants after minus before (negative: it closes a gap)
     */
    public record Opening(Slot slot, Table table, int breakChange) {
    }

    /** The places, best first, or none and the reason in words. */
    public record Result(List<Opening> openings, String reason) {

        public Result {
            openings = List.copyOf(openings);
        }

        public boolean found() {
            return !openings.isEmpty();
        }
    }

    /**
     * @param limit most openings to return (at least 1)
     * @throws InputException when a participant is unknown or both are the same
     */
    public Result find(String firstId, String secondId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The limit (" + limit + ") must be at least 1.");
        }
        Participant a = participant(firstId);
        Participant b = participant(secondId);
        if (a.equals(b)) {
            throw new InputException("A participant (" + a.id() + ") cannot meet itself; expected two participants.");
        }
        if (event.excluded(a.id(), b.id())) {
            return none(a.id() + " and " + b.id() + " must not meet (an exclusion)");
        }
        for (Meeting meeting : meetingsOf.get(a.index())) {
            if (meeting.involves(b)) {
                return none(a.id() + " and " + b.id() + " already meet in " + meeting.getSlot());
            }
        }
        for (Participant p : List.of(a, b)) {
            if (p.maxMeetings() != Participant.UNLIMITED && booked[p.index()] >= p.maxMeetings()) {
                return none(p.id() + " is fully booked (" + booked[p.index()] + " of " + p.maxMeetings() + ")");
            }
        }
        int cap = event.rules().capsBreaks() ? event.rules().maxBreaksPerParticipant() : -1;
        int bothFree = 0;
        int tableless = 0;
        int overCap = 0;
        int past = 0;
        int breaksA = breaks(a, 0);
        int breaksB = breaks(b, 0);
        List<Opening> openings = new ArrayList<>();
        for (Slot slot : slots) {
            int s = slot.index();
            if (started.contains(s)) {
                past++;
                continue;
            }
            if (!free(a, s) || !free(b, s)) {
                continue;
            }
            bothFree++;
            int table = table(a, b, s);
            if (table < 0) {
                tableless++;
                continue;
            }
            int afterA = breaks(a, s);
            int afterB = breaks(b, s);
            if (cap >= 0 && (afterA > Math.max(cap, breaksA) || afterB > Math.max(cap, breaksB))) {
                overCap++;
                continue;
            }
            openings.add(new Opening(slot, tables.get(table), afterA - breaksA + afterB - breaksB));
        }
        if (openings.isEmpty()) {
            if (bothFree == 0) {
                return none(past == slots.size() ? "every slot of the event has started"
                        : "no slot" + (past > 0 ? " still to come" : "") + " where both " + a.id() + " and " + b.id()
                        + " are free");
            }
            if (tableless == bothFree) {
                return none("no table is free in the " + plural(bothFree, "slot") + " where both are free");
            }
            return none("the break cap (" + cap + ") rules out the " + plural(overCap, "slot")
                    + " where both are free" + (tableless > 0 ? " and have a table" : ""));
        }
        openings.sort(Comparator.comparingInt(Opening::breakChange).thenComparingInt(o -> o.slot().index()));
        return new Result(openings.subList(0, Math.min(limit, openings.size())), null);
    }

    private Participant participant(String id) {
        Participant participant = id == null ? null : event.participant(id);
        if (participant == null) {
            throw new InputException("Unknown participant (" + id + ") in event " + event.id() + ".");
        }
        return participant;
    }

    private boolean free(Participant p, int s) {
        return p.isAvailable(s) && (busy[p.index()] == null || busy[p.index()][s] < Math.max(1, p.representatives()));
    }

    /**
     * A free seat of either side (see {@link Seating}), else the table either side already sits at next to this slot
     * when free, else the first free.
     */
    private int table(Participant a, Participant b, int s) {
        if (tablesTaken[s] >= tables.size()) {
            return -1;
        }
        for (Participant p : List.of(a, b)) {
            for (Table seat : seating.seatsOf(p)) {
                if (!taken[s][seat.index()]) {
                    return seat.index();
                }
            }
        }
        for (Participant p : List.of(a, b)) {
            int[] at = tableAt[p.index()];
            for (int near : new int[] {s - 1, s + 1}) {
                if (at != null && near >= 1 && near <= slots.size() && at[near] >= 0 && !taken[s][at[near]]) {
                    return at[near];
                }
            }
        }
        for (int t = 0; t < tables.size(); t++) {
            if (!taken[s][t]) {
                return t;
            }
        }
        return -1;
    }

    /** Breaks of {@code p} with one more meeting in slot {@code extra} (0 = as it is). */
    private int breaks(Participant p, int extra) {
        List<Meeting> mine = meetingsOf.get(p.index());
        int[] at = new int[mine.size() + (extra > 0 ? 1 : 0)];
        for (int i = 0; i < mine.size(); i++) {
            at[i] = mine.get(i).getSlot().index();
        }
        if (extra > 0) {
            at[mine.size()] = extra;
        }
        return Breaks.count(at, dayOfSlot);
    }

    private static Result none(String reason) {
        return new Result(List.of(), reason);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
