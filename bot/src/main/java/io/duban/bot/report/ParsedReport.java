package io.duban.bot.report;

import io.duban.storage.model.ReportStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A progress report as a person wrote it, before the bot has checked it against the plan: the task number may be
 * missing (the bot then works out which task is meant), the percent is missing when the person did not write one
 * (a text-only update or "no change": the last percent stands, and the answer says so).
 *
 * @param noChange  the person said "no change this period" ({@code 无变化}, {@code 同上周})
 * @param metrics   quantities written with the report, candidates for the task's metrics
 * @param source    the cleaned text this report was read from (for quoting and for spotting repeats)
 */
public record ParsedReport(
        OptionalInt taskNumber,
        OptionalInt percent,
        Optional<ReportStatus> status,
        String progress,
        String problems,
        String nextSteps,
        OptionalInt kpiNumerator,
        OptionalInt kpiDenominator,
        boolean noChange,
        List<ReportedMetric> metrics,
        String source) {

    public ParsedReport {
        metrics = List.copyOf(metrics);
    }

    public ParsedReport(OptionalInt taskNumber, OptionalInt percent, Optional<ReportStatus> status, String progress,
                        String problems, String nextSteps, OptionalInt kpiNumerator, OptionalInt kpiDenominator) {
        this(taskNumber, percent, status, progress, problems, nextSteps, kpiNumerator, kpiDenominator, false,
                List.of(), "");
    }

    public ParsedReport withTask(int number) {
        return new ParsedReport(OptionalInt.of(number), percent, status, progress, problems, nextSteps,
                kpiNumerator, kpiDenominator, noChange, metrics, source);
    }

    public ParsedReport withStatus(Optional<ReportStatus> newStatus) {
        return new ParsedReport(taskNumber, percent, newStatus, progress, problems, nextSteps, kpiNumerator,
                kpiDenominator, noChange, metrics, source);
    }

    public boolean hasKpi() {
        return kpiNumerator.isPresent() || kpiDenominator.isPresent();
    }

    /** Whether the percent is the last one reported (the person wrote none). */
    public boolean keepsPercent() {
        return percent.isEmpty();
    }
}
