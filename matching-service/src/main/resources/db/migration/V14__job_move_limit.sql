-- The move limit a solve was asked for, so that a job that waited in the queue, or that another replica takes over,
-- runs with it: before, such a job ran by the clock alone and its schedule no longer repeated. 0 for none (the default,
-- and what jobs stored before read as).
ALTER TABLE solve_jobs ADD COLUMN move_limit BIGINT DEFAULT 0 NOT NULL;
