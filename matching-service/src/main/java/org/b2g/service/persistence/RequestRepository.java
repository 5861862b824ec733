package org.b2g.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.b2g.core.domain.Event;
import org.b2g.core.domain.Slot;
import org.b2g.core.io.ScheduleFile;

/**
 * Self-service: whether the organizer turned it on for an event, and the participants' requests to meet. The
 * {@link #lock} of an event's self-service row is what serialises acceptances and cancellations of one event.
 */
public final class RequestRepository {

    /** Where a request stands. */
    public enum State { PENDING, ACCEPTED, DECLINED, CANCELLED }

    /**
     * A stored request. {@code closedBy} is who declined or cancelled it, {@code reason} why when it was not one of
     * its participants (null otherwise); {@code meetingId}, {@code tableId} and {@code version} say where an
     * accepted one went (version 0 and nulls otherwise); {@code slot} and {@code start} are the slot asked for and its
     * clock time as the schedule writes it, so that a slot number standing for another time since is not booked (start
     * null when the event has no times, or for a request stored before it was kept); once accepted, they and
     * {@code tableId} are where the published schedule has its meeting (a repair or a roll-back may have moved it).
     */
    public record StoredRequest(String eventId, String id, String fromId, String toId, int slot, State state,
            long createdAt, long updatedAt, String closedBy, String meetingId, String tableId, int version,
            String reason, String start) {

        public boolean involves(String participantId) {
            return fromId.equals(participantId) || toId.equals(participantId);
        }

        public String counterpartOf(String participantId) {
            return fromId.equals(participantId) ? toId : fromId;
        }

        /**
         * The slot of {@code event} that starts at the time this request was asked for (the sessions may have
         * changed since, renumbering the slots), null when none does; by its number when it was stored without one.
         */
        public Slot slotAskedFor(Event event) {
            return new ScheduleFile.Placement(id, fromId, toId, slot, null, null, start).slotIn(event);
        }
    }

    private static final String COLUMNS = "event_id, id, from_id, to_id, slot, state, created_at, updated_at,"
            + " closed_by, meeting_id, table_id, version, reason, slot_start";
    private static final String ENABLED = "SELECT enabled FROM self_service WHERE event_id = ?";
    private static final String UPDATE_ENABLED =
            "UPDATE self_service SET enabled = ?, updated_at = ? WHERE event_id = ?";
    private static final String INSERT_ENABLED =
            "INSERT INTO self_service (event_id, enabled, changes, updated_at) VALUES (?, ?, 0, ?)";
    private static final String LOCK =
            "UPDATE self_service SET changes = changes + 1 WHERE event_id = ? AND enabled = 1";
    private static final String INSERT = "INSERT INTO meeting_requests (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM meeting_requests WHERE event_id = ? AND id = ?";
    private static final String LIST = "SELECT " + COLUMNS + " FROM meeting_requests WHERE event_id = ?"
            + " ORDER BY created_at, id";
    private static final String LIST_OF = "SELECT " + COLUMNS + " FROM meeting_requests WHERE event_id = ?"
            + " AND (from_id = ? OR to_id = ?) ORDER BY created_at, id";
    private static final String CLOSE = "UPDATE meeting_requests SET state = ?, updated_at = ?, closed_by = ?,"
            + " reason = ? WHERE event_id = ? AND id = ? AND state = ?";
    private static final String ACCEPT = "UPDATE meeting_requests SET state = 'ACCEPTED', updated_at = ?,"
            + " meeting_id = ?, table_id = ?, version = ? WHERE event_id = ? AND id = ? AND state = 'PENDING'";

    private static final String PLACE = "UPDATE meeting_requests SET meeting_id = ?, slot = ?, slot_start = ?,"
            + " table_id = ?, updated_at = ? WHERE event_id = ? AND id = ? AND state = 'ACCEPTED'";
    private static final String AGREED = "SELECT meeting_id FROM meeting_requests WHERE event_id = ?"
            + " AND state = 'ACCEPTED' AND meeting_id IS NOT NULL";
    private static final String REOPEN = "UPDATE meeting_requests SET state = 'ACCEPTED', updated_at = ?,"
            + " closed_by = NULL, reason = NULL, table_id = ?, version = ? WHERE event_id = ? AND id = ?"
            + " AND state = 'CANCELLED'";

