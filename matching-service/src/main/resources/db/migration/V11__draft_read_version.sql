-- The latest published version when the job that made the draft read the event (0: none yet; null: a draft stored
-- before). A self-service acceptance publishes a version at once; a draft whose job read an earlier one lacks the
-- meeting accepted, and publishing it is refused instead of cancelling that meeting.
ALTER TABLE schedules ADD COLUMN read_version INTEGER;
