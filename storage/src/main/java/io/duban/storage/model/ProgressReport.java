package io.duban.storage.model;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A stored report row. {@code reportWeek} is the ISO week (e.g. 2023-W41) in the office's time zone;
 * {@code noChange} marks an explicit "no change this period" entry, which counts as reported and keeps the percent.
 */
public record ProgressReport(
        long id,
        int planYear,
        int taskNumber,
        String unit,
        String reporterId,
        Optional<Long> inboundId,
        ReportKind kind,
        Optional<Long> supersedesId,
        Optional<ReportStatus> status,
        OptionalInt percent,
        String progress,
        String problems,
        String nextSteps,
        OptionalInt kpiNumerator,
        OptionalInt kpiDenominator,
        String reportWeek,
        Instant reportedAt,
        boolean noChange) {

    /** A row that is not a "no change" entry. */
    public ProgressReport(long id, int planYear, int taskNumber, String unit, String reporterId,
                          Optional<Long> inboundId, ReportKind kind, Optional<Long> supersedesId,
                          Optional<ReportStatus> status, OptionalInt percent, String progress, String problems,
                          String nextSteps, OptionalInt kpiNumerator, OptionalInt kpiDenominator, String reportWeek,
                          Instant reportedAt) {
        this(id, planYear, taskNumber, unit, reporterId, inboundId, kind, supersedesId, status, percent, progress,
                problems, nextSteps, kpiNumerator, kpiDenominator, reportWeek, reportedAt, false);
    }

    /** Whether the report names a problem; {@code 无}, {@code 暂无}, {@code —} and the like name none. */
    public boolean hasProblems() {
        return !EmptyAnswers.isNothing(problems);
    }

    /** The problems as every view shows them: empty when the report names none. */
    public String namedProblems() {
        return hasProblems() ? problems : "";
    }
}
