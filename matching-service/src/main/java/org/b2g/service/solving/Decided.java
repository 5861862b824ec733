package org.b2g.service.solving;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.b2g.core.io.ScheduleFile;

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
     * Cancels every accepted request whose pair published version {@code version} no longer meets (the organizer
     * rolled back to a version before the acceptance, or published a draft made after it that does not hold it: a
     * plain solve, a repair after its participant left; a draft made before it is refused). A pair that still meets
     * under another id keeps its request accepted, which then names that meeting: a repair makes an agreed meeting
     * the required one the organizer added for the pair since, under the required meeting's id, and for the two it
     * is the same meeting. Every request that stays accepted says where the version has its meeting (see
     * {@link #meetingsMoved}).
     *
     * @param meetings the meetings version {@code version} holds
     * @return the ids of the requests closed
     */
    static List<String> meetingsNotPublished(RequestRepository requests, Connection c, String eventId,
            List<ScheduleFile.Placement> meetings, int version, long now) throws SQLException {
        meetingsMoved(requests, c, eventId, meetings, now);
        List<StoredRequest> accepted = requests.list(c, eventId, null).stream()
                .filter(r -> r.state() == State.ACCEPTED && r.meetingId() != null).toList();
        Set<String> held = new HashSet<>();
        meetings.forEach(p -> held.add(p.id()));
        Set<String> named = new HashSet<>();
        accepted.forEach(r -> named.add(r.meetingId()));
        List<String> closed = new ArrayList<>();
        for (StoredRequest r : accepted) {
            if (held.contains(r.meetingId())) {
                continue;
            }
            ScheduleFile.Placement same = meetings.stream().filter(p -> !named.contains(p.id())
                    && r.involves(p.first()) && r.involves(p.second())).findFirst().orElse(null);
            if (same != null && follow(requests, c, r, same, now)) {
                named.add(same.id());
            } else if (requests.close(c, r, State.ACCEPTED, State.CANCELLED, BY, "Published version " + version
                    + " no longer holds this meeting.", now)) {
                closed.add(r.id());
            }
        }
        return closed;
    }

    /**
     * Makes each accepted request whose meeting {@code meetings} holds (by its id, between its two participants) say
     * where that meeting is now: its slot, the slot's clock time and its table. A repair moves an agreed meeting whose
     * slot is gone or that a participant can no longer attend, a roll-back puts it where that version had it, an
     * absence taken back restores it at another table or under another slot number; the request kept the slot it was
     * accepted in, which it showed, and a cancellation asked whether that slot had started.
     *
     * @param meetings the meetings of the version just published
     */
    static void meetingsMoved(RequestRepository requests, Connection c, String eventId,
            List<ScheduleFile.Placement> meetings, long now) throws SQLException {
        Map<String, ScheduleFile.Placement> byId = new HashMap<>();
        meetings.forEach(p -> byId.put(p.id(), p));
        for (StoredRequest r : requests.list(c, eventId, null)) {
            ScheduleFile.Placement p = r.state() == State.ACCEPTED && r.meetingId() != null ? byId.get(r.meetingId())
                    : null;
            if (p != null && r.involves(p.first()) && r.involves(p.second())) {
                follow(requests, c, r, p, now);
            }
        }
    }

    /**
     * Makes accepted request {@code r} name meeting {@code p} where it is, unless it says so already.
     *
     * @return false when it was no longer accepted
     */
    private static boolean follow(RequestRepository requests, Connection c, StoredRequest r, ScheduleFile.Placement p,
            long now) throws SQLException {
        boolean same = p.id().equals(r.meetingId()) && p.slot() == r.slot() && Objects.equals(p.start(), r.start())
                && Objects.equals(p.table(), r.tableId());
        return same || requests.place(c, r, p.id(), p.slot(), p.start(), p.table(), now);
    }
}
