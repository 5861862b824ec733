package org.b2g.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored events: the {@code b2g-event/1} text as the organizer sent it (after validation) and a version that grows
 * on every replacement, so that schedules can tell whether they were solved from the current event.
 * Every method runs in the caller's transaction.
 */
public final class EventRepository {

    /** An event as stored; {@code body} is null in listings. */
    public record StoredEvent(String id, String name, int version, int participants, long updatedAt, String body) {
    }

    private static final String INSERT =
            "INSERT INTO events (id, name, version, participants, updated_at, body) VALUES (?, ?, 1, ?, ?, ?)";
    private static final String REPLACE =
            "UPDATE events SET name = ?, version = version + 1, participants = ?, updated_at = ?, body = ? WHERE id = ?";
    private static final String FIND =
            "SELECT id, name, version, participants, updated_at, body FROM events WHERE id = ?";
    private static final String VERSION = "SELECT version FROM events WHERE id = ?";
    private static final String LIST =
            "SELECT id, name, version, participants, updated_at FROM events ORDER BY id";
    private static final String DELETE = "DELETE FROM events WHERE id = ?";

    /** Returns false when an event with this id exists already. */
    public boolean insert(Connection c, String id, String name, int participants, long now, String body)
            throws SQLException {
        if (version(c, id) != 0) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, id);
            s.setString(2, name);
            s.setInt(3, participants);
            s.setLong(4, now);
            s.setString(5, body);
            s.executeUpdate();
        }
        return true;
    }

    /** Returns the new version, or 0 when there is no such event. */
    public int replace(Connection c, String id, String name, int participants, long now, String body)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REPLACE)) {
            s.setString(1, name);
            s.setInt(2, participants);
            s.setLong(3, now);
            s.setString(4, body);
            s.setString(5, id);
            if (s.executeUpdate() == 0) {
                return 0;
            }
        }
        return version(c, id);
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
