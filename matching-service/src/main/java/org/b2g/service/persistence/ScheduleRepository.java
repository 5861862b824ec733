package org.b2g.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonObject;

import org.b2g.core.domain.MeetingSchedule;
import org.b2g.core.repair.DraftMode;

/**
 * The schedules of each event: the draft (what the last solve or repair produced, for the organizer only) and the
 * published versions, with what is derived from the published one: every participant's agenda and the calendar
 * version of every meeting. Publishing writes all three in the caller's transaction, so a crash leaves either the
 * old published version or the new one, never a mix.
 */
public final class ScheduleRepository {

    /**
     * A stored schedule; {@code eventVersion} is the version of the event it was solved from, {@code madeBy} a plain
     * solve or a repair's mode (a draft stored before that was recorded reads as a solve, unless the migration could
     * tell it from its job), {@code madeWhileAbsent} the participants marked absent when its job read the event
     * (none for a draft stored before that was recorded), {@code readVersion} the latest published version then (0
     * before the first; null for a draft stored before that was recorded).
     */
    public record StoredSchedule(String eventId, int eventVersion, String score, long solvedAt, String body,
            DraftMode madeBy, Set<String> madeWhileAbsent, Integer readVersion) {
    }

    /** A published version (its body is null in listings). */
    public record StoredVersion(String eventId, int version, int eventVersion, long publishedAt, String note,
            String body) {
    }

    /** A stored agenda with the event version of its schedule and the event's current version. */
    public record StoredAgenda(String body, int scheduleEventVersion, int eventVersion) {
        public boolean stale() {
            return scheduleEventVersion != eventVersion;
        }
    }

