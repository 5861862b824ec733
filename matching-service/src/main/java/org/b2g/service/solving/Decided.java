package org.b2g.service.solving;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.b2g.service.persistence.RequestRepository;
import org.b2g.service.persistence.RequestRepository.State;
import org.b2g.service.persistence.RequestRepository.StoredRequest;

/**
 * Self-service requests that the organizer's actions leave without a future, closed in the same transaction so
 * that none waits for an answer that cannot come or reads as accepted while its meeting is gone: each is closed
 * by {@code organizer}, with the reason in words.
 */
final class Decided {

    static final String BY = "organizer";

    private Decided() {
    }

    /**
     * Closes the requests of {@code participantId}, which can no longer take part ({@code reason}): a pending one
     * asked of it is declined, one it asked is cancelled, and an accepted one whose meeting is among
     * {@code cancelledMeetings} is cancelled.
     *
     * @return the ids of the requests closed
     */
    static List<String> participantGone(RequestRepository requests, Connection c, String eventId,
            String participantId, Set<String> cancelledMeetings, String reason, long now) throws SQLException {
        List<String> closed = new ArrayList<>();
        for (StoredRequest r : requests.list(c, eventId, participantId)) {
            State to = r.state() == State.PENDING ? (r.toId().equals(participantId) ? State.DECLINED : State.CANCELLED)
                    : r.state() == State.ACCEPTED && cancelledMeetings.contains(r.meetingId()) ? State.CANCELLED
                    : null;
            if (to != null && requests.close(c, r, r.state(), to, BY, reason, now)) {
                closed.add(r.id());
            }
        }
        return closed;
    }

    /**
     * Cancels every accepted request whose meeting published version {@code version} no longer holds (the
     * organizer rolled back to a version before the acceptance, or published a draft made after it that does not
     * hold it: a plain solve, a repair after its participant left; a draft made before it is refused).
     *
     * @param meetings the ids of the meetings version {@code version} holds
     * @return the ids of the requests closed
     */
    static List<String> meetingsNotPublished(RequestRepository requests, Connection c, String eventId,
            Set<String> meetings, int version, long now) throws SQLException {
        List<String> closed = new ArrayList<>();
        for (StoredRequest r : requests.list(c, eventId, null)) {
            if (r.state() == State.ACCEPTED && r.meetingId() != null && !meetings.contains(r.meetingId())
                    && requests.close(c, r, State.ACCEPTED, State.CANCELLED, BY, "Published version " + version
                            + " no longer holds this meeting.", now)) {
                closed.add(r.id());
            }
        }
        return closed;
    }
}
