-- Who was marked absent on the day when the job that made the draft read the event, one id a line (null: nobody, or a
-- draft stored before). Such a job gives them nothing beyond their meetings held; when an absence is taken back since,
-- the draft lacks the meetings that came back, and publishing it is refused instead of cancelling them again.
ALTER TABLE schedules ADD COLUMN made_while_absent ${text};
