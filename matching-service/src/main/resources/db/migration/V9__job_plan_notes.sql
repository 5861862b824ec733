-- What a repair's plan told about the published schedule it read (notes: a corrected time zone; warnings: slots
-- renumbered since, so that unavailableSlots now mean other times), one sentence a line, so that the organizer sees
-- them in the job's status on every replica and after a restart. Null for a plain solve and for jobs stored before.
ALTER TABLE solve_jobs ADD COLUMN plan_notes ${text};
ALTER TABLE solve_jobs ADD COLUMN plan_warnings ${text};
