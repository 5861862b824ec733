-- Why a DONE job's solve stopped, as the API names it (move-limit, proved-optimal, ...), so that the organizer sees it
-- in the job's status on every replica and after a restart. Null while solving, for a failed job, and for jobs stored
-- before.
ALTER TABLE solve_jobs ADD COLUMN stop_reason VARCHAR(60);