    private static final String DELETE_SCHEDULE = "DELETE FROM schedules WHERE event_id = ?";
    private static final String INSERT_SCHEDULE = "INSERT INTO schedules (event_id, event_version, score, solved_at,"
            + " body, made_by, made_while_absent, read_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND_SCHEDULE = "SELECT event_id, event_version, score, solved_at, body, made_by,"
            + " made_while_absent, read_version FROM schedules WHERE event_id = ?";
    private static final String DELETE_AGENDAS = "DELETE FROM agendas WHERE event_id = ?";
    private static final String DELETE_AGENDA = "DELETE FROM agendas WHERE event_id = ? AND participant_id = ?";
    private static final String INSERT_AGENDA =
            "INSERT INTO agendas (event_id, participant_id, body) VALUES (?, ?, ?)";
    private static final String FIND_AGENDA = "SELECT a.body, p.event_version, e.version FROM agendas a"
            + " JOIN published_schedules p ON p.event_id = a.event_id JOIN events e ON e.id = a.event_id"
            + " WHERE a.event_id = ? AND a.participant_id = ?"
            + " AND p.version = (SELECT MAX(version) FROM published_schedules WHERE event_id = a.event_id)";
    private static final String LATEST_VERSION =
            "SELECT COALESCE(MAX(version), 0) FROM published_schedules WHERE event_id = ?";
    private static final String INSERT_PUBLISHED = "INSERT INTO published_schedules (event_id, version,"
            + " event_version, published_at, note, body) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String FIND_PUBLISHED = "SELECT event_id, version, event_version, published_at, note, body"
            + " FROM published_schedules WHERE event_id = ? AND version = ?";
    private static final String CONFIRM_PUBLISHED = "UPDATE published_schedules SET event_version = ?, note = ?"
            + " WHERE event_id = ? AND version = ?";
    private static final String LIST_PUBLISHED = "SELECT event_id, version, event_version, published_at, note"
            + " FROM published_schedules WHERE event_id = ? ORDER BY version";
    private static final String VERSIONS = "SELECT meeting_key, first_id, second_id, fingerprint, sequence,"
            + " cancelled, starts_at, ends_at FROM meeting_versions WHERE event_id = ?";
    private static final String DELETE_VERSIONS = "DELETE FROM meeting_versions WHERE event_id = ?";
    private static final String INSERT_VERSION = "INSERT INTO meeting_versions (event_id, meeting_key, first_id,"
            + " second_id, fingerprint, sequence, cancelled, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Stores {@code schedule} (solved or repaired from version {@code eventVersion} of its event) as the event's
     * draft, replacing the last one. Agendas and calendars do not change until it is {@link #publish published}.
     *
     * @param scheduleJson the schedule as {@code b2g-schedule/1}
     * @param madeBy a plain solve or the repair's mode, for the change report
     * @param absent the participants marked absent when the job read the event, for publishing
     * @param readVersion the latest published version when the job read the event (0: none), for publishing
     */
    public void saveDraft(Connection c, int eventVersion, MeetingSchedule schedule, JsonObject scheduleJson,
            Instant solvedAt, DraftMode madeBy, Set<String> absent, int readVersion) throws SQLException {
        String eventId = schedule.getEvent().id();
        delete(c, DELETE_SCHEDULE, eventId);
        try (PreparedStatement s = c.prepareStatement(INSERT_SCHEDULE)) {
            s.setString(1, eventId);
            s.setInt(2, eventVersion);
            s.setString(3, schedule.getScore() == null ? "" : schedule.getScore().toString());
            s.setLong(4, solvedAt.toEpochMilli());
            s.setString(5, scheduleJson.toString());
            s.setString(6, madeBy.code());
            Statements.setText(s, 7, absent.isEmpty() ? null : String.join("\n", new TreeSet<>(absent)));
            s.setInt(8, readVersion);
            s.executeUpdate();
        }
    }

    /**
     * Publishes {@code schedule} (of version {@code eventVersion} of its event) as the event's next version, with
     * the agendas of all its participants; meetings that changed since the last published version get a higher
     * calendar sequence, and those no longer in it are kept as cancelled.
     *
     * @param body the schedule as {@code b2g-schedule/1} text
     * @param note what this version is, for the organizer ("draft solved at ...", "version 2 again")
     * @return the new version number (1 for the first)
     */
    public int publish(Connection c, int eventVersion, MeetingSchedule schedule, String body, Instant publishedAt,
            String note) throws SQLException {
        String eventId = schedule.getEvent().id();
        int version = latestVersion(c, eventId) + 1;
        try (PreparedStatement s = c.prepareStatement(INSERT_PUBLISHED)) {
            s.setString(1, eventId);
            s.setInt(2, version);
            s.setInt(3, eventVersion);
            s.setLong(4, publishedAt.toEpochMilli());
            s.setString(5, note);
            s.setString(6, body);
            s.executeUpdate();
        }
        writeAgendas(c, eventId, schedule, publishedAt);
        return version;
    }

    /**
     * Records that published version {@code version} stands for version {@code eventVersion} of the event too
     * (an edit since changed nothing of its meetings): its row says so, with {@code note}, and every participant's
     * agenda is written again from the event as it is now (new participants get theirs, names and reasons follow
     * the edit), with the calendar sequences unchanged for meetings that did not change. No version is added.
     *
     * @return false when there is no such version
     */
    public boolean confirm(Connection c, int version, int eventVersion, MeetingSchedule schedule, Instant publishedAt,
            String note) throws SQLException {
        String eventId = schedule.getEvent().id();
        try (PreparedStatement s = c.prepareStatement(CONFIRM_PUBLISHED)) {
            s.setInt(1, eventVersion);
            s.setString(2, note);
            s.setString(3, eventId);
            s.setInt(4, version);
            if (s.executeUpdate() != 1) {
                return false;
            }
        }
        writeAgendas(c, eventId, schedule, publishedAt);
        return true;
    }

    /** The calendar versions of the meetings of {@code schedule} and every participant's agenda, replacing them. */
    private void writeAgendas(Connection c, String eventId, MeetingSchedule schedule, Instant publishedAt)
            throws SQLException {
        MeetingVersions.Next versions = MeetingVersions.next(schedule, versions(c, eventId));
        Map<String, JsonObject> agendas = AgendaJson.build(schedule, versions, publishedAt);

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
                Statements.setText(s, 8, v.start());
                Statements.setText(s, 9, v.end());
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
    }

    /** The latest published version's number, 0 when nothing was published. */
    public int latestVersion(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LATEST_VERSION)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** A published version with its body, or null; {@code version} 0 means the latest. */
    public StoredVersion published(Connection c, String eventId, int version) throws SQLException {
        int wanted = version == 0 ? latestVersion(c, eventId) : version;
        try (PreparedStatement s = c.prepareStatement(FIND_PUBLISHED)) {
            s.setString(1, eventId);
            s.setInt(2, wanted);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new StoredVersion(r.getString(1), r.getInt(2), r.getInt(3), r.getLong(4),
                        r.getString(5), r.getString(6)) : null;
            }
        }
    }

    /** Every published version of the event, oldest first, without bodies. */
    public List<StoredVersion> publishedVersions(Connection c, String eventId) throws SQLException {
        List<StoredVersion> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(LIST_PUBLISHED)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new StoredVersion(r.getString(1), r.getInt(2), r.getInt(3), r.getLong(4),
                            r.getString(5), null));
                }
            }
        }
        return list;
    }

    /**
     * Deletes the agendas of participants no longer in the event, so that they stop reading a schedule that was
     * made while they were in it; returns how many there were.
     */
    public int deleteAgendas(Connection c, String eventId, Collection<String> participantIds)
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

    /** The event's draft (its last solve or repair), or null when it was never solved. */
    public StoredSchedule find(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND_SCHEDULE)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new StoredSchedule(r.getString(1), r.getInt(2), r.getString(3), r.getLong(4),
                        r.getString(5), r.getString(6) == null ? DraftMode.SOLVE : DraftMode.ofCode(r.getString(6)),
                        r.getString(7) == null ? Set.of() : Set.of(r.getString(7).split("\n")),
                        r.getObject(8) == null ? null : r.getInt(8))
                        : null;
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

}
