-- Scheduled runs (weekly prompt, reminders, summaries …), claimed before anything is sent. The unique (job, period)
-- makes a second claim of the same run fail, whichever process or clock tries it. A run missed beyond the grace
-- period is recorded as 'skipped' so that it is not tried again.
CREATE TABLE job_run (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    job            TEXT    NOT NULL,
    period         TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('done', 'skipped')),
    planned_at     BIGINT  NOT NULL,
    claimed_at     BIGINT  NOT NULL,
    message_count  INTEGER NOT NULL DEFAULT 0,
    note           TEXT    NOT NULL DEFAULT '',
    UNIQUE (job, period)
);
CREATE INDEX job_run_claimed ON job_run (claimed_at);
