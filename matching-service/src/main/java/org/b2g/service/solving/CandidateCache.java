package org.b2g.service.solving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Meeting;
import org.b2g.core.matching.Candidates;
import org.b2g.core.matching.Relevance;

/**
 * The candidates of the last few events the service matched. Matching a 2,000-participant event takes seconds, and
 * a solve, the publication after it, a repair and the participants' pages each need the same candidates again.
 * Every caller gets its own copies ({@link Meeting#copyIn}): a schedule and its solver change the meetings they hold.
 * An event is found again only when it is equal to the one matched, so an edited event is matched afresh.
 */
public final class CandidateCache {

    /** Events kept: those a city works on at once, not every event it ever held. */
    static final int EVENTS = 4;

    private static final Map<Event, List<Meeting>> KEPT = recentEvents();
    /** Relevance of the same events: the candidates come from it, and self-service ranks every other pair by it. */
    private static final Map<Event, Relevance> RELEVANCE = recentEvents();

    private CandidateCache() {
    }

    /** The relevance of every startup–agency pair of the event (read-only, shared). */
    public static Relevance relevance(Event event) {
        return kept(RELEVANCE, event, Relevance::of);
    }

    /** As {@link Candidates#forEvent(Event)}: fresh meetings, in the same order, that the caller may change. */
    public static List<Meeting> forEvent(Event event) {
        List<Meeting> kept = kept(KEPT, event, e -> List.copyOf(Candidates.forEvent(e, relevance(e))));
        return kept.stream().map(meeting -> meeting.copyIn(event)).toList();
    }

    /** What {@code map} holds for the event, else {@code work}'s result, computed outside the lock and then kept. */
    private static <V> V kept(Map<Event, V> map, Event event, Function<Event, V> work) {
        V kept;
        synchronized (map) {
            kept = map.get(event);
        }
        if (kept == null) {
            kept = work.apply(event); // outside the lock: other events need not wait
            synchronized (map) {
                map.put(event, kept);
            }
        }
        return kept;
    }

    /** A map of the {@link #EVENTS} events used last. */
    private static <V> Map<Event, V> recentEvents() {
        return new LinkedHashMap<>(EVENTS * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Event, V> eldest) {
                return size() > EVENTS;
            }
        };
    }
}
