package org.b2g.service.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The solve and repair jobs, one row per event (its last job), shared by every replica of the database: a queue that
 * any replica with a free solver thread claims. The claiming replica holds a lease it renews while solving, with the
 * progress and the best slots so far; a replica that stops renewing (it died) loses the job to the next claim, which
 * continues from those slots. Every write of a solving replica is fenced by its owner id and claim count, so a
 * replica that lost its lease can never overwrite what the next one stores. Every method runs in the caller's
 * transaction.
 */
public final class JobRepository {

    /**
     * A job's stored state; times are epoch milliseconds, {@code bestSince} and {@code finishedAt} 0 when unset.
     *
     * @param stopReason why a DONE job's solve stopped, as {@code StopReason.code()}; null otherwise
     * @param request what to run
     * @param lease who runs it, until when, and how many times it was claimed
     * @param progress the best schedule so far, for watchers and for whoever takes the job over
     * @param plan what a repair's plan said about the published schedule it read (empty for a solve)
     */
    public record StoredJob(String eventId, int eventVersion, String state, String score, int scheduled,
            long startedAt, long bestSince, long finishedAt, boolean stoppedEarly, String reason, String stopReason,
            Request request, Lease lease, Progress progress, Plan plan) {

        public StoredJob {
            plan = plan == null ? Plan.NONE : plan;
        }

        /** A job that no replica solves at the moment: queued, or left by a replica whose lease ran out. */
        public boolean claimable(long now) {
            return state.equals("SOLVING") && (lease.owner() == null || lease.until() < now);
        }
    }

    /**
     * What a job runs: a solve, or a repair of the published schedule in {@code repairMode}, with its options.
     *
     * @param unimprovedMillis -1 for the automatic stop
     * @param moveLimit moves per search copy, 0 for none
     */
    public record Request(String kind, String repairMode, long timeLimitMillis, long seed, long unimprovedMillis,
            long moveLimit, String eventUid) {
    }

    /** The replica solving the job (null while queued), the end of its lease, and the job's claim count. */
    public record Lease(String owner, long until, int claims) {
    }

    /**
     * How far the job got: breaks and candidates of its best schedule, moves tried, solving time spent over all its
     * claims, the best slots (by meeting id, as JSON; null until known) and whether the organizer asked it to stop.
     */
    public record Progress(int breaks, int candidates, long moves, long solvedMillis, String bestSlots,
            boolean stopRequested) {
        public static final Progress NONE = new Progress(0, 0, 0, 0, null, false);
    }

    /** A repair plan's notes and warnings, one sentence each. */
    public record Plan(List<String> notes, List<String> warnings) {
        public static final Plan NONE = new Plan(List.of(), List.of());

        public Plan {
            notes = List.copyOf(notes);
            warnings = List.copyOf(warnings);
        }
    }

    private static final String COLUMNS = "event_id, event_version, state, score, scheduled, started_at, best_since,"
            + " finished_at, stopped_early, reason, kind, repair_mode, time_limit_ms, seed, unimproved_ms, event_uid,"
            + " owner, lease_until, claims, breaks, candidates, moves, solved_ms, best_slots, stop_requested,"
            + " plan_notes, plan_warnings, stop_reason, move_limit";
    private static final String DELETE = "DELETE FROM solve_jobs WHERE event_id = ?";
    private static final String INSERT = "INSERT INTO solve_jobs (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM solve_jobs WHERE event_id = ?";
    private static final String NEXT = "SELECT event_id, claims FROM solve_jobs WHERE state = 'SOLVING'"
            + " AND (owner IS NULL OR lease_until < ?) ORDER BY started_at LIMIT 1";
    private static final String CLAIM = "UPDATE solve_jobs SET owner = ?, lease_until = ?, claims = claims + 1,"
            + " updated_at = ? WHERE event_id = ? AND claims = ? AND state = 'SOLVING'"
            + " AND (owner IS NULL OR lease_until < ?)";
    private static final String RENEW = "UPDATE solve_jobs SET lease_until = ?, score = ?, scheduled = ?,"
            + " best_since = ?, breaks = ?, candidates = ?, moves = ?, solved_ms = ?, updated_at = ?"
            + " WHERE event_id = ? AND owner = ? AND claims = ? AND state = 'SOLVING'";
    private static final String BEST = "UPDATE solve_jobs SET best_slots = ? WHERE event_id = ? AND owner = ?"
            + " AND claims = ? AND state = 'SOLVING'";
    private static final String STOP_ASKED = "SELECT stop_requested FROM solve_jobs WHERE event_id = ?";
    private static final String FINISH = "UPDATE solve_jobs SET state = ?, score = ?, scheduled = ?, best_since = ?,"
            + " finished_at = ?, stopped_early = ?, reason = ?, breaks = ?, candidates = ?, moves = ?, solved_ms = ?,"
            + " best_slots = NULL, lease_until = NULL, plan_notes = ?, plan_warnings = ?, stop_reason = ?,"
            + " updated_at = ?"
            + " WHERE event_id = ? AND owner = ? AND claims = ? AND state = 'SOLVING'";
    private static final String FAIL_UNCLAIMED = "UPDATE solve_jobs SET state = 'FAILED', finished_at = ?, reason = ?,"
            + " updated_at = ? WHERE event_id = ? AND claims = ? AND state = 'SOLVING'";
    private static final String ASK_STOP = "UPDATE solve_jobs SET stop_requested = 1, updated_at = ?"
            + " WHERE event_id = ? AND state = 'SOLVING'";
    private static final String QUEUED = "SELECT COUNT(*) FROM solve_jobs WHERE state = 'SOLVING' AND owner IS NULL";

