package org.b2g.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventWarningsTest {

    @Test
    void aRequestBetweenAnExcludedPairIsNamedWithBothParticipantsAndTheExclusion() {
        // BASE asks s-1 -> a-2 and excludes the pair.
        assertEquals(List.of("requests[0]: s-1 and a-2 are excluded from meeting (exclusions[0]); the request will"
                + " not be met"), EventWarnings.of(EventJsonTest.read(EventJsonTest.BASE)));
    }

    @Test
    void aRequestListedTwiceWithDifferentPrioritiesCountsOnceAtTheHigher() {
        String json = EventJsonTest.BASE.replace("\"requests\": [{\"from\": \"s-1\", \"to\": \"a-2\"}]",
                "\"requests\": [{\"from\": \"s-1\", \"to\": \"a-1\"}, {\"from\": \"s-1\", \"to\": \"a-1\","
                        + " \"priority\": \"must\"}, {\"from\": \"a-1\", \"to\": \"s-1\"}]");

        assertEquals(List.of("requests[1]: s-1 asks a-1 again, as must (requests[0]: normal); the request counts"
                + " once, as must"), EventWarnings.of(EventJsonTest.read(json)));
    }

    @Test
    void anEventWithoutSuchRequestsHasNoWarning() {
        String json = EventJsonTest.BASE.replace("\"exclusions\": [{\"participants\": [\"s-1\", \"a-2\"]}]",
                "\"exclusions\": [{\"participants\": [\"s-1\", \"a-1\"]}]");

        assertEquals(List.of(), EventWarnings.of(EventJsonTest.read(json)));
    }

    @Test
    void aMinimumAboveTheSlotsAParticipantAttendsSaysHowManyCanTakePlace() {
        // BASE has 5 slots: 08:30-09:30 (3) and 2 after lunch.
        String json = EventJsonTest.BASE
                .replace("\"exclusions\": [{\"participants\": [\"s-1\", \"a-2\"]}]", "\"exclusions\": []")
                .replace("{\"id\": \"s-1\", \"role\": \"startup\"}",
                        "{\"id\": \"s-1\", \"role\": \"startup\", \"minMeetings\": 5, \"unavailableSlots\": [1]}")
                .replace("{\"id\": \"a-1\", \"role\": \"agency\"}",
                        "{\"id\": \"a-1\", \"role\": \"agency\", \"minMeetings\": 5, \"representatives\": 2,"
                                + " \"unavailableSlots\": [1, 2]}"); // 3 slots, 2 at a time: 5 fit

        assertEquals(List.of("participants[0]: s-1 asks for at least 5 meetings (minMeetings) but attends 4 of 5 slots"
                + " with 1 representative; at most 4 can take place"), EventWarnings.of(EventJsonTest.read(json)));
    }
}
