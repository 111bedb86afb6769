package io.duban.bot.review;

import io.duban.bot.report.ReportFilter;
import io.duban.storage.ReviewRepository;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportReview;
import io.duban.storage.model.ReviewDecision;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Leaves out reports whose latest review returned them: they count as not reported until resubmitted. This is the
 * "accepted" half of the one filter every view uses (the other half, not withdrawn and not superseded, is the
 * storage's "effective").
 */
public final class ReturnedReports implements ReportFilter {
    private final ReviewRepository reviews;
    private final Optional<Instant> asOf;

    public ReturnedReports(ReviewRepository reviews) {
        this(reviews, Optional.empty());
    }

    private ReturnedReports(ReviewRepository reviews, Optional<Instant> asOf) {
        this.reviews = reviews;
        this.asOf = asOf;
    }

    /** The decisions as they stood at a moment (for the 台账 and the chart "as of the end of week 40"). */
    public static ReturnedReports asOf(ReviewRepository reviews, Instant at) {
        return new ReturnedReports(reviews, Optional.of(at));
    }

    @Override
    public List<ProgressReport> countable(int planYear, List<ProgressReport> effective) {
        if (effective.isEmpty()) {
            return effective;
        }
        Set<Long> returned = returnedIds(planYear);
        return returned.isEmpty() ? effective : effective.stream().filter(r -> !returned.contains(r.id())).toList();
    }

    /** Exactly the ids {@link #countable} leaves out: the reports whose latest review returned them. */
    @Override
    public Optional<Set<Long>> excludedIds(int planYear) {
        return Optional.of(returnedIds(planYear));
    }

    private Set<Long> returnedIds(int planYear) {
        if (asOf.isEmpty()) {
            return reviews.returnedReportIds(planYear);
        }
        Map<Long, ReportReview> latest = new HashMap<>();
        for (ReportReview v : reviews.all(planYear)) {
            if (!v.reviewedAt().isAfter(asOf.get())) {
                latest.put(v.reportId(), v);
            }
        }
        return latest.values().stream().filter(v -> v.decision() == ReviewDecision.RETURNED)
                .map(ReportReview::reportId).collect(Collectors.toSet());
    }
}