    private final boolean skipLocked;

    /** @param skipLocked whether the database has {@code FOR UPDATE SKIP LOCKED} (PostgreSQL; HSQLDB has not) */
    public JobRepository(boolean skipLocked) {
        this.skipLocked = skipLocked;
    }

    /** For the embedded database. */
    public JobRepository() {
        this(false);
    }

    /** Stores {@code job} as the event's last job, replacing the previous one. */
    public void save(Connection c, StoredJob job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, job.eventId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            int i = 0;
            s.setString(++i, job.eventId());
            s.setInt(++i, job.eventVersion());
            s.setString(++i, job.state());
            s.setString(++i, job.score());
            s.setInt(++i, job.scheduled());
            s.setLong(++i, job.startedAt());
            setTime(s, ++i, job.bestSince());
            setTime(s, ++i, job.finishedAt());
            s.setInt(++i, job.stoppedEarly() ? 1 : 0);
            Statements.setText(s, ++i, job.reason() == null ? null : truncate(job.reason(), 2000));
            Request request = job.request();
            s.setString(++i, request.kind());
            Statements.setText(s, ++i, request.repairMode());
            s.setLong(++i, request.timeLimitMillis());
            s.setLong(++i, request.seed());
            if (request.unimprovedMillis() < 0) {
                s.setNull(++i, Types.BIGINT);
            } else {
                s.setLong(++i, request.unimprovedMillis());
            }
            Statements.setText(s, ++i, request.eventUid());
            Lease lease = job.lease();
            Statements.setText(s, ++i, lease.owner());
            setTime(s, ++i, lease.until());
            s.setInt(++i, lease.claims());
            Progress progress = job.progress();
            s.setInt(++i, progress.breaks());
            s.setInt(++i, progress.candidates());
            s.setLong(++i, progress.moves());
            s.setLong(++i, progress.solvedMillis());
            Statements.setText(s, ++i, progress.bestSlots());
            s.setInt(++i, progress.stopRequested() ? 1 : 0);
            Statements.setText(s, ++i, lines(job.plan().notes()));
            Statements.setText(s, ++i, lines(job.plan().warnings()));
            Statements.setText(s, ++i, job.stopReason());
            s.setLong(++i, request.moveLimit());
            s.setLong(++i, System.currentTimeMillis());
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
                long unimproved = r.getLong(15);
                if (r.wasNull()) {
                    unimproved = -1;
                }
                return new StoredJob(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getInt(5),
                        r.getLong(6), r.getLong(7), r.getLong(8), r.getInt(9) != 0, r.getString(10), r.getString(28),
                        new Request(r.getString(11), r.getString(12), r.getLong(13), r.getLong(14), unimproved,
                                r.getLong(29), r.getString(16)),
                        new Lease(r.getString(17), r.getLong(18), r.getInt(19)),
                        new Progress(r.getInt(20), r.getInt(21), r.getLong(22), r.getLong(23), r.getString(24),
                                r.getInt(25) != 0),
                        new Plan(lines(r.getString(26)), lines(r.getString(27))));
            }
        }
    }

    /**
     * Claims the oldest claimable job for {@code owner} until {@code leaseUntil}: queued, or left by a replica whose
     * lease ran out before {@code now}. On PostgreSQL a row another replica is claiming is skipped, not waited for.
     *
     * @return the claimed job (its claim count raised), or null when there is none
     */
    public StoredJob claimNext(Connection c, String owner, long now, long leaseUntil) throws SQLException {
        String eventId;
        int claims;
        try (PreparedStatement s = c.prepareStatement(skipLocked ? NEXT + " FOR UPDATE SKIP LOCKED" : NEXT)) {
            s.setLong(1, now);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                eventId = r.getString(1);
                claims = r.getInt(2);
            }
        }
        return claim(c, eventId, claims, owner, now, leaseUntil) ? find(c, eventId) : null;
    }

    /**
     * Claims the event's job when its claim count is still {@code claims} and it is claimable: a compare-and-set, so
     * two replicas can never both win.
     */
    public boolean claim(Connection c, String eventId, int claims, String owner, long now, long leaseUntil)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, owner);
            s.setLong(2, leaseUntil);
            s.setLong(3, now);
            s.setString(4, eventId);
            s.setInt(5, claims);
            s.setLong(6, now);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Extends the lease of a job this replica solves and stores its progress.
     *
     * @return false when the job is no longer this claim's (its lease ran out and another replica took it, the
     *         event was deleted, or it finished): the caller must stop solving it and store nothing
     */
    public boolean renew(Connection c, String eventId, Lease lease, String score, int scheduled, long bestSince,
            Progress progress, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RENEW)) {
            int i = 0;
            s.setLong(++i, lease.until());
            Statements.setText(s, ++i, score);
            s.setInt(++i, scheduled);
            setTime(s, ++i, bestSince);
            s.setInt(++i, progress.breaks());
            s.setInt(++i, progress.candidates());
            s.setLong(++i, progress.moves());
            s.setLong(++i, progress.solvedMillis());
            s.setLong(++i, now);
            s.setString(++i, eventId);
            s.setString(++i, lease.owner());
            s.setInt(++i, lease.claims());
            if (s.executeUpdate() != 1) {
                return false;
            }
        }
        if (progress.bestSlots() != null) {
            try (PreparedStatement s = c.prepareStatement(BEST)) {
                Statements.setText(s, 1, progress.bestSlots());
                s.setString(2, eventId);
                s.setString(3, lease.owner());
                s.setInt(4, lease.claims());
                s.executeUpdate();
            }
        }
        return true;
    }

    /** Whether the organizer asked the event's job to stop (from any replica). */
    public boolean stopRequested(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STOP_ASKED)) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getInt(1) != 0;
            }
        }
    }

    /**
     * Stores how the job of this claim ended ({@code job}'s state, score, times, reasons, progress).
     *
     * @return false when the job is no longer this claim's: the result is stale and must not be stored
     */
    public boolean finish(Connection c, StoredJob job, Lease lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FINISH)) {
            int i = 0;
            s.setString(++i, job.state());
            Statements.setText(s, ++i, job.score());
            s.setInt(++i, job.scheduled());
            setTime(s, ++i, job.bestSince());
            setTime(s, ++i, job.finishedAt());
            s.setInt(++i, job.stoppedEarly() ? 1 : 0);
            Statements.setText(s, ++i, job.reason() == null ? null : truncate(job.reason(), 2000));
            s.setInt(++i, job.progress().breaks());
            s.setInt(++i, job.progress().candidates());
            s.setLong(++i, job.progress().moves());
            s.setLong(++i, job.progress().solvedMillis());
            Statements.setText(s, ++i, lines(job.plan().notes()));
            Statements.setText(s, ++i, lines(job.plan().warnings()));
            Statements.setText(s, ++i, job.stopReason());
            s.setLong(++i, System.currentTimeMillis());
            s.setString(++i, job.eventId());
            s.setString(++i, lease.owner());
            s.setInt(++i, lease.claims());
            return s.executeUpdate() == 1;
        }
    }

    /** Ends a job that cannot run (its event changed or went away while it waited) as FAILED with {@code reason}. */
    public boolean fail(Connection c, String eventId, int claims, long now, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FAIL_UNCLAIMED)) {
            s.setLong(1, now);
            s.setString(2, truncate(reason, 2000));
            s.setLong(3, now);
            s.setString(4, eventId);
            s.setInt(5, claims);
            return s.executeUpdate() == 1;
        }
    }

    /** Asks the event's job to stop and keep its best, whichever replica solves it; false when none is solving. */
    public boolean askStop(Connection c, String eventId, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ASK_STOP)) {
            s.setLong(1, now);
            s.setString(2, eventId);
            return s.executeUpdate() == 1;
        }
    }

    /** Jobs waiting for a replica with a free solver thread. */
    public int queued(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(QUEUED); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void setTime(PreparedStatement s, int index, long millis) throws SQLException {
        if (millis == 0) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, millis);
        }
    }


    /** Sentences one a line, null for none (a sentence has no line break: one would be read back as two). */
    private static String lines(List<String> sentences) {
        return sentences.isEmpty() ? null : String.join("\n", sentences.stream()
                .map(t -> t.replace('\n', ' ')).toList());
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
