package io.duban.storage.model;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The few columns of an effective report that the due calculation reads (when, and whether it said done): a narrow
 * projection of {@link ProgressReport}, so that reading many of them stays cheap.
 */
public record ReportPoint(long id, int taskNumber, String unit, Instant reportedAt, Optional<ReportStatus> status,
                          OptionalInt percent) {

    public static ReportPoint of(ProgressReport r) {
        return new ReportPoint(r.id(), r.taskNumber(), r.unit(), r.reportedAt(), r.status(), r.percent());
    }

    /** The report said the task is done: status done, or 100 percent. */
    public boolean done() {
        return status.filter(s -> s == ReportStatus.DONE).isPresent()
                || (percent.isPresent() && percent.getAsInt() >= 100);
    }
}
