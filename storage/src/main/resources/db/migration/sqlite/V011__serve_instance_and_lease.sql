-- Issue 13: every running serve instance says who it is and when it was last alive (for ./duban status), and one
-- lease decides which instance holds the long connection and the scheduler. The token grows with every new holder
-- (a fencing token): a write that matters checks that its holder's token is still the current one.
CREATE TABLE serve_instance (
    instance_id   TEXT    PRIMARY KEY,
    host          TEXT    NOT NULL,
    pid           BIGINT  NOT NULL,
    role          TEXT    NOT NULL,
    started_at    BIGINT  NOT NULL,
    heartbeat_at  BIGINT  NOT NULL,
    note          TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE leader_lease (
    name          TEXT    PRIMARY KEY,
    holder        TEXT    NOT NULL,
    token         BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL
);
