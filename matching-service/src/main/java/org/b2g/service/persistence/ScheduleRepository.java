package org.b2g.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonObject;

import org.b2g.core.domain.MeetingSchedule;

/**
 * The published schedule of each event with what is derived from it when it is stored: every participant's agenda
 * and the calendar version of every meeting. A new schedule replaces all three in the caller's transaction.
 */
public final class ScheduleRepository {

    /** A stored schedule; {@code eventVersion} is the version of the event it was solved from. */
    public record StoredSchedule(String eventId, int eventVersion, String score, long solvedAt, String body) {
    }

    /** A stored agenda with the event version of its schedule and the event's current version. */
    public record StoredAgenda(String body, int scheduleEventVersion, int eventVersion) {
        public boolean stale() {
            return scheduleEventVersion != eventVersion;
        }
    }

    private static final String DELETE_SCHEDULE = "DELETE FROM schedules WHERE event_id = ?";
    private static final String INSERT_SCHEDULE =
            "INSERT INTO schedules (event_id, event_version, score, solved_at, body) VALUES (?, ?, ?, ?, ?)";
    private static final String FIND_SCHEDULE =
            "SELECT event_id, event_version, score, solved_at, body FROM schedules WHERE event_id = ?";
    private static final String DELETE_AGENDAS = "DELETE FROM agendas WHERE event_id = ?";
    private static final String DELETE_AGENDA = "DELETE FROM agendas WHERE event_id = ? AND participant_id = ?";
    private static final String INSERT_AGENDA =
            "INSERT INTO agendas (event_id, participant_id, body) VALUES (?, ?, ?)";
    private static final String FIND_AGENDA = "SELECT a.body, s.event_version, e.version FROM agendas a"
            + " JOIN schedules s ON s.event_id = a.event_id JOIN events e ON e.id = a.event_id"
            + " WHERE a.event_id = ? AND a.participant_id = ?";
    private static final String VERSIONS = "SELECT meeting_key, first_id, second_id, fingerprint, sequence,"
            + " cancelled, starts_at, ends_at FROM meeting_versions WHERE event_id = ?";
    private static final String DELETE_VERSIONS = "DELETE FROM meeting_versions WHERE event_id = ?";
    private static final String INSERT_VERSION = "INSERT INTO meeting_versions (event_id, meeting_key, first_id,"
            + " second_id, fingerprint, sequence, cancelled, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Stores {@code schedule} (solved from version {@code eventVersion} of its event) as the event's schedule, with
     * the agendas of all its participants; meetings that changed since the last schedule get a higher sequence.
     *
     * @param scheduleJson the schedule as {@code b2g-schedule/1}
     */
    public void save(Connection c, int eventVersion, MeetingSchedule schedule, JsonObject scheduleJson,
            Instant solvedAt) throws SQLException {
        String eventId = schedule.getEvent().id();
        MeetingVersions.Next versions = MeetingVersions.next(schedule, versions(c, eventId));
        Map<String, JsonObject> agendas = AgendaJson.build(schedule, versions, solvedAt);

        delete(c, DELETE_VERSIONS, eventId);
        try (PreparedStatement s = c.prepareStatement(INSERT_VERSION)) {
            for (MeetingVersions.Version v : versions.all()) {
                s.setString(1, eventId);
                s.setString(2, v.key());
                s.setString(3, v.firstId());
                s.setString(4, v.secondId());
                s.setString(5, v.fingerprint());
                s.setInt(6, v.sequence());
                s.setInt(7, v.cancelled() ? 1 : 0);
                setText(s, 8, v.start());
                setText(s, 9, v.end());
                s.addBatch();
            }
            s.executeBatch();
        }
        delete(c, DELETE_AGENDAS, eventId);
        try (PreparedStatement s = c.prepareStatement(INSERT_AGENDA)) {
            for (Map.Entry<String, JsonObject> agenda : agendas.entrySet()) {
                s.setString(1, eventId);
                s.setString(2, agenda.getKey());
                s.setString(3, agenda.getValue().toString());
                s.addBatch();
            }
            s.executeBatch();
        }
        delete(c, DELETE_SCHEDULE, eventId);
        try (PreparedStatement s = c.prepareStatement(INSERT_SCHEDULE)) {
            s.setString(1, eventId);
            s.setInt(2, eventVersion);
            s.setString(3, schedule.getScore() == null ? "" : schedule.getScore().toString());
            s.setLong(4, solvedAt.toEpochMilli());
            s.setString(5, scheduleJson.toString());
            s.executeUpdate();
        }
    }

    /**
     * Deletes the agendas of participants no longer in the event, so that they stop reading a schedule that was
     * made while they were in it; returns how many there were.
     */
    public int deleteAgendas(Connection c, String eventId, java.util.Collection<String> participantIds)
            throws SQLException {
        int deleted = 0;
        try (PreparedStatement s = c.prepareStatement(DELETE_AGENDA)) {
            for (String participantId : participantIds) {
                s.setString(1, eventId);
                s.setString(2, participantId);
                deleted += s.executeUpdate();
            }
        }
        return deleted;
    }

    /** The event's schedule, or null when it was never solved. */
    public StoredSchedule find(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND_SCHEDULE)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new StoredSchedule(r.getString(1), r.getInt(2), r.getString(3), r.getLong(4),
                        r.getString(5)) : null;
            }
        }
    }

    /** The participant's agenda, or null when the event has no schedule or the participant is not in it. */
    public StoredAgenda agenda(Connection c, String eventId, String participantId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND_AGENDA)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new StoredAgenda(r.getString(1), r.getInt(2), r.getInt(3)) : null;
            }
        }
    }

    private static Map<String, MeetingVersions.Version> versions(Connection c, String eventId) throws SQLException {
        Map<String, MeetingVersions.Version> versions = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(VERSIONS)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    versions.put(r.getString(1), new MeetingVersions.Version(r.getString(1), r.getString(2),
                            r.getString(3), r.getString(4), r.getInt(5), r.getInt(6) != 0, r.getString(7),
                            r.getString(8)));
                }
            }
        }
        return versions;
    }

    private static void delete(Connection c, String sql, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, eventId);
            s.executeUpdate();
        }
    }

    private static void setText(PreparedStatement s, int index, String text) throws SQLException {
        if (text == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, text);
        }
    }
}
