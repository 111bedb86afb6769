-- The office's desk: review decisions on report rows (核查) and closure requests and decisions (销号).
-- Both append-only: the latest row counts; earlier rows stay as the audit trail.

-- A decision on one progress_report row. A returned report counts as not reported until the unit resubmits
-- (a new report or a correction is a new row, so it starts unchecked).
CREATE TABLE report_review (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id    BIGINT  NOT NULL REFERENCES progress_report (id),
    decision     TEXT    NOT NULL CHECK (decision IN ('passed', 'returned')),
    reason       TEXT    NOT NULL DEFAULT '',
    reviewer_id  TEXT    NOT NULL,
    inbound_id   BIGINT  REFERENCES inbound_message (id),
    reviewed_at  BIGINT  NOT NULL
);
CREATE INDEX report_review_report ON report_review (report_id, id);

-- Closure of a task: a lead unit requests it with evidence, the office approves or returns it.
-- The current state of a task is its latest row.
CREATE TABLE task_closure (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_year    INTEGER NOT NULL,
    task_number  INTEGER NOT NULL,
    action       TEXT    NOT NULL CHECK (action IN ('requested', 'approved', 'returned')),
    unit         TEXT    NOT NULL,
    person_id    TEXT    NOT NULL,
    note         TEXT    NOT NULL DEFAULT '',
    inbound_id   BIGINT  REFERENCES inbound_message (id),
    created_at   BIGINT  NOT NULL
);
CREATE INDEX task_closure_task ON task_closure (plan_year, task_number, id);
