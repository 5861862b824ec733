-- What made each draft: 'solve', or the mode of the repair ('minimal', 'freeze'); its change report says so.
ALTER TABLE schedules ADD COLUMN made_by VARCHAR(10);
-- A draft stored before: its event's last job made it if that job ended DONE at the draft's time (a job stores its
-- draft with its finish time). Any other stays null, read as a solve: nothing says a repair mode kept its meetings.
UPDATE schedules SET made_by = (SELECT CASE WHEN j.kind = 'repair' THEN j.repair_mode ELSE 'solve' END
    FROM solve_jobs j
    WHERE j.event_id = schedules.event_id AND j.state = 'DONE' AND j.finished_at = schedules.solved_at);
