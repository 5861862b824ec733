package org.b2g.core.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A block of consecutive slots. Slots are numbered over all sessions, so a session owns
 * {@code firstSlot..lastSlot()}. {@code date} and {@code start} are null for sessions without clock time;
 * {@code day} is the date's text, or "1" when there is none.
 */
public record Session(String id, String day, LocalDate date, LocalTime start, int slotCount, int firstSlot) {

    public int lastSlot() {
        return firstSlot + slotCount - 1;
    }

    public boolean contains(int slot) {
        return slot >= firstSlot && slot <= lastSlot();
    }
}
