package org.b2g.core.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.b2g.core.domain.Event;

/** Two events are the same when every fact the engine reads from them is equal. */
final class SameEvent {

    private SameEvent() {
    }

    static void assertSameEvent(Event expected, Event actual) {
        assertEquals(expected.id(), actual.id(), "id");
        assertEquals(expected.name(), actual.name(), "name");
        assertEquals(expected.timeZone(), actual.timeZone(), "timeZone");
        assertEquals(expected.slotMinutes(), actual.slotMinutes(), "slotMinutes");
        assertEquals(expected.sessions(), actual.sessions(), "sessions");
        assertEquals(expected.slots(), actual.slots(), "slots");
        assertEquals(expected.tables(), actual.tables(), "tables");
        assertEquals(expected.participants().size(), actual.participants().size(), "participant count");
        for (int i = 0; i < expected.participants().size(); i++) {
            assertEquals(expected.participants().get(i), actual.participants().get(i), "participant " + i);
        }
        assertEquals(expected.meetings(), actual.meetings(), "meetings");
        assertEquals(expected.requests(), actual.requests(), "requests");
        assertEquals(expected.exclusions(), actual.exclusions(), "exclusions");
        assertEquals(expected.rules(), actual.rules(), "rules");
    }
}
