package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** A stored review decision on one progress_report row; {@code id} is 0 before it is stored. */
public record ReportReview(
        long id, long reportId, ReviewDecision decision, String reason, String reviewerId, Optional<Long> inboundId,
        Instant reviewedAt) {

    public ReportReview {
        requireNonNull(decision, "decision is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(reviewerId, "reviewerId is null");
        requireNonNull(inboundId, "inboundId is null");
        requireNonNull(reviewedAt, "reviewedAt is null");
    }
}
