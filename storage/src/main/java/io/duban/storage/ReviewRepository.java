package io.duban.storage;

import io.duban.storage.model.ReportReview;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Review decisions (核查) on report rows, append-only: the latest decision on a row counts. */
public interface ReviewRepository {

    /** Stores a decision and returns it with its id. */
    ReportReview record(ReportReview review);

    /** The latest decision on one report row. */
    Optional<ReportReview> latest(long reportId);

    /** The latest decision on each reviewed report row of a plan year. */
    List<ReportReview> latestDecisions(int planYear);

    /** Report rows of a plan year whose latest decision is a return. */
    Set<Long> returnedReportIds(int planYear);

    /** Every decision of a plan year, oldest first. */
    List<ReportReview> all(int planYear);
}