    /** Whether self-service is on for the event (off when never set). */
    public boolean enabled(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ENABLED)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getInt(1) != 0;
            }
        }
    }

    /** Turns self-service on or off for a stored event. */
    public void setEnabled(Connection c, String eventId, boolean enabled, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE_ENABLED)) {
            s.setInt(1, enabled ? 1 : 0);
            s.setLong(2, now);
            s.setString(3, eventId);
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ENABLED)) {
            s.setString(1, eventId);
            s.setInt(2, enabled ? 1 : 0);
            s.setLong(3, now);
            s.executeUpdate();
        }
    }

    /**
     * Takes the event's self-service row lock until the transaction ends: a second transaction doing the same waits
     * (or fails as a conflict), so it reads the published version only after the first one committed.
     *
     * @return false when self-service is off for the event (nothing is locked then)
     */
    public boolean lock(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setString(1, eventId);
            return s.executeUpdate() == 1;
        }
    }

    /** Stores a new pending request for {@code slot}, which starts at {@code start} (null: no times), and returns it. */
    public StoredRequest insert(Connection c, String eventId, String fromId, String toId, int slot, String start,
            long now) throws SQLException {
        StoredRequest request = new StoredRequest(eventId, "r-" + EventRepository.random().substring(0, 12), fromId,
                toId, slot, State.PENDING, now, now, null, null, null, 0, null, start);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, eventId);
            s.setString(2, request.id());
            s.setString(3, fromId);
            s.setString(4, toId);
            s.setInt(5, slot);
            s.setString(6, State.PENDING.name());
            s.setLong(7, now);
            s.setLong(8, now);
            s.setNull(9, Types.VARCHAR);
            s.setNull(10, Types.VARCHAR);
            s.setNull(11, Types.VARCHAR);
            s.setNull(12, Types.INTEGER);
            s.setNull(13, Types.VARCHAR);
            Statements.setText(s, 14, start);
            s.executeUpdate();
        }
        return request;
    }

    /** The request, or null. */
    public StoredRequest find(Connection c, String eventId, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, eventId);
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? read(r) : null;
            }
        }
    }

    /** Every request of the event, oldest first; only those of {@code participantId} when it is not null. */
    public List<StoredRequest> list(Connection c, String eventId, String participantId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(participantId == null ? LIST : LIST_OF)) {
            s.setString(1, eventId);
            if (participantId != null) {
                s.setString(2, participantId);
                s.setString(3, participantId);
            }
            List<StoredRequest> list = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(read(r));
                }
            }
            return list;
        }
    }

    /**
     * The ids of the published meetings that accepted requests made: two participants agreed on them, whatever id
     * they carry (a repair keeps them although their pair is no longer a candidate).
     */
    public Set<String> agreedMeetings(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AGREED)) {
            s.setString(1, eventId);
            Set<String> ids = new HashSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }

    /**
     * Moves a request from state {@code from} to {@code to} (declined or cancelled by {@code by}).
     *
     * @return false when it was no longer in state {@code from}
     */
    public boolean close(Connection c, StoredRequest request, State from, State to, String by, long now)
            throws SQLException {
        return close(c, request, from, to, by, null, now);
    }

    /**
     * As {@link #close(Connection, StoredRequest, State, State, String, long)}, saying why ({@code reason}) when
     * the organizer's action closes it rather than one of its participants.
     */
    public boolean close(Connection c, StoredRequest request, State from, State to, String by, String reason,
            long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLOSE)) {
            s.setString(1, to.name());
            s.setLong(2, now);
            s.setString(3, by);
            if (reason == null) {
                s.setNull(4, Types.VARCHAR);
            } else {
                s.setString(4, reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…");
            }
            s.setString(5, request.eventId());
            s.setString(6, request.id());
            s.setString(7, from.name());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Marks a pending request accepted, with the meeting it became.
     *
     * @return false when it was no longer pending
     */
    public boolean accept(Connection c, StoredRequest request, String meetingId, String tableId, int version,
            long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ACCEPT)) {
            s.setLong(1, now);
            s.setString(2, meetingId);
            Statements.setText(s, 3, tableId);
            s.setInt(4, version);
            s.setString(5, request.eventId());
            s.setString(6, request.id());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Makes an accepted request say where its meeting is published now: {@code meetingId} in {@code slot}, which
     * starts at {@code start} (null: no times), at {@code tableId}. A repair or a roll-back may have moved the meeting
     * to another slot or table since it was accepted, and a required meeting the organizer added for the pair makes it
     * that one, under its own id.
     *
     * @return false when it was no longer accepted
     */
    public boolean place(Connection c, StoredRequest request, String meetingId, int slot, String start,
            String tableId, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PLACE)) {
            s.setString(1, meetingId);
            s.setInt(2, slot);
            Statements.setText(s, 3, start);
            Statements.setText(s, 4, tableId);
            s.setLong(5, now);
            s.setString(6, request.eventId());
            s.setString(7, request.id());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Makes a request cancelled by the organizer's action accepted again, its meeting back in published version
     * {@code version} at {@code tableId} (an absence taken back restored it).
     *
     * @return false when it was no longer cancelled
     */
    public boolean reopen(Connection c, StoredRequest request, String tableId, int version, long now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REOPEN)) {
            s.setLong(1, now);
            Statements.setText(s, 2, tableId);
            s.setInt(3, version);
            s.setString(4, request.eventId());
            s.setString(5, request.id());
            return s.executeUpdate() == 1;
        }
    }

    private static StoredRequest read(ResultSet r) throws SQLException {
        return new StoredRequest(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                State.valueOf(r.getString(6)), r.getLong(7), r.getLong(8), r.getString(9), r.getString(10),
                r.getString(11), r.getInt(12), r.getString(13), r.getString(14));
    }
}
