-- Issue 13/14: every stored message gets exactly one answer, and the status board reads the latest reports fast.

-- An inbound message without an outcome (handled_at IS NULL) still owes its sender an answer. A recovery pass claims
-- such rows with a lease (like outbox rows) so that two passes never work on the same message; the answer itself is
-- written only while handled_at is still NULL, so a message is answered at most once.
ALTER TABLE inbound_message ADD COLUMN claim_owner TEXT;
ALTER TABLE inbound_message ADD COLUMN claim_until BIGINT;
CREATE INDEX inbound_message_unanswered ON inbound_message (id) WHERE handled_at IS NULL;

-- The latest effective report of each (plan year, task, unit): maintained by triggers in the same transaction as
-- the report row, so that the status board reads 3,000 rows instead of checking every row of the year.
CREATE TABLE current_report (
    plan_year    INTEGER NOT NULL,
    task_number  INTEGER NOT NULL,
    unit         TEXT    NOT NULL,
    report_id    BIGINT  NOT NULL REFERENCES progress_report (id),
    PRIMARY KEY (plan_year, task_number, unit)
);

INSERT INTO current_report (plan_year, task_number, unit, report_id)
SELECT r.plan_year, r.task_number, r.unit, MAX(r.id) FROM progress_report r
WHERE r.kind <> 'withdrawal' AND NOT EXISTS (SELECT 1 FROM progress_report s WHERE s.supersedes_id = r.id)
GROUP BY r.plan_year, r.task_number, r.unit;

-- A report or a correction is the newest effective row of its (task, unit).
CREATE TRIGGER progress_report_current_effective AFTER INSERT ON progress_report
WHEN NEW.kind <> 'withdrawal'
BEGIN
    INSERT OR REPLACE INTO current_report (plan_year, task_number, unit, report_id)
    VALUES (NEW.plan_year, NEW.task_number, NEW.unit, NEW.id);
END;

-- A withdrawal makes the row it replaces ineffective: the newest remaining effective row (if any) is current again.
CREATE TRIGGER progress_report_current_withdrawal AFTER INSERT ON progress_report
WHEN NEW.kind = 'withdrawal'
BEGIN
    DELETE FROM current_report
    WHERE plan_year = NEW.plan_year AND task_number = NEW.task_number AND unit = NEW.unit;
    INSERT INTO current_report (plan_year, task_number, unit, report_id)
    SELECT r.plan_year, r.task_number, r.unit, r.id FROM progress_report r
    WHERE r.plan_year = NEW.plan_year AND r.task_number = NEW.task_number AND r.unit = NEW.unit
      AND r.kind <> 'withdrawal'
      AND NOT EXISTS (SELECT 1 FROM progress_report s WHERE s.supersedes_id = r.id)
    ORDER BY r.id DESC LIMIT 1;
END;
