package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One metric figure (工作指标) as reported, with the report row it came with: it counts while that row is
 * effective (a correction or withdrawal replaces it).
 */
public record MetricValue(long reportId, int planYear, int taskNumber, String unit, String metric, double value,
                          Instant reportedAt) {
    public MetricValue {
        requireNonNull(unit, "unit is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(reportedAt, "reportedAt is null");
    }
}
