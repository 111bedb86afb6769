package io.duban.bot.review;

import io.duban.bot.notify.UnitNotices;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportReview;
import io.duban.storage.model.ReviewDecision;
import java.util.List;

/** What the office's check of a report (核查, 退回) came to; the command that asked turns it into words. */
public sealed interface ReviewResult {

    record UnknownTask(int number) implements ReviewResult {
    }

    /** A return needs a reason. */
    record ReasonMissing(int number) implements ReviewResult {
    }

    /** The unit named is not a lead or responsible unit of the task. */
    record NotAssigned(String unit, int number, List<String> units) implements ReviewResult {
    }

    /** The unit named has no effective report on the task. */
    record NothingFromUnit(String unit, int number) implements ReviewResult {
    }

    /** No unit has reported on the task. */
    record NothingReported(int number) implements ReviewResult {
    }

    /** Several units' reports could be meant; {@code allChecked} when all of them were decided on already. */
    record WhichUnit(int number, List<ProgressReport> candidates, ReviewDecision decision, boolean allChecked)
            implements ReviewResult {
    }

    record AlreadyPassed(ProgressReport report, ReportReview previous) implements ReviewResult {
    }

    /** The decision is stored and the unit told. */
    record Decided(ProgressReport report, ReportReview review, String reporterName, UnitNotices.Told told)
            implements ReviewResult {
    }
}
