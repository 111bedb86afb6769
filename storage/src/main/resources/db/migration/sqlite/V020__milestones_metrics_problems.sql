-- Issue 15: a task's own measures of progress. Times are epoch milliseconds, dates ISO text (YYYY-MM-DD).

-- Milestones (时间节点) added, moved or confirmed reached in chat. Append-only; together with the plan file's
-- milestones they make a task's milestones ('set' with the text of an existing one moves it).
CREATE TABLE milestone_edit (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_year      INTEGER NOT NULL,
    task_number    INTEGER NOT NULL,
    action         TEXT    NOT NULL CHECK (action IN ('set', 'reached')),
    milestone_date TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    percent        INTEGER CHECK (percent IS NULL OR (percent BETWEEN 0 AND 100)),
    person_id      TEXT    NOT NULL,
    inbound_id     BIGINT  REFERENCES inbound_message (id),
    created_at     BIGINT  NOT NULL
);
CREATE INDEX milestone_edit_task ON milestone_edit (plan_year, task_number, id);

-- Metric figures (工作指标) reported with a progress report; they count while their report is effective.
CREATE TABLE metric_value (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id   BIGINT  NOT NULL REFERENCES progress_report (id),
    metric      TEXT    NOT NULL,
    value       REAL    NOT NULL
);
CREATE INDEX metric_value_report ON metric_value (report_id);

-- Targets the office set in chat (指标 16 目标 50 万元); the latest row per task and metric counts.
CREATE TABLE metric_target (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_year   INTEGER NOT NULL,
    task_number INTEGER NOT NULL,
    metric      TEXT    NOT NULL,
    target      REAL    NOT NULL,
    person_id   TEXT    NOT NULL,
    inbound_id  BIGINT  REFERENCES inbound_message (id),
    created_at  BIGINT  NOT NULL
);
CREATE INDEX metric_target_task ON metric_target (plan_year, task_number, id);

-- Problems raised in reports, as items with a life: open until solved (解决 问题3 …) or absent from the unit's
-- next two reports (lapsed, "未再提及"), or raised only in a report then withdrawn. silent_reports counts the unit's reports since it last mentioned it.
CREATE TABLE problem_item (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_year        INTEGER NOT NULL,
    task_number      INTEGER NOT NULL,
    unit             TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    raised_report_id BIGINT  REFERENCES progress_report (id),
    raised_at        BIGINT  NOT NULL,
    last_report_id   BIGINT  REFERENCES progress_report (id),
    last_mentioned_at BIGINT NOT NULL,
    silent_reports   INTEGER NOT NULL DEFAULT 0,
    state            TEXT    NOT NULL CHECK (state IN ('open', 'solved', 'lapsed', 'withdrawn')),
    closed_at        BIGINT,
    closed_by        TEXT,
    close_note       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX problem_item_open ON problem_item (plan_year, state, task_number, unit);

-- What a consultation (会商) decided on a problem.
CREATE TABLE problem_decision (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    problem_id   BIGINT  NOT NULL REFERENCES problem_item (id),
    meeting_date TEXT    NOT NULL,
    decision     TEXT    NOT NULL,
    person_id    TEXT    NOT NULL,
    inbound_id   BIGINT  REFERENCES inbound_message (id),
    created_at   BIGINT  NOT NULL
);
CREATE INDEX problem_decision_problem ON problem_decision (problem_id, id);
