package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A report about to be stored; the repository gives it an id. {@code noChange} marks an explicit "no change this
 * period" entry ({@code 无变化}, {@code 同上周}): it counts as reported and carries the last percent.
 */
public record NewReport(
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

    public NewReport {
        requireNonNull(unit, "unit is null");
        requireNonNull(reporterId, "reporterId is null");
        requireNonNull(inboundId, "inboundId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(supersedesId, "supersedesId is null");
        requireNonNull(status, "status is null");
        requireNonNull(percent, "percent is null");
        requireNonNull(progress, "progress is null");
        requireNonNull(problems, "problems is null");
        requireNonNull(nextSteps, "nextSteps is null");
        requireNonNull(kpiNumerator, "kpiNumerator is null");
        requireNonNull(kpiDenominator, "kpiDenominator is null");
        requireNonNull(reportWeek, "reportWeek is null");
        requireNonNull(reportedAt, "reportedAt is null");
        if (kind != ReportKind.REPORT && supersedesId.isEmpty()) {
            throw new IllegalArgumentException(kind + " must name the report it replaces");
        }
    }

    /** A report that is not a "no change" entry. */
    public NewReport(int planYear, int taskNumber, String unit, String reporterId, Optional<Long> inboundId,
                     ReportKind kind, Optional<Long> supersedesId, Optional<ReportStatus> status, OptionalInt percent,
                     String progress, String problems, String nextSteps, OptionalInt kpiNumerator,
                     OptionalInt kpiDenominator, String reportWeek, Instant reportedAt) {
        this(planYear, taskNumber, unit, reporterId, inboundId, kind, supersedesId, status, percent, progress,
                problems, nextSteps, kpiNumerator, kpiDenominator, reportWeek, reportedAt, false);
    }
}
