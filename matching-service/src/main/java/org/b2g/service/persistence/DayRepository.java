package org.b2g.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The day itself: meetings marked held or no-show, and participants marked absent. */
public final class DayRepository {

    /** What happened to a published meeting. */
    public enum Attendance {
        HELD, NO_SHOW;

        public String code() {
            return this == HELD ? "held" : "no-show";
        }

        /** @return null for "pending" (the mark is taken back) */
        public static Attendance parse(String code) {
            return switch (code) {
                case "held" -> HELD;
                case "no-show" -> NO_SHOW;
                case "pending" -> null;
                default -> throw new IllegalArgumentException("The state (" + code + ") is not held, no-show or"
                        + " pending.");
            };
        }
    }

    private static final String DELETE_MARK = "DELETE FROM attendance WHERE event_id = ? AND meeting_id = ?";
    private static final String INSERT_MARK = "INSERT INTO attendance (event_id, meeting_id, state, marked_at,"
            + " marked_by) VALUES (?, ?, ?, ?, ?)";
    private static final String MARKS = "SELECT meeting_id, state FROM attendance WHERE event_id = ?"
            + " ORDER BY marked_at, meeting_id";
    private static final String INSERT_ABSENCE = "INSERT INTO absences (event_id, participant_id, marked_at)"
            + " VALUES (?, ?, ?)";
    private static final String IS_ABSENT = "SELECT 1 FROM absences WHERE event_id = ? AND participant_id = ?";
    private static final String ABSENT = "SELECT participant_id FROM absences WHERE event_id = ?"
            + " ORDER BY marked_at, participant_id";
    private static final String ABSENT_SINCE = "SELECT marked_at FROM absences WHERE event_id = ?"
            + " AND participant_id = ?";
    private static final String DELETE_ABSENCE = "DELETE FROM absences WHERE event_id = ? AND participant_id = ?";
    private static final String DELETE_CANCELLED = "DELETE FROM absence_meetings WHERE event_id = ?"
            + " AND participant_id = ? AND meeting_id = ?";
    private static final String INSERT_CANCELLED = "INSERT INTO absence_meetings (event_id, participant_id,"
            + " meeting_id, version, meeting) VALUES (?, ?, ?, ?, ?)";
    private static final String CANCELLED = "SELECT meeting_id, version, meeting FROM absence_meetings"
            + " WHERE event_id = ? AND participant_id = ? ORDER BY version, meeting_id";
    private static final String FORGET_CANCELLED = "DELETE FROM absence_meetings WHERE event_id = ?"
            + " AND participant_id = ?";

    /**
     * A published meeting that an absence cancelled, as it was published ({@code meeting}, a {@code b2g-schedule/1}
     * meeting object), and the version that no longer held it.
     */
    public record Cancelled(String meetingId, int version, String meeting) {
    }

    /** Marks a meeting (null takes the mark back). */
    public void mark(Connection c, String eventId, String meetingId, Attendance state, long at, String by)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE_MARK)) {
            s.setString(1, eventId);
            s.setString(2, meetingId);
            s.executeUpdate();
        }
        if (state == null) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_MARK)) {
            s.setString(1, eventId);
            s.setString(2, meetingId);
            s.setString(3, state.name());
            s.setLong(4, at);
            s.setString(5, by);
            s.executeUpdate();
        }
    }

    /** Every mark of the event, by meeting id. */
    public Map<String, Attendance> marks(Connection c, String eventId) throws SQLException {
        Map<String, Attendance> marks = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(MARKS)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    marks.put(r.getString(1), Attendance.valueOf(r.getString(2)));
                }
            }
        }
        return marks;
    }

    /** @return false when the participant was marked absent already */
    public boolean markAbsent(Connection c, String eventId, String participantId, long at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(IS_ABSENT)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ABSENCE)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            s.setLong(3, at);
            s.executeUpdate();
        }
        return true;
    }

    /** When the participant was marked absent; null when it is not. */
    public Long absentSince(Connection c, String eventId, String participantId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ABSENT_SINCE)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    /** Records a meeting that marking {@code participantId} absent cancelled in published version {@code version}. */
    public void recordCancelled(Connection c, String eventId, String participantId, String meetingId, int version,
            String meeting) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE_CANCELLED)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            s.setString(3, meetingId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_CANCELLED)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            s.setString(3, meetingId);
            s.setInt(4, version);
            s.setString(5, meeting);
            s.executeUpdate();
        }
    }

    /** The meetings the participant's absence cancelled, oldest version first. */
    public List<Cancelled> cancelledBy(Connection c, String eventId, String participantId) throws SQLException {
        List<Cancelled> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CANCELLED)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new Cancelled(r.getString(1), r.getInt(2), r.getString(3)));
                }
            }
        }
        return list;
    }

    /**
     * Takes an absence back: the participant is no longer absent and what its absence cancelled is forgotten.
     *
     * @return false when it was not marked absent
     */
    public boolean removeAbsence(Connection c, String eventId, String participantId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FORGET_CANCELLED)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(DELETE_ABSENCE)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            return s.executeUpdate() == 1;
        }
    }

    public Set<String> absent(Connection c, String eventId) throws SQLException {
        Set<String> absent = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement(ABSENT)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    absent.add(r.getString(1));
                }
            }
        }
        return absent;
    }
}
