-- The service's tables as the first release made them. Plain SQL: runs on HSQLDB and PostgreSQL; ${text} is the
-- vendor's type for long text (CLOB, TEXT). Times are epoch milliseconds, bodies are the JSON documents as text.
-- Never edit a migration that has shipped: add the next V<n>__*.sql.

-- uid: this stored event's identity, never repeated (a deleted and re-created event gets a new one); jobs check it
-- before storing a result. link_key: the event's part of every personal link; a new key revokes them all.
CREATE TABLE events (
    id           VARCHAR(200)  NOT NULL PRIMARY KEY,
    uid          VARCHAR(64)   NOT NULL,
    link_key     VARCHAR(64)   NOT NULL,
    name         VARCHAR(1000) NOT NULL,
    version      INTEGER       NOT NULL,
    participants INTEGER       NOT NULL,
    updated_at   BIGINT        NOT NULL,
    body         ${text}          NOT NULL
);

CREATE TABLE schedules (
    event_id      VARCHAR(200) NOT NULL PRIMARY KEY,
    event_version INTEGER      NOT NULL,
    score         VARCHAR(200) NOT NULL,
    solved_at     BIGINT       NOT NULL,
    body          ${text}         NOT NULL,
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

-- One participant's view of the schedule, written with it: agenda reads are one primary-key lookup.
CREATE TABLE agendas (
    event_id       VARCHAR(200) NOT NULL,
    participant_id VARCHAR(200) NOT NULL,
    body           ${text}         NOT NULL,
    PRIMARY KEY (event_id, participant_id),
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

-- iCalendar SEQUENCE per meeting, kept across re-solves so that calendars update entries instead of duplicating them.
CREATE TABLE meeting_versions (
    event_id    VARCHAR(200)  NOT NULL,
    meeting_key VARCHAR(500)  NOT NULL,
    first_id    VARCHAR(200)  NOT NULL,
    second_id   VARCHAR(200)  NOT NULL,
    fingerprint VARCHAR(1000) NOT NULL,
    sequence    INTEGER       NOT NULL,
    cancelled   INTEGER       NOT NULL,
    starts_at   VARCHAR(40),
    ends_at     VARCHAR(40),
    PRIMARY KEY (event_id, meeting_key),
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

CREATE TABLE solve_jobs (
    event_id      VARCHAR(200)  NOT NULL PRIMARY KEY,
    event_version INTEGER       NOT NULL,
    state         VARCHAR(10)   NOT NULL,
    score         VARCHAR(200),
    scheduled     INTEGER       NOT NULL,
    started_at    BIGINT        NOT NULL,
    best_since    BIGINT,
    finished_at   BIGINT,
    stopped_early INTEGER       NOT NULL,
    reason        VARCHAR(2000),
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

-- The participant's part of its personal link: rotating a link (or removing the participant) raises the generation,
-- which changes the token. No row means generation 0.
CREATE TABLE participant_links (
    event_id       VARCHAR(200) NOT NULL,
    participant_id VARCHAR(200) NOT NULL,
    generation     INTEGER      NOT NULL,
    PRIMARY KEY (event_id, participant_id),
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

-- Published versions of each event's schedule: what agendas and calendars show. A solve or repair only replaces
-- the draft (schedules); publishing copies the draft here as the next version. Re-publishing an earlier version
-- copies it as the next one, so the history only grows. The latest version is the published one.
CREATE TABLE published_schedules (
    event_id      VARCHAR(200)  NOT NULL,
    version       INTEGER       NOT NULL,
    event_version INTEGER       NOT NULL,
    published_at  BIGINT        NOT NULL,
    note          VARCHAR(2000) NOT NULL,
    body          ${text}          NOT NULL,
    PRIMARY KEY (event_id, version),
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

-- Self-service per event: off unless the organizer turns it on. changes counts the meetings it added or cancelled;
-- accepting or cancelling updates this row first, which serialises them per event (two acceptances for one slot
-- cannot both see it free).
CREATE TABLE self_service (
    event_id   VARCHAR(200) NOT NULL PRIMARY KEY,
    enabled    INTEGER      NOT NULL,
    changes    INTEGER      NOT NULL,
    updated_at BIGINT       NOT NULL,
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

-- A participant's request to meet another one in a slot of the published schedule: PENDING until the counterpart
-- accepts (the meeting is then in published version `version`) or declines, or either side cancels.
CREATE TABLE meeting_requests (
    event_id    VARCHAR(200)  NOT NULL,
    id          VARCHAR(64)   NOT NULL,
    from_id     VARCHAR(200)  NOT NULL,
    to_id       VARCHAR(200)  NOT NULL,
    slot        INTEGER       NOT NULL,
    state       VARCHAR(10)   NOT NULL,
    created_at  BIGINT        NOT NULL,
    updated_at  BIGINT        NOT NULL,
    closed_by   VARCHAR(200),
    meeting_id  VARCHAR(500),
    table_id    VARCHAR(200),
    version     INTEGER,
    PRIMARY KEY (event_id, id),
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

-- On the day: whether a published meeting was held or its counterpart did not show up, by the meeting's id in the
-- published schedule. Marks outlive re-publication: a meeting keeps its id while it stays.
CREATE TABLE attendance (
    event_id   VARCHAR(200) NOT NULL,
    meeting_id VARCHAR(300) NOT NULL,
    state      VARCHAR(10)  NOT NULL,
    marked_at  BIGINT       NOT NULL,
    marked_by  VARCHAR(200) NOT NULL,
    PRIMARY KEY (event_id, meeting_id),
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

-- On the day: participants the organizer marked absent; their meetings not held yet were cancelled then.
CREATE TABLE absences (
    event_id       VARCHAR(200) NOT NULL,
    participant_id VARCHAR(200) NOT NULL,
    marked_at      BIGINT       NOT NULL,
    PRIMARY KEY (event_id, participant_id),
    FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);
