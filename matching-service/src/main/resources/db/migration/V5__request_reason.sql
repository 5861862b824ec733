-- Why a request was closed when its participants did not close it themselves: an absence recorded on the day
-- declines the requests asked of the absent participant and cancels those it asked, saying so here.
ALTER TABLE meeting_requests ADD COLUMN reason VARCHAR(1000);
