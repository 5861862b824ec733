package org.b2g.core.domain;

import java.time.LocalDateTime;

/**
 * One time slot, numbered 1..T in chronological order over all sessions.
 * {@code dayIndex} groups the slots of one day: breaks are only counted between slots of the same day,
 * and consecutive slot numbers of one day are adjacent in time even across a session boundary (lunch is no slot).
 * {@code start} and {@code end} are null when the session has no clock time.
 */
public record Slot(int index, String sessionId, int dayIndex, LocalDateTime start, LocalDateTime end) {

    @Override
    public String toString() {
        return start == null ? "slot " + index : "slot " + index + " (" + start.toLocalTime() + ")";
    }
}
