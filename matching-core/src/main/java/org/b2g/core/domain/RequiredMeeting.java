package org.b2g.core.domain;

import java.util.List;

/**
 * A meeting listed in the event's {@code meetings}: it must be scheduled. {@code session}, {@code fixedSlot}
 * (0 when free) and {@code fixedTable} are optional restrictions; {@code after} holds ids of meetings that must be
 * strictly earlier.
 */
public record RequiredMeeting(String id, String first, String second, String session, int fixedSlot,
        String fixedTable, List<String> after) {
    public RequiredMeeting {
        after = List.copyOf(after);
    }
}
