package org.b2g.service.solving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Rules;
import org.b2g.core.io.EventJson;
import org.b2g.core.matching.Candidates;
import org.b2g.service.TestService;
import org.junit.jupiter.api.Test;

class CandidateCacheTest {

    private static Event sample() {
        return EventJson.read(TestService.sampleEvent(), "sample");
    }

    private static List<String> summary(List<Meeting> meetings) {
        return meetings.stream().map(m -> m.getId() + " " + m.getOrigin() + " " + m.getWeight() + " "
                + m.getRelevance() + " " + m.getReasons() + " " + m.getAllowedSlots().size()).toList();
    }

    @Test
    void anEqualEventGetsTheSameCandidatesAsAFreshMatchingOnItsOwnParticipantsSlotsAndTables() {
        Event first = sample();
        Event again = sample();
        List<Meeting> kept = CandidateCache.forEvent(first);
        List<Meeting> copies = CandidateCache.forEvent(again);

        assertEquals(summary(Candidates.forEvent(again)), summary(copies));
        Meeting meeting = copies.getFirst();
        assertNotSame(kept.getFirst(), meeting);
        assertSame(again.participant(meeting.getFirst().id()), meeting.getFirst());
        assertSame(again.slot(meeting.getAllowedSlots().getFirst().index()), meeting.getAllowedSlots().getFirst());
        assertSame(again.tables(), meeting.getAllowedTables(), "all tables: the event's own list, shared");
    }

    @Test
    void aMeetingPlacedByOneCallerIsUnplacedForTheNext() {
        Event event = sample();
        Meeting placed = CandidateCache.forEvent(event).getFirst();
        placed.setSlot(event.slot(1));
        placed.setTable(event.tables().getFirst());

        Meeting next = CandidateCache.forEvent(event).getFirst();
        assertEquals(placed.getId(), next.getId());
        assertNull(next.getSlot());
        assertNull(next.getTable());
    }

    @Test
    void anEditedEventIsMatchedAfresh() {
        Event event = sample();
        Rules rules = event.rules();
        Event fewer = event.withRules(new Rules(rules.maxBreaksPerParticipant(), 1, rules.minRelevance()));
        List<Meeting> before = CandidateCache.forEvent(event);
        List<Meeting> after = CandidateCache.forEvent(fewer);

        assertEquals(summary(Candidates.forEvent(fewer)), summary(after), "one recommendation each, not three");
        assertEquals(false, summary(before).equals(summary(after)));
    }
}
