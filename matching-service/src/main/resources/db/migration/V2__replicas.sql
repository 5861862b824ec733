-- Several replicas over one database. Credentials live here (unless the environment gives them), so that a token
-- issued by one replica works on every other; solve jobs become a queue that any replica with a free solver thread
-- claims, holding a lease it renews while solving and storing its best schedule as it goes.

CREATE TABLE service_secrets (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    secret     VARCHAR(500) NOT NULL,
    created_at BIGINT       NOT NULL
);

-- What to run: a solve, or a repair of the published schedule in repair_mode; the options the organizer gave.
ALTER TABLE solve_jobs ADD COLUMN kind VARCHAR(10) DEFAULT 'solve' NOT NULL;
ALTER TABLE solve_jobs ADD COLUMN repair_mode VARCHAR(10);
ALTER TABLE solve_jobs ADD COLUMN time_limit_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE solve_jobs ADD COLUMN seed BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE solve_jobs ADD COLUMN unimproved_ms BIGINT;
-- The stored event the job belongs to: a deleted and re-created event of the same id never gets its result.
ALTER TABLE solve_jobs ADD COLUMN event_uid VARCHAR(64);
-- The replica solving it (null while queued), until when its lease runs, and how many times it was claimed: a
-- replica writes only while owner and claims are still its own, so a stale one never overwrites a newer result.
ALTER TABLE solve_jobs ADD COLUMN owner VARCHAR(200);
ALTER TABLE solve_jobs ADD COLUMN lease_until BIGINT;
ALTER TABLE solve_jobs ADD COLUMN claims INTEGER DEFAULT 0 NOT NULL;
-- Progress, for watchers on any replica, and the best slots so far, for whoever takes the job over.
ALTER TABLE solve_jobs ADD COLUMN breaks INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE solve_jobs ADD COLUMN candidates INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE solve_jobs ADD COLUMN moves BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE solve_jobs ADD COLUMN solved_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE solve_jobs ADD COLUMN best_slots ${text};
ALTER TABLE solve_jobs ADD COLUMN stop_requested INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE solve_jobs ADD COLUMN updated_at BIGINT DEFAULT 0 NOT NULL;
