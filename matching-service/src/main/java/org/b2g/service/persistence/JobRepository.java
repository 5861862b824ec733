package org.b2g.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The last solve job of each event, so that its outcome (and the reason of a failure) outlives a restart.
 * Every method runs in the caller's transaction.
 */
public final class JobRepository {

    /** A job's stored state; times are epoch milliseconds, {@code bestSince} and {@code finishedAt} 0 when unset. */
    public record StoredJob(String eventId, int eventVersion, String state, String score, int scheduled,
            long startedAt, long bestSince, long finishedAt, boolean stoppedEarly, String reason) {
    }

    private static final String DELETE = "DELETE FROM solve_jobs WHERE event_id = ?";
    private static final String INSERT = "INSERT INTO solve_jobs (event_id, event_version, state, score, scheduled,"
            + " started_at, best_since, finished_at, stopped_early, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT event_id, event_version, state, score, scheduled, started_at,"
            + " best_since, finished_at, stopped_early, reason FROM solve_jobs WHERE event_id = ?";
    private static final String ABANDON = "UPDATE solve_jobs SET state = 'FAILED', finished_at = ?, reason = ?"
            + " WHERE state = 'SOLVING'";

    /** Stores {@code job} as the event's last job, replacing the previous one. */
    public void save(Connection c, StoredJob job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, job.eventId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, job.eventId());
            s.setInt(2, job.eventVersion());
            s.setString(3, job.state());
            s.setString(4, job.score());
            s.setInt(5, job.scheduled());
            s.setLong(6, job.startedAt());
            setTime(s, 7, job.bestSince());
            setTime(s, 8, job.finishedAt());
            s.setInt(9, job.stoppedEarly() ? 1 : 0);
            if (job.reason() == null) {
                s.setNull(10, Types.VARCHAR);
            } else {
                s.setString(10, truncate(job.reason(), 2000));
            }
            s.executeUpdate();
        }
    }

    /** The event's last job, or null. */
    public StoredJob find(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                return new StoredJob(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getInt(5),
                        r.getLong(6), r.getLong(7), r.getLong(8), r.getInt(9) != 0, r.getString(10));
            }
        }
    }

    /** Marks jobs left SOLVING by a process that died as FAILED; returns how many there were. */
    public int abandonUnfinished(Connection c, long now, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ABANDON)) {
            s.setLong(1, now);
            s.setString(2, reason);
            return s.executeUpdate();
        }
    }

    private static void setTime(PreparedStatement s, int index, long millis) throws SQLException {
        if (millis == 0) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, millis);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
