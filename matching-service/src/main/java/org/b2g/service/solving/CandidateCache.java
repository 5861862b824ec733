package org.b2g.service.solving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.matching.Candidates;

/**
 * The candidates of the last few events the service matched. Matching a 2,000-participant event takes seconds, and
 * a solve, the publication after it, a repair and the participants' pages each need the same candidates again.
 * Every caller gets its own copies ({@link Meeting#copyIn}): a schedule and its solver change the meetings they hold.
 * An event is found again only when it is equal to the one matched, so an edited event is matched afresh.
 */
public final class CandidateCache {

    /** Events kept: those a city works on at once, not every event it ever held. */
    static final int EVENTS = 4;

    private static final Map<Event, List<Meeting>> KEPT = new LinkedHashMap<>(EVENTS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Event, List<Meeting>> eldest) {
            return size() > EVENTS;
        }
    };

    private CandidateCache() {
    }

    /** As {@link Candidates#forEvent(Event)}: fresh meetings, in the same order, that the caller may change. */
    public static List<Meeting> forEvent(Event event) {
        List<Meeting> kept;
        synchronized (KEPT) {
            kept = KEPT.get(event);
        }
        if (kept == null) {
            kept = List.copyOf(Candidates.forEvent(event)); // outside the lock: other events need not wait
            synchronized (KEPT) {
                KEPT.put(event, kept);
            }
        }
        return kept.stream().map(meeting -> meeting.copyIn(event)).toList();
    }
}
