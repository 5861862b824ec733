-- The clock time of the slot a request asked for, as the published schedule writes it (null when the event has no
-- times, or for a request stored before this): sessions renumbered since would otherwise make its slot number stand
-- for another time, and an acceptance book that one.
ALTER TABLE meeting_requests ADD COLUMN slot_start VARCHAR(40);
