package org.b2g.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Values every replica must share (the organizer token, the secret behind participant tokens), kept in the database
 * when it is shared. The first replica to start creates them; the others read what it stored.
 */
public final class SecretRepository {

    private static final String FIND = "SELECT secret FROM service_secrets WHERE name = ?";
    private static final String INSERT = "INSERT INTO service_secrets (name, secret, created_at) VALUES (?, ?, ?)";

    /** The stored value of {@code name}, or null. */
    public String find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /**
     * Stores {@code fresh} as {@code name}. Two replicas starting at once both try: the second transaction fails on
     * the key ({@link Database.ConflictException}) and its caller reads the first one's value instead.
     */
    public void insert(Connection c, String name, String fresh, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, name);
            s.setString(2, fresh);
            s.setLong(3, now);
            s.executeUpdate();
        }
    }
}
