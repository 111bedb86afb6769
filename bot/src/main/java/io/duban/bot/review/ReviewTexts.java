package io.duban.bot.review;

import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportReview;

/** The words of the notice a unit gets when its report is passed or returned; written by the chat layer. */
public interface ReviewTexts {
    String notice(ProgressReport report, ReportReview review);
}
