package org.b2g.core.repair;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Breaks;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Meetings;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.RequiredMeeting;
import org.b2g.core.domain.Seating;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;
import org.b2g.core.io.InputException;
import org.b2g.core.io.ScheduleFile;

/**
 * Where one extra meeting between two participants fits into a schedule without moving any other meeting: every
 * slot both can attend and are free in, with a free table, ranked by the breaks it removes or creates (then by how
 * early it is). When none fits, says why in words ("a-doh is fully booked (8 of 8)"). A pair whose required meeting
 * the schedule does not hold yet would meet as that meeting, so only in its session or fixed slot, at its fixed table,
 * and in the order it keeps with other required meetings.
 *
 * <p>Build once per schedule ({@link #of}); each {@link #find} or {@link #at} then looks at the two agendas only, by
 * one rule, so that a slot offered and a slot asked for are checked alike.
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
    /** The slot of each meeting the schedule places, by id (for the order of required meetings). */
    private final Map<String, Integer> slotOfMeeting = new HashMap<>();
    /** Slots that have started: nothing new goes there. */
    private final Set<Integer> started;

    private Openings(MeetingSchedule schedule, Set<Integer> started) {
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
            slotOfMeeting.put(meeting.getId(), s);
            for (Participant p : meeting.getParticipants()) {
                int i = p.index();
                if (busy[i] == null) {
                    busy[i] = new int[slots.size() + 1];
                    tableAt[i] = new int[slots.size() + 1];
                    Arrays.fill(tableAt[i], -1);
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
        return new Openings(schedule, Set.of());
    }

    /** As {@link #of(Event, ScheduleFile, String, Instant)} with no slot started. */
    public static Openings of(Event event, ScheduleFile schedule, String source) {
        return of(event, schedule, source, Set.of());
    }

    /**
     * The openings of a stored schedule of {@code event} (e.g. the published one, read against the event as it is
     * now): meetings of participants who left, or in slots that no longer exist, hold nothing. A meeting's slot is
     * found as a repair finds it (by clock time, see {@link ScheduleFile#readsWallClock}), and slots that have
     * started by {@code now} (see {@link Repair#plan(Event, ScheduleFile, RepairMode, String, Instant)}) are offered
     * to nobody.
     *
     * @param now the time of the question; null: no slot has started
     * @throws InputException when the schedule belongs to another event or names a table the event does not have
     */
    public static Openings of(Event event, ScheduleFile schedule, String source, Instant now) {
        return of(event, schedule, source, StartedSlots.at(event, now));
    }

    /**
     * As {@link #of(Event, ScheduleFile, String, Instant)}, with the slots that have started given: for a caller that
     * reads the clock its own way (the service leaves an event that is over open, as if it were still to come).
     */
    public static Openings of(Event event, ScheduleFile schedule, String source, Set<Integer> started) {
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
        return new Openings(new MeetingSchedule(event, meetings), Set.copyOf(started));
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
        Pair pair = pair(firstId, secondId);
        String unable = pair.unable();
        if (unable != null) {
            return none(unable);
        }
        int[] stops = new int[Stop.values().length];
        List<Opening> openings = new ArrayList<>();
        Fit outside = null;
        for (Slot slot : slots) {
            Fit fit = fit(pair, slot);
            if (fit.opening() != null) {
                openings.add(fit.opening());
                continue;
            }
            stops[fit.stop().ordinal()]++;
            if (fit.stop() == Stop.OUTSIDE && outside == null) {
                outside = fit;
            }
        }
        if (openings.isEmpty()) {
            return none(whyNone(pair, stops, outside));
        }
        openings.sort(Comparator.comparingInt(Opening::breakChange).thenComparingInt(o -> o.slot().index()));
        return new Result(openings.subList(0, Math.min(limit, openings.size())), null);
    }

    /**
     * One more meeting of the two in slot {@code slot} only, by the rule {@link #find} applies to every slot: its
     * opening, or why there is none there ("s-1 is not available then").
     *
     * @throws InputException when a participant is unknown, both are the same, or the event has no such slot
     */
    public Result at(String firstId, String secondId, int slot) {
        Pair pair = pair(firstId, secondId);
        if (slot < 1 || slot > slots.size()) {
            throw new InputException("The slot (" + slot + ") is outside 1.." + slots.size() + ".");
        }
        String unable = pair.unable();
        if (unable != null) {
            return none(unable);
        }
        Fit fit = fit(pair, slots.get(slot - 1));
        return fit.opening() != null ? new Result(List.of(fit.opening()), null) : none(fit.reason());
    }

    /** What stops one more meeting of a pair in a slot, in the order a person would check. */
    private enum Stop { STARTED, AWAY, BUSY, OUTSIDE, NO_TABLE, BREAKS }

    /** One more meeting of a pair in one slot: its opening, or what stops it and why in words. */
    private record Fit(Opening opening, Stop stop, String reason) {
    }

    /**
     * Two participants asked about, with what holds for every slot: why they cannot meet at all ({@code unable},
     * null when they can), the required meeting the new one would be, their breaks now and the break cap (-1: none).
     */
    private record Pair(Participant a, Participant b, String unable, RequiredMeeting required, int breaksA,
            int breaksB, int cap) {
    }

    private Pair pair(String firstId, String secondId) {
        Participant a = participant(firstId);
        Participant b = participant(secondId);
        if (a.equals(b)) {
            throw new InputException("A participant (" + a.id() + ") cannot meet itself; expected two participants.");
        }
        int cap = event.rules().capsBreaks() ? event.rules().maxBreaksPerParticipant() : -1;
        return new Pair(a, b, unable(a, b), required(a, b), breaks(a, 0), breaks(b, 0), cap);
    }

    /** Why the two cannot have one more meeting in any slot, or null. */
    private String unable(Participant a, Participant b) {
        if (event.excluded(a.id(), b.id())) {
            return a.id() + " and " + b.id() + " must not meet (an exclusion)";
        }
        for (Meeting meeting : meetingsOf.get(a.index())) {
            if (meeting.involves(b)) {
                return a.id() + " and " + b.id() + " already meet in " + meeting.getSlot();
            }
        }
        for (Participant p : List.of(a, b)) {
            if (p.maxMeetings() != Participant.UNLIMITED && booked[p.index()] >= p.maxMeetings()) {
                return p.id() + " is fully booked (" + booked[p.index()] + " of " + p.maxMeetings() + ")";
            }
        }
        return null;
    }

    /** The pair's first required meeting, which one more meeting of theirs would be; null when they have none. */
    private RequiredMeeting required(Participant a, Participant b) {
        for (RequiredMeeting meeting : event.meetings()) {
            if (meeting.first().equals(a.id()) && meeting.second().equals(b.id())
                    || meeting.first().equals(b.id()) && meeting.second().equals(a.id())) {
                return meeting;
            }
        }
        return null;
    }

    private Fit fit(Pair pair, Slot slot) {
        int s = slot.index();
        if (started.contains(s)) {
            return stop(Stop.STARTED, "it has started");
        }
        for (Participant p : List.of(pair.a(), pair.b())) {
            if (!p.isAvailable(s)) {
                return stop(Stop.AWAY, p.id() + " is not available then");
            }
        }
        for (Participant p : List.of(pair.a(), pair.b())) {
            if (!free(p, s)) {
                return stop(Stop.BUSY, p.id() + (p.representatives() <= 1 ? " has a meeting then"
                        : " has all " + p.representatives() + " representatives in meetings then"));
            }
        }
        String outside = outside(pair.required(), s);
        if (outside != null) {
            return stop(Stop.OUTSIDE, outside);
        }
        int table = table(pair, s);
        if (table < 0) {
            return stop(Stop.NO_TABLE, pair.required() != null && pair.required().fixedTable() != null
                    ? "table " + pair.required().fixedTable() + ", where their required meeting "
                            + pair.required().id() + " is fixed, is taken then"
                    : "no table is free then");
        }
        int afterA = breaks(pair.a(), s);
        int afterB = breaks(pair.b(), s);
        int cap = pair.cap();
        if (cap >= 0 && (afterA > Math.max(cap, pair.breaksA()) || afterB > Math.max(cap, pair.breaksB()))) {
            Participant over = afterA > Math.max(cap, pair.breaksA()) ? pair.a() : pair.b();
            return stop(Stop.BREAKS, "the break cap (" + cap + ") rules it out for " + over.id());
        }
        return new Fit(new Opening(slot, tables.get(table), afterA - pair.breaksA() + afterB - pair.breaksB()), null,
                null);
    }

    /**
     * Why the pair's required meeting cannot take place in slot {@code s} (its session, its fixed slot, the required
     * meetings it comes after or before, where the schedule places them), or null when it can or there is none.
     */
    private String outside(RequiredMeeting required, int s) {
        if (required == null) {
            return null;
        }
        String their = "their required meeting " + required.id();
        if (required.fixedSlot() > 0 && required.fixedSlot() != s) {
            return their + " is fixed in " + event.slot(required.fixedSlot());
        }
        if (required.session() != null && !event.session(required.session()).contains(s)) {
            return their + " must take place in session " + required.session();
        }
        for (String earlier : required.after()) {
            Integer at = slotOfMeeting.get(earlier);
            if (at != null && at >= s) {
                return their + " must come after " + earlier + " (" + event.slot(at) + ")";
            }
        }
        for (RequiredMeeting later : event.meetings()) {
            Integer at = slotOfMeeting.get(later.id());
            if (at != null && at <= s && later.after().contains(required.id())) {
                return their + " must come before " + later.id() + " (" + event.slot(at) + ")";
            }
        }
        return null;
    }

    /** Why no slot fits, from how many slots each stop ruled out. */
    private String whyNone(Pair pair, int[] stops, Fit outside) {
        int past = stops[Stop.STARTED.ordinal()];
        int bothFree = slots.size() - past - stops[Stop.AWAY.ordinal()] - stops[Stop.BUSY.ordinal()];
        int inside = bothFree - stops[Stop.OUTSIDE.ordinal()];
        int tableless = stops[Stop.NO_TABLE.ordinal()];
        if (bothFree == 0) {
            return past == slots.size() ? "every slot of the event has started"
                    : "no slot" + (past > 0 ? " still to come" : "") + " where both " + pair.a().id() + " and "
                    + pair.b().id() + " are free";
        }
        if (inside == 0) {
            return outside.reason() + ", and both are not free then";
        }
        if (tableless == inside) {
            return "no table is free in the " + plural(inside, "slot") + " where both are free";
        }
        return "the break cap (" + pair.cap() + ") rules out the " + plural(stops[Stop.BREAKS.ordinal()], "slot")
                + " where both are free" + (tableless > 0 ? " and have a table" : "");
    }

    private static Fit stop(Stop stop, String reason) {
        return new Fit(null, stop, reason);
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
     * The fixed table of the pair's required meeting when it has one, else a free seat of either side (see
     * {@link Seating}), else the table either side already sits at next to this slot when free, else the first free.
     */
    private int table(Pair pair, int s) {
        if (tablesTaken[s] >= tables.size()) {
            return -1;
        }
        if (pair.required() != null && pair.required().fixedTable() != null) {
            int fixed = event.table(pair.required().fixedTable()).index();
            return taken[s][fixed] ? -1 : fixed;
        }
        Participant a = pair.a();
        Participant b = pair.b();
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
