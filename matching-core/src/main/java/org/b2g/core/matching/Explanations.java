package org.b2g.core.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b2g.core.domain.Breaks;
import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Rules;
import org.b2g.core.domain.Slot;

/**
 * Says in words why a candidate meeting was left out of a solved schedule: "a-doh is fully booked (8 of 8)",
 * "no common free slot: s-007 is busy in slots 1-4, a-doh in slots 5-10", "the break cap (2) rules out slot 9".
 * It states facts read off the final schedule, never a guess about the search. Build it once per schedule
 * ({@link #of}) and ask for every unscheduled meeting: the occupancy is indexed once.
 */
public final class Explanations {

    private final Event event;
    private final Rules rules;
    private final int[] dayOfSlot;
    /** Scheduled meetings per participant index. */
    private final int[] booked;
    /** Meetings per participant index and slot number. */
    private final Map<Integer, int[]> bySlot = new HashMap<>();
    /** Tables in use per slot number. */
    private final List<Set<String>> tablesInUse = new ArrayList<>();

    private Explanations(MeetingSchedule schedule) {
        event = schedule.getEvent();
        rules = schedule.getRules() == null ? Rules.DEFAULT : schedule.getRules();
        dayOfSlot = Breaks.dayOfSlot(schedule.getSlots());
        booked = new int[schedule.getParticipants().size()];
        for (int i = 0; i <= schedule.getSlots().size(); i++) {
            tablesInUse.add(new HashSet<>());
        }
        for (Meeting meeting : schedule.getMeetings()) {
            if (!meeting.isScheduled()) {
                continue;
            }
            int slot = meeting.getSlot().index();
            for (Participant p : meeting.getParticipants()) {
                booked[p.index()]++;
                bySlot.computeIfAbsent(p.index(), k -> new int[dayOfSlot.length])[slot]++;
            }
            if (meeting.getTable() != null) {
                tablesInUse.get(slot).add(meeting.getTable().id());
            }
        }
    }

    public static Explanations of(MeetingSchedule schedule) {
        return new Explanations(schedule);
    }

    /** One-off form of {@link #whyUnscheduled(Meeting)}. */
    public static String whyUnscheduled(MeetingSchedule schedule, Meeting meeting) {
        return of(schedule).whyUnscheduled(meeting);
    }

    /**
     * Why {@code meeting} (a candidate of this schedule, without a slot) was left out, in one sentence without a
     * final period.
     */
    public String whyUnscheduled(Meeting meeting) {
        Participant a = meeting.getFirst();
        Participant b = meeting.getSecond();
        if (event != null && event.excluded(a.id(), b.id())) {
            return a.label() + " and " + b.label() + " must not meet (an exclusion)";
        }
        List<String> full = new ArrayList<>();
        for (Participant p : meeting.getParticipants()) {
            if (p.maxMeetings() != Participant.UNLIMITED && booked[p.index()] >= p.maxMeetings()) {
                full.add(p.label() + " is fully booked (" + booked[p.index()] + " of " + p.maxMeetings() + ")");
            }
        }
        if (!full.isEmpty()) {
            return String.join(" and ", full);
        }
        List<Slot> common = meeting.getAllowedSlots();
        if (common.isEmpty()) {
            return a.label() + " and " + b.label() + " have no common free slot"
                    + (meeting.getSessionId() == null ? "" : " in session " + meeting.getSessionId());
        }
        List<Integer> busyA = new ArrayList<>();
        List<Integer> busyB = new ArrayList<>();
        List<Integer> noTable = new ArrayList<>();
        List<Integer> breakCap = new ArrayList<>();
        for (Slot slot : common) {
            int s = slot.index();
            boolean aBusy = busy(a, s);
            boolean bBusy = busy(b, s);
            boolean tablesFull = meeting.getAllowedTables().stream().allMatch(t -> tablesInUse.get(s).contains(t.id()));
            if (aBusy) {
                busyA.add(s);
            }
            if (bBusy) {
                busyB.add(s);
            }
            if (aBusy || bBusy) {
                continue;
            }
            if (tablesFull) {
                noTable.add(s);
            } else if (rules.capsBreaks() && (overCap(a, s) || overCap(b, s))) {
                breakCap.add(s);
            } else {
                return "not placed, although " + slot + " was open for both and a table was free";
            }
        }
        List<String> parts = new ArrayList<>();
        if (!busyA.isEmpty()) {
            parts.add(a.label() + " is busy in " + when(busyA));
        }
        if (!busyB.isEmpty()) {
            parts.add((busyA.isEmpty() ? b.label() + " is busy in " : b.label() + " in ") + when(busyB));
        }
        if (!noTable.isEmpty()) {
            parts.add("no table is free in " + when(noTable));
        }
        if (!breakCap.isEmpty()) {
            parts.add("the break cap (" + rules.maxBreaksPerParticipant() + ") rules out " + when(breakCap));
        }
        return (breakCap.isEmpty() ? "no common free slot: " : "no slot left: ") + String.join("; ", parts);
    }

    private boolean busy(Participant p, int slot) {
        int[] counts = bySlot.get(p.index());
        return counts != null && counts[slot] >= p.representatives();
    }

    /** True when one more meeting in {@code slot} would give {@code p} more breaks than the cap allows. */
    private boolean overCap(Participant p, int slot) {
        int[] counts = bySlot.get(p.index());
        List<Integer> slots = new ArrayList<>();
        if (counts != null) {
            for (int s = 1; s < counts.length; s++) {
                if (counts[s] > 0) {
                    slots.add(s);
                }
            }
        }
        slots.add(slot);
        return Breaks.count(slots.stream().mapToInt(Integer::intValue).toArray(), dayOfSlot)
                > rules.maxBreaksPerParticipant();
    }

    /**
     * Slot numbers as people read them: with clock times when the event has them ("slots 1-3 (08:30-09:30), 7
     * (10:30)"), else as {@link #slots}.
     */
    private String when(List<Integer> numbers) {
        if (event == null || numbers.isEmpty() || event.slot(numbers.get(0)).start() == null) {
            return slots(numbers);
        }
        return format(numbers, (from, to) -> {
            Slot first = event.slot(from);
            Slot last = event.slot(to);
            return (from == to ? String.valueOf(from) : from + "-" + to) + " (" + first.start().toLocalTime()
                    + (from == to ? "" : "-" + last.end().toLocalTime()) + ")";
        });
    }

    /** "slot 4" or "slots 1-3, 7, 9-10". */
    static String slots(List<Integer> numbers) {
        return format(numbers, (from, to) -> from == to ? String.valueOf(from) : from + "-" + to);
    }

    /** Writes one run of consecutive slot numbers, {@code from} to {@code to} (the same for a single slot). */
    private interface Run {
        String write(int from, int to);
    }

    /** "slot " or "slots " and the runs of consecutive numbers, each written by {@code run}, joined by commas. */
    private static String format(List<Integer> numbers, Run run) {
        StringBuilder text = new StringBuilder(numbers.size() == 1 ? "slot " : "slots ");
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            if (i > 0) {
                text.append(", ");
            }
            text.append(run.write(numbers.get(i), numbers.get(j)));
            i = j + 1;
        }
        return text.toString();
    }
}
