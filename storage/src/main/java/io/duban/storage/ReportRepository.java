package io.duban.storage;

import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportPoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Progress reports, append-only. The <em>effective</em> reports are those no later row replaces and that are not
 * withdrawals themselves: correcting adds a row that replaces the corrected one; withdrawing adds a withdrawal row
 * that replaces the withdrawn one, so that the report before it becomes effective again.
 */
public interface ReportRepository {

    ProgressReport append(NewReport report);

    Optional<ProgressReport> find(long id);

    /** The latest effective report of each (task, unit) of a plan year. */
    List<ProgressReport> latestEffective(int planYear);

    /**
     * The latest effective report of each (task, unit) of a plan year among those reported at or before
     * {@code asOf}: where each unit's figure stood at that moment (for "change since last week").
     */
    List<ProgressReport> latestEffectiveAsOf(int planYear, java.time.Instant asOf);

    /** The latest effective report of one unit on one task. */
    Optional<ProgressReport> latestEffective(int planYear, int taskNumber, String unit);

    /** The effective reports of a plan year made in one reporting week, e.g. {@code 2023-W41}. */
    List<ProgressReport> effectiveInWeek(int planYear, String reportWeek);

    /** Every row of a task, corrections and withdrawals included, oldest first. */
    List<ProgressReport> history(int planYear, int taskNumber);

    /** Every effective report of a plan year, oldest first: the data behind trends and exports. */
    List<ProgressReport> allEffective(int planYear);

    /**
     * The effective reports of a plan year made from {@code from} to {@code until} (both included), narrowly: what
     * the due calculation reads of the recent window. In no particular order.
     */
    default List<ReportPoint> effectivePoints(int planYear, Instant from, Instant until) {
        return allEffective(planYear).stream()
                .filter(r -> !r.reportedAt().isBefore(from) && !r.reportedAt().isAfter(until))
                .map(ReportPoint::of).toList();
    }

    /** The effective reports of one unit on one task made at or before {@code until}, narrowly. Ordered by id. */
    default List<ReportPoint> effectivePoints(int planYear, int taskNumber, String unit, Instant until) {
        return allEffective(planYear).stream()
                .filter(r -> r.taskNumber() == taskNumber && r.unit().equals(unit) && !r.reportedAt().isAfter(until))
                .map(ReportPoint::of).toList();
    }
}
