package org.b2g.core.solver.baseline;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.b2g.core.domain.Breaks;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Seating;
import org.b2g.core.domain.Slot;
import org.b2g.core.domain.Table;

/**
 * The first-fit scheduler event tools use, kept as the benchmark's reference: it takes the candidates in priority
 * order (required, must, mutual, one-sided requests by weight, recommendations by relevance) and puts each in the
 * earliest slot, at the first free table (a seat of a participant that sits first), where it breaks no hard rule. It
 * never moves a meeting it has placed, so whatever it cannot fit stays out.
 */
public final class FirstFitScheduler {

    private final Event event;
    private final Seating seating;
    private final Rules rules;
    private final int[] dayOfSlot;
    /** Meetings per participant index and slot number. */
    private final int[][] load;
    private final int[] booked;
    /** Table indexes in use per slot number; null for a slot without meetings (events may have many tables). */
    private final BitSet[] tableUsed;
    private final Map<String, Meeting> byId = new HashMap<>();
    /** Ids of the meetings that must come after a meeting, by its id. */
    private final Map<String, List<String>> successors = new HashMap<>();

    private FirstFitScheduler(Event event) {
        this.event = event;
        this.seating = Seating.of(event);
        this.rules = event.rules();
        this.dayOfSlot = Breaks.dayOfSlot(event.slots());
        this.load = new int[event.participants().size()][event.slotCount() + 1];
        this.booked = new int[event.participants().size()];
        this.tableUsed = new BitSet[event.slotCount() + 1];
    }

    /**
     * Schedules copies of {@code candidates} (which are not modified); the returned schedule has no score set.
     * Pinned meetings keep their slot and table.
     */
    public static MeetingSchedule schedule(Event event, List<Meeting> candidates) {
        return new FirstFitScheduler(event).run(candidates);
    }

    private MeetingSchedule run(List<Meeting> candidates) {
        List<Meeting> copies = new ArrayList<>(candidates.size());
        for (Meeting candidate : candidates) {
            Meeting copy = copy(candidate);
            copies.add(copy);
            byId.put(copy.getId(), copy);
            for (String earlier : copy.getAfter()) {
                successors.computeIfAbsent(earlier, k -> new ArrayList<>()).add(copy.getId());
            }
        }
        for (Meeting meeting : copies) {
            if (meeting.isPinned() && meeting.getSlot() != null) {
                occupy(meeting, meeting.getSlot(), meeting.getTable());
            }
        }
        for (Meeting meeting : priorityOrder(copies)) {
            if (!meeting.isPinned()) {
                place(meeting);
            }
        }
        return new MeetingSchedule(event, copies);
    }

    /** Required meetings first (each after the meetings it must follow), then optional ones strongest first. */
    private List<Meeting> priorityOrder(List<Meeting> meetings) {
        Map<String, Meeting> ordered = new LinkedHashMap<>();
        for (Meeting meeting : meetings) {
            if (meeting.isRequired()) {
                addAfterPredecessors(meeting, ordered, 0);
            }
        }
        List<Meeting> optional = new ArrayList<>(meetings.stream().filter(m -> !m.isRequired()).toList());
        optional.sort(Comparator.comparing(Meeting::getOrigin)
                .thenComparing(Comparator.comparingLong(Meeting::getWeight).reversed())
                .thenComparing(Comparator.comparingDouble(Meeting::getRelevance).reversed())
                .thenComparing(Meeting::getId));
        List<Meeting> order = new ArrayList<>(ordered.values());
        order.addAll(optional);
        return order;
    }

    private void addAfterPredecessors(Meeting meeting, Map<String, Meeting> ordered, int depth) {
        if (ordered.containsKey(meeting.getId()) || depth > byId.size()) {
            return; // placed already, or a precedence cycle (the feasibility check reports those)
        }
        for (String earlier : meeting.getAfter()) {
            Meeting predecessor = byId.get(earlier);
            if (predecessor != null) {
                addAfterPredecessors(predecessor, ordered, depth + 1);
            }
        }
        ordered.putIfAbsent(meeting.getId(), meeting);
    }

    private void place(Meeting meeting) {
        Participant a = meeting.getFirst();
        Participant b = meeting.getSecond();
        if (event.excluded(a.id(), b.id()) || full(a) || full(b)) {
            return;
        }
        int earliest = 1;
        for (String earlier : meeting.getAfter()) {
            Meeting predecessor = byId.get(earlier);
            if (predecessor != null && predecessor.getSlot() != null) {
                earliest = Math.max(earliest, predecessor.getSlot().index() + 1);
            }
        }
        int latest = Integer.MAX_VALUE;
        for (String later : successors.getOrDefault(meeting.getId(), List.of())) {
            Meeting successor = byId.get(later);
            if (successor.getSlot() != null) {
                latest = Math.min(latest, successor.getSlot().index() - 1);
            }
        }
        for (Slot slot : meeting.getAllowedSlots()) {
            int s = slot.index();
            if (s < earliest || s > latest || load[a.index()][s] >= a.representatives() || load[b.index()][s] >= b.representatives()
                    || breaksOverCap(a, s) || breaksOverCap(b, s)) {
                continue;
            }
            Table table = freeTable(meeting, s);
            if (table != null) {
                occupy(meeting, slot, table);
                return;
            }
        }
    }

    private boolean full(Participant p) {
        return p.maxMeetings() != Participant.UNLIMITED && booked[p.index()] >= p.maxMeetings();
    }

    private boolean breaksOverCap(Participant p, int slot) {
        if (!rules.capsBreaks()) {
            return false;
        }
        int[] row = load[p.index()];
        int[] slots = new int[booked[p.index()] + 1];
        int k = 0;
        for (int s = 1; s < row.length; s++) {
            for (int i = 0; i < row[s]; i++) {
                slots[k++] = s;
            }
        }
        slots[k] = slot;
        return Breaks.count(slots, dayOfSlot) > rules.maxBreaksPerParticipant();
    }

    /** A free seat of either participant (see {@link Seating}), else the first free allowed table. */
    private Table freeTable(Meeting meeting, int slot) {
        for (Participant p : meeting.getParticipants()) {
            for (Table seat : seating.seatsOf(p)) {
                if (!used(slot, seat) && meeting.getAllowedTables().contains(seat)) {
                    return seat;
                }
            }
        }
        for (Table table : meeting.getAllowedTables()) {
            if (!used(slot, table)) {
                return table;
            }
        }
        return null;
    }

    private boolean used(int slot, Table table) {
        return tableUsed[slot] != null && tableUsed[slot].get(table.index());
    }

    private void occupy(Meeting meeting, Slot slot, Table table) {
        meeting.setSlot(slot);
        meeting.setTable(table);
        for (Participant p : meeting.getParticipants()) {
            load[p.index()][slot.index()]++;
            booked[p.index()]++;
        }
        if (table != null) {
            if (tableUsed[slot.index()] == null) {
                tableUsed[slot.index()] = new BitSet();
            }
            tableUsed[slot.index()].set(table.index());
        }
    }

    private static Meeting copy(Meeting m) {
        Meeting copy = new Meeting(m.getId(), m.getFirst(), m.getSecond(), m.getOrigin(), m.getWeight(),
                m.getRelevance(), m.getReasons(), m.getSessionId(), m.getAllowedSlots(), m.getAllowedTables(),
                m.getAfter());
        copy.setPinned(m.isPinned());
        if (m.isPinned()) {
            copy.setSlot(m.getSlot());
            copy.setTable(m.getTable());
        }
        return copy;
    }
}
