package org.b2g.service.persistence;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Stored events: the {@code b2g-event/1} text as the organizer sent it (after validation) and a version that grows
 * on every replacement, so that schedules can tell whether they were solved from the current event.
 * Each stored event also has an identity ({@code uid}) that no other stored event ever had, even one of the same id
 * deleted earlier, and the key of its personal links. Every method runs in the caller's transaction.
 */
public final class EventRepository {

    /** An event as stored; {@code body} is null in listings. */
    public record StoredEvent(String id, String name, int version, int participants, long updatedAt, String body) {
    }

    /** Where the personal links of an event start from: its link key. */
    public record LinkKey(String eventId, String key) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INSERT = "INSERT INTO events (id, uid, link_key, name, version, participants,"
            + " updated_at, body) VALUES (?, ?, ?, ?, 1, ?, ?, ?)";
    private static final String REPLACE =
            "UPDATE events SET name = ?, version = version + 1, participants = ?, updated_at = ?, body = ? WHERE id = ?";
    private static final String REPLACE_VERSION = REPLACE + " AND version = ?";
    private static final String LOCK = "UPDATE events SET version = version WHERE id = ?";
    private static final String UID = "SELECT uid FROM events WHERE id = ?";
    private static final String LINK_KEY = "SELECT link_key FROM events WHERE id = ?";
    private static final String FIND =
            "SELECT id, name, version, participants, updated_at, body FROM events WHERE id = ?";
    private static final String VERSION = "SELECT version FROM events WHERE id = ?";
    private static final String LIST =
            "SELECT id, name, version, participants, updated_at FROM events ORDER BY id";
    private static final String DELETE = "DELETE FROM events WHERE id = ?";

    /**
     * Returns false when an event with this id exists already, also when another transaction stored it a moment
     * earlier (the primary key decides; no check-then-insert race).
     */
    public boolean insert(Connection c, String id, String name, int participants, long now, String body)
            throws SQLException {
        if (version(c, id) != 0) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, id);
            s.setString(2, random());
            s.setString(3, random());
            s.setString(4, name);
            s.setInt(5, participants);
            s.setLong(6, now);
            s.setString(7, body);
            s.executeUpdate();
        } catch (SQLIntegrityConstraintViolationException e) {
            return false;
        } catch (SQLException e) {
            if (Database.isConflict(e)) {
                return false;
            }
            throw e;
        }
        return true;
    }

    /** Returns the new version, or 0 when there is no such event. */
    public int replace(Connection c, String id, String name, int participants, long now, String body)
            throws SQLException {
        return replace(c, id, name, participants, now, body, 0);
    }

    /**
     * Replaces the event only if it is still at {@code expectedVersion} (any version when 0).
     *
     * @return the new version; 0 when there is no such event; -1 when its version is not {@code expectedVersion}
     */
    public int replace(Connection c, String id, String name, int participants, long now, String body,
            int expectedVersion) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(expectedVersion == 0 ? REPLACE : REPLACE_VERSION)) {
            s.setString(1, name);
            s.setInt(2, participants);
            s.setLong(3, now);
            s.setString(4, body);
            s.setString(5, id);
            if (expectedVersion != 0) {
                s.setInt(6, expectedVersion);
            }
            if (s.executeUpdate() == 0) {
                return version(c, id) == 0 ? 0 : -1;
            }
        }
        return version(c, id);
    }

    /**
     * Takes the event's row lock until the transaction ends: a second transaction doing the same (or replacing the
     * event) waits for the first to commit, so that publications of one event read the latest published version one
     * after the other.
     *
     * @return false when there is no such event (nothing is locked then)
     */
    public boolean lock(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setString(1, id);
            return s.executeUpdate() > 0;
        }
    }

    /** The event with its row locked until the transaction ends (see {@link #lock}), or null when there is none. */
    public StoredEvent findLocked(Connection c, String id) throws SQLException {
        return lock(c, id) ? find(c, id) : null;
    }

    /** The event's identity, never shared with an earlier event of the same id; null when there is no event. */
    public String uid(Connection c, String id) throws SQLException {
        return text(c, UID, id);
    }

    /** The key of the event's personal links, or null when there is no event. */
    public LinkKey linkKey(Connection c, String id) throws SQLException {
        String key = text(c, LINK_KEY, id);
        return key == null ? null : new LinkKey(id, key);
    }

    private static String text(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** 128 random bits, URL-safe: a uid or a link key. */
    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The event, or null. */
    public StoredEvent find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new StoredEvent(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4),
                        r.getLong(5), r.getString(6)) : null;
            }
        }
    }

    /** The current version of the event, or 0 when there is none. */
    public int version(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(VERSION)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    public List<StoredEvent> list(Connection c) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(LIST); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                events.add(new StoredEvent(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4), r.getLong(5),
                        null));
            }
        }
        return events;
    }

    /** Deletes the event with its schedule, agendas and job (cascade); false when there was none. */
    public boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, id);
            return s.executeUpdate() > 0;
        }
    }
}
