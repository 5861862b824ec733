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
}
