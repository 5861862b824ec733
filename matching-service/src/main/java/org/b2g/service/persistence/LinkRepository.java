package org.b2g.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The participant's part of each personal link: a generation that starts at 0 and grows when the organizer rotates
 * the link or removes the participant, so that the old token stops opening anything. Every method runs in the
 * caller's transaction.
 */
public final class LinkRepository {

    private static final String FIND =
            "SELECT generation FROM participant_links WHERE event_id = ? AND participant_id = ?";
    private static final String ALL = "SELECT participant_id, generation FROM participant_links WHERE event_id = ?";
    private static final String RAISE = "UPDATE participant_links SET generation = generation + 1"
            + " WHERE event_id = ? AND participant_id = ?";
    private static final String INSERT =
            "INSERT INTO participant_links (event_id, participant_id, generation) VALUES (?, ?, 1)";

    /** The participant's generation; 0 when its link was never rotated. */
    public int generation(Connection c, String eventId, String participantId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, eventId);
            s.setString(2, participantId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    /** The generations of the event's rotated links, by participant id (absent means 0). */
    public Map<String, Integer> generations(Connection c, String eventId) throws SQLException {
        Map<String, Integer> generations = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(ALL)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    generations.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return generations;
    }

    /** Revokes the participants' current links; returns the generation of the last one. */
    public int rotate(Connection c, String eventId, Collection<String> participantIds) throws SQLException {
        int last = 0;
        for (String participantId : participantIds) {
            try (PreparedStatement s = c.prepareStatement(RAISE)) {
                s.setString(1, eventId);
                s.setString(2, participantId);
                if (s.executeUpdate() == 0) {
                    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                        insert.setString(1, eventId);
                        insert.setString(2, participantId);
                        insert.executeUpdate();
                    }
                }
            }
            last = generation(c, eventId, participantId);
        }
        return last;
    }
}
