-- Meeting ids made for a pair (c-A-B) are up to twice as long as a participant id (200): marks of the day keep them
-- whole, as meeting_versions and meeting_requests already do.
ALTER TABLE attendance ALTER COLUMN meeting_id SET DATA TYPE VARCHAR(500);
