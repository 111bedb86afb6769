package io.duban.storage.model;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** A stored report row. {@code reportWeek} is the ISO week (e.g. 2023-W41) in the office's time zone. */
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
        Instant reportedAt) {

    /** Whether the report names a problem; {@code 无}, {@code 暂无}, {@code —} and the like name none. */
    public boolean hasProblems() {
        return !EmptyAnswers.isNothing(problems);
    }

    /** The problems as every view shows them: empty when the report names none. */
    public String namedProblems() {
        return hasProblems() ? problems : "";
    }
}
