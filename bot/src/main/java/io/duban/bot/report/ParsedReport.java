package io.duban.bot.report;

import io.duban.storage.model.ReportStatus;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A progress report as a person wrote it, before the bot has checked it against the plan: the task number may be
 * missing (the bot then works out which task is meant), the percent may be missing when a status word says it.
 */
public record ParsedReport(
        OptionalInt taskNumber,
        OptionalInt percent,
        Optional<ReportStatus> status,
        String progress,
        String problems,
        String nextSteps,
        OptionalInt kpiNumerator,
        OptionalInt kpiDenominator) {

    public ParsedReport withTask(int number) {
        return new ParsedReport(OptionalInt.of(number), percent, status, progress, problems, nextSteps,
                kpiNumerator, kpiDenominator);
    }

    public boolean hasKpi() {
        return kpiNumerator.isPresent() || kpiDenominator.isPresent();
    }
}
