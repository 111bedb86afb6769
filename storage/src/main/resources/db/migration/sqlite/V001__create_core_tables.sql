-- Core tables. Times are epoch milliseconds (BIGINT) so that one mapper serves SQLite and PostgreSQL.

-- Every inbound message, stored raw before it is interpreted. message_id is the transport's de-duplication key.
CREATE TABLE inbound_message (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id    TEXT    NOT NULL UNIQUE,
    transport     TEXT    NOT NULL,
    sender_id     TEXT    NOT NULL,
    chat_id       TEXT,
    chat_type     TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    quoted_text   TEXT,
    received_at   BIGINT  NOT NULL,
    handled_at    BIGINT,
    outcome       TEXT
);
CREATE INDEX inbound_message_received ON inbound_message (received_at);

-- Progress reports: append-only. A correction or a withdrawal is a new row that points at the row it replaces.
CREATE TABLE progress_report (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_year      INTEGER NOT NULL,
    task_number    INTEGER NOT NULL,
    unit           TEXT    NOT NULL,
    reporter_id    TEXT    NOT NULL,
    inbound_id     BIGINT  REFERENCES inbound_message (id),
    kind           TEXT    NOT NULL CHECK (kind IN ('report', 'correction', 'withdrawal')),
    supersedes_id  BIGINT  REFERENCES progress_report (id),
    status         TEXT,
    percent        INTEGER CHECK (percent IS NULL OR (percent BETWEEN 0 AND 100)),
    progress       TEXT    NOT NULL DEFAULT '',
    problems       TEXT    NOT NULL DEFAULT '',
    next_steps     TEXT    NOT NULL DEFAULT '',
    kpi_numerator   INTEGER,
    kpi_denominator INTEGER,
    report_week    TEXT    NOT NULL,
    reported_at    BIGINT  NOT NULL
);
CREATE INDEX progress_report_task ON progress_report (plan_year, task_number, unit, id);
CREATE INDEX progress_report_week ON progress_report (plan_year, report_week);
CREATE UNIQUE INDEX progress_report_supersedes ON progress_report (supersedes_id);

-- People and group chats. Seeded from config/roster.yaml; rows edited in chat (source = 'chat') win over the file.
CREATE TABLE person (
    user_id     TEXT   PRIMARY KEY,
    name        TEXT   NOT NULL,
    unit        TEXT   NOT NULL,
    role        TEXT   NOT NULL,
    source      TEXT   NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE chat_binding (
    chat_id     TEXT   PRIMARY KEY,
    kind        TEXT   NOT NULL CHECK (kind IN ('unit', 'leaders')),
    unit        TEXT,
    source      TEXT   NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- Every outbound message, stored before it is sent. The WeCom senders drain it.
CREATE TABLE outbox (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    address_kind   TEXT    NOT NULL CHECK (address_kind IN ('group', 'person', 'reply')),
    address        TEXT    NOT NULL,
    format         TEXT    NOT NULL CHECK (format IN ('text', 'markdown', 'image', 'file')),
    content        TEXT    NOT NULL,
    mentions       TEXT    NOT NULL DEFAULT '',
    dedupe_key     TEXT    UNIQUE,
    status         TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error     TEXT,
    created_at     BIGINT  NOT NULL,
    sent_at        BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
