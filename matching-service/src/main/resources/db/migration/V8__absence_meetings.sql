-- Numbered after V7 although written before it: a database that main brought to V7 first accepts it (Flyway refuses a
-- migration numbered below the last one applied).
-- What each absence cancelled, as the published meetings were then, so that an absence recorded by mistake can be
-- taken back: undoing it puts back those meetings that can still take place. An absence recorded before this table
-- existed is undone from the published versions instead (the one it published against the one before). No primary
-- key: three ids of up to 900 characters would exceed PostgreSQL's index row limit; the repository deletes a
-- meeting's row before writing it again.
CREATE TABLE absence_meetings (
    event_id       VARCHAR(200) NOT NULL,
    participant_id VARCHAR(200) NOT NULL,
    meeting_id     VARCHAR(500) NOT NULL,
    version        INTEGER      NOT NULL,
    meeting        ${text}         NOT NULL,
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);
CREATE INDEX absence_meetings_of ON absence_meetings (event_id, participant_id);
