package io.duban.bot.review;

import io.duban.bot.report.ReportFilter;
import io.duban.storage.ReviewRepository;
import io.duban.storage.model.ProgressReport;
import java.util.List;
import java.util.Set;

/** Leaves out reports whose latest review returned them: they count as not reported until resubmitted. */
public final class ReturnedReports implements ReportFilter {
    private final ReviewRepository reviews;

    public ReturnedReports(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<ProgressReport> countable(int planYear, List<ProgressReport> effective) {
        if (effective.isEmpty()) {
            return effective;
        }
        Set<Long> returned = reviews.returnedReportIds(planYear);
        return returned.isEmpty() ? effective : effective.stream().filter(r -> !returned.contains(r.id())).toList();
    }
}
