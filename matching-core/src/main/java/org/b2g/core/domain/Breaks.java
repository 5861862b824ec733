package org.b2g.core.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The break count of docs/scoring.md: a break is a maximal run of idle slots strictly between two meetings of the
 * same participant on the same day. One definition, used by the constraints, the metrics and the search.
 */
public final class Breaks {

    private Breaks() {
    }

    /**
     * @param slots the slot numbers of one participant's meetings, in any order, repeats allowed
     * @param dayOfSlot day index by slot number (index 0 unused)
     */
    public static int count(int[] slots, int[] dayOfSlot) {
        if (slots.length < 2) {
            return 0;
        }
        int[] sorted = slots.clone();
        Arrays.sort(sorted);
        int breaks = 0;
        for (int i = 1; i < sorted.length; i++) {
            int previous = sorted[i - 1];
            int current = sorted[i];
            if (current - previous > 1 && dayOfSlot[current] == dayOfSlot[previous]) {
                breaks++;
            }
        }
        return breaks;
    }

    /** Day index by slot number for an event's slots (index 0 unused). */
    public static int[] dayOfSlot(List<Slot> slots) {
        int[] days = new int[slots.size() + 1];
        for (Slot slot : slots) {
            days[slot.index()] = slot.dayIndex();
        }
        return days;
    }
}
