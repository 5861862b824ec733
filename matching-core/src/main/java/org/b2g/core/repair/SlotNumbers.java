package org.b2g.core.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.ScheduleFile;
import org.b2g.core.io.ScheduleFile.Placement;

/**
 * {@code unavailableSlots} are slot numbers, and slot numbers follow the sessions: a session added before the others
 * (or one moved) renumbers every later slot, so a participant's numbers silently come to mean other times. The
 * published schedule knows each of its slots by number and by clock time; when the two no longer agree with the
 * event, this says so for every participant whose numbers it shifts.
 */
final class SlotNumbers {

    /** Participants named one by one; the rest are counted. */
    static final int NAMED = 20;

    private SlotNumbers() {
    }

    /** One sentence for the renumbering and one per participant whose unavailable slots it shifts; empty if none. */
    static List<String> warnings(Event event, ScheduleFile published, boolean wallClock) {
        // Published slot number -> the number of the slot at the same clock time now.
        TreeMap<Integer, Integer> renumbered = new TreeMap<>();
        // Published slot numbers whose time no slot has now (a session shortened).
        Map<Integer, String> gone = new TreeMap<>();
        for (Placement placement : published.meetings()) {
            if (placement.start() == null) {
                continue;
            }
            Slot now = placement.slotIn(event, wallClock);
            if (now == null) {
                gone.putIfAbsent(placement.slot(), placement.start().length() >= 16
                        ? placement.start().substring(11, 16) : placement.start());
            } else if (now.start() != null) {
                renumbered.putIfAbsent(placement.slot(), now.index());
            }
        }
        Map.Entry<Integer, Integer> firstShift = renumbered.entrySet().stream()
                .filter(e -> !e.getKey().equals(e.getValue())).findFirst().orElse(null);
        if (firstShift == null) {
            return List.of(); // no slot moved (a slot at the end gone shifts no number)
        }
        List<String> warnings = new ArrayList<>();
        warnings.add("the slots were renumbered since the schedule was published (its slot " + firstShift.getKey()
                + " is now slot " + firstShift.getValue() + " at " + time(event.slot(firstShift.getValue()))
                + "): unavailableSlots are slot numbers, so the same numbers now mean other times");
        int shifted = 0;
        for (Participant p : event.participants()) {
            List<Integer> numbers = p.unavailableSlots().stream().sorted().toList();
            if (numbers.isEmpty()) {
                continue;
            }
            List<Integer> meant = numbers.stream().filter(k -> !gone.containsKey(k) && !renumbered.isEmpty())
                    .map(k -> k + shift(renumbered, k)).distinct().sorted().toList();
            List<Integer> lost = numbers.stream().filter(gone::containsKey).toList();
            if (numbers.equals(meant)) {
                continue;
            }
            if (++shifted > NAMED) {
                continue;
            }
            List<String> before = new ArrayList<>();
            if (!meant.isEmpty() && meant.stream().allMatch(k -> k >= 1 && k <= event.slotCount())) {
                before.add(times(event, meant) + ", now slots " + numbers(meant));
            }
            lost.forEach(k -> before.add(gone.get(k) + " (its slot " + k + "), which no slot has now"));
            warnings.add(p.id() + ": unavailableSlots " + numbers(numbers) + " now mean " + times(event, numbers)
                    + (before.isEmpty() ? "" : "; at the published numbering they meant " + String.join(" and ", before))
                    + "; check which "
                    + p.id() + " means");
        }
        if (shifted > NAMED) {
            warnings.add("and " + (shifted - NAMED) + " more participants whose unavailableSlots the renumbering"
                    + " shifts");
        }
        return warnings;
    }

    /** How far published slot {@code k} moved: known from a meeting there, else from the nearest slot before (after). */
    private static int shift(TreeMap<Integer, Integer> renumbered, int k) {
        Map.Entry<Integer, Integer> near = renumbered.floorEntry(k);
        if (near == null) {
            near = renumbered.ceilingEntry(k);
        }
        return near.getValue() - near.getKey();
    }

    /** Runs of slot numbers: {@code 1-3, 7}. */
    static String numbers(List<Integer> numbers) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < numbers.size(); ) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            runs.add(i == j ? String.valueOf(numbers.get(i)) : numbers.get(i) + "-" + numbers.get(j));
            i = j + 1;
        }
        return String.join(", ", runs);
    }

    /**
     * The clock times of slot numbers as ranges ({@code 11:10-11:50, 13:30-16:10}), with the day when the event has
     * several; a number the event does not have as itself.
     */
    private static String times(Event event, List<Integer> numbers) {
        boolean days = event.sessions().stream().map(s -> s.day()).distinct().count() > 1;
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < numbers.size(); ) {
            int k = numbers.get(i);
            if (k < 1 || k > event.slotCount() || event.slot(k).start() == null) {
                runs.add("slot " + k);
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) <= event.slotCount()
                    && numbers.get(j + 1) == numbers.get(j) + 1
                    && event.slot(numbers.get(j)).end().equals(event.slot(numbers.get(j + 1)).start())) {
                j++;
            }
            Slot first = event.slot(k);
            Slot last = event.slot(numbers.get(j));
            runs.add((days ? first.start().toLocalDate() + " " : "") + first.start().toLocalTime() + "-"
                    + last.end().toLocalTime());
            i = j + 1;
        }
        return String.join(", ", runs);
    }

    private static String time(Slot slot) {
        return slot.start() == null ? "slot " + slot.index() : slot.start().toLocalDate() + " "
                + slot.start().toLocalTime();
    }
}
