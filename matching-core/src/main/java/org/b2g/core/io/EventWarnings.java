package org.b2g.core.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Exclusion;
import org.b2g.core.domain.Participant;
import org.b2g.core.domain.Request;

/**
 * What an event allows but its organizer most likely did not mean, in the words the spreadsheet import uses: a
 * request between two participants who are excluded from meeting (it is never met), and a request listed twice
 * with different priorities (it counts once, at the higher), and a participant's {@code minMeetings} above what it can
 * attend (more than its available slots times its representatives). Places are the {@code b2g-event/1} paths
 * ({@code requests[3]}), since the event's lists keep the file's order.
 */
public final class EventWarnings {

    private EventWarnings() {
    }

    /** One sentence per request or minimum that cannot count as written; empty when there is none. */
    public static List<String> of(Event event) {
        Map<String, Integer> exclusionIndex = new HashMap<>();
        List<Exclusion> exclusions = event.exclusions();
        for (int i = 0; i < exclusions.size(); i++) {
            exclusionIndex.putIfAbsent(pairKey(exclusions.get(i).first(), exclusions.get(i).second()), i);
        }
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> first = new HashMap<>();
        List<Request> requests = event.requests();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            Integer excluded = exclusionIndex.get(pairKey(request.from(), request.to()));
            if (excluded != null) {
                warnings.add("requests[" + i + "]: " + request.from() + " and " + request.to()
                        + " are excluded from meeting (exclusions[" + excluded + "]); the request will not be met");
            }
            Integer earlier = first.putIfAbsent(request.from() + "\u0000" + request.to(), i);
            if (earlier != null && requests.get(earlier).priority() != request.priority()) {
                Request before = requests.get(earlier);
                String higher = (before.priority().compareTo(request.priority()) <= 0 ? before : request)
                        .priority().code();
                warnings.add("requests[" + i + "]: " + request.from() + " asks " + request.to() + " again, as "
                        + request.priority().code() + " (requests[" + earlier + "]: " + before.priority().code()
                        + "); the request counts once, as " + higher);
            }
        }
        List<Participant> participants = event.participants();
        for (int i = 0; i < participants.size(); i++) {
            String beyond = minimumBeyondReach(participants.get(i), event.slotCount());
            if (beyond != null) {
                warnings.add("participants[" + i + "]: " + beyond);
            }
        }
        return warnings;
    }

    /**
     * A {@code minMeetings} no schedule can reach: more than the slots the participant attends, times its
     * representatives. Its shortfall costs every schedule the same, so the solver cannot say more than its score.
     */
    private static String minimumBeyondReach(Participant participant, int slots) {
        if (participant.minMeetings() <= 0) {
            return null;
        }
        int attended = 0;
        for (int s = 1; s <= slots; s++) {
            if (participant.isAvailable(s)) {
                attended++;
            }
        }
        long most = (long) attended * participant.representatives();
        if (participant.minMeetings() <= most) {
            return null;
        }
        return participant.id() + " asks for at least " + participant.minMeetings()
                + (participant.minMeetings() == 1 ? " meeting" : " meetings") + " (minMeetings) but"
                + " attends " + attended + " of " + slots + (slots == 1 ? " slot" : " slots") + " with " + participant.representatives()
                + " representative" + (participant.representatives() == 1 ? "" : "s") + "; at most " + most
                + " can take place";
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }
}
