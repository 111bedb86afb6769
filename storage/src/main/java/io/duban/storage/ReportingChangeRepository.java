package io.duban.storage;

import io.duban.storage.model.ReportingChange;
import java.util.List;

/** Admins' changes to tasks' reporters and cadence, append-only; the latest row of a task counts. */
public interface ReportingChangeRepository {

    /** Stores the change (its id is ignored) and returns it as stored. */
    ReportingChange append(ReportingChange change);

    /** The latest change of each task of a plan year that has one, by task number. */
    List<ReportingChange> latestPerTask(int planYear);

    /** Every change of a task, oldest first. */
    List<ReportingChange> history(int planYear, int taskNumber);
}
