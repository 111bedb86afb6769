package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** A target the office set for a task's metric in chat; the latest per task and metric counts. */
public record MetricTarget(long id, int planYear, int taskNumber, String metric, double target, String personId,
                           Optional<Long> inboundId, Instant at) {
    public MetricTarget {
        requireNonNull(metric, "metric is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(inboundId, "inboundId is null");
        requireNonNull(at, "at is null");
    }
}
