package org.b2g.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.b2g.core.matching.Candidates;
import org.b2g.core.matching.EventBuilder;
import org.junit.jupiter.api.Test;

class EventEqualityTest {

    private static Event event(int recommendations) {
        return EventBuilder.slots(4).tables(3)
                .agency("a-1").agency("a-2")
                .startup("s-1").startup("s-2")
                .request("s-1", "a-1", Priority.HIGH)
                .build()
                .withRules(new Rules(Rules.NO_CAP, recommendations, 0.0));
    }

    @Test
    void eventsWithTheSameContentAreEqualLikeRecords() {
        assertEquals(event(3), event(3));
        assertEquals(event(3).hashCode(), event(3).hashCode());
        assertNotEquals(event(3), event(1));
    }

    @Test
    void aMeetingCopiedIntoAnEqualEventUsesThatEventsFactsAndItsOwnPlacement() {
        Event made = event(3);
        Event other = event(3);
        Meeting meeting = Candidates.forEvent(made).getFirst();
        meeting.setSlot(made.slot(2));
        meeting.setTable(made.tables().get(1));
        meeting.setPinned(true);

        Meeting copy = meeting.copyIn(other);
        assertNotSame(meeting, copy);
        assertEquals(meeting.getId(), copy.getId());
        assertEquals(meeting.getWeight(), copy.getWeight());
        assertSame(other.participant(meeting.getFirst().id()), copy.getFirst());
        assertSame(other.slot(2), copy.getSlot());
        assertSame(other.tables().get(1), copy.getTable());
        assertEquals(true, copy.isPinned());
        assertSame(other.tables(), copy.getAllowedTables());

        copy.setSlot(null);
        assertSame(made.slot(2), meeting.getSlot(), "the copy is placed on its own");
        assertNull(copy.getSlot());
    }
}
