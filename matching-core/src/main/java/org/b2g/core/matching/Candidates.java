package org.b2g.core.matching;

import java.util.List;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.domain.Meetings;

/**
 * The candidate meetings of an event: required meetings, then requests and recommendations.
 * OWNED BY THE MATCHING WORK (for now only the required meetings).
 */
public final class Candidates {

    private Candidates() {
    }

    public static List<Meeting> forEvent(Event event) {
        return Meetings.required(event);
    }
}
