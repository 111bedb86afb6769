-- Issue 11: proportionate reporting.
-- An explicit "no change this period" entry (无变化 / 同上周): a report row that counts as reported and carries the
-- unit's last percent.
ALTER TABLE progress_report ADD COLUMN no_change BOOLEAN NOT NULL DEFAULT FALSE;

-- Who reports a task and how often, as changed by an admin in chat (设置 12 每两周). Append-only: the latest row of a
-- task overrides the plan file; earlier rows are the record of who changed what and when.
CREATE TABLE task_reporting_change (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_year        INTEGER NOT NULL,
    task_number      INTEGER NOT NULL,
    cadence          TEXT    NOT NULL,
    month_week       INTEGER NOT NULL DEFAULT 0,
    holidays         TEXT    NOT NULL DEFAULT '',
    responsible_owe  BOOLEAN NOT NULL,
    changed_by       TEXT    NOT NULL,
    inbound_id       BIGINT  REFERENCES inbound_message (id),
    changed_at       BIGINT  NOT NULL
);
CREATE INDEX task_reporting_change_task ON task_reporting_change (plan_year, task_number, id);
