package io.duban.storage;

import io.duban.storage.model.MetricTarget;
import io.duban.storage.model.MetricValue;
import java.util.List;
import java.util.Map;

/** Metric figures reported with progress reports, and the targets the office set. */
public interface MetricRepository {

    /** Stores the figures (metric name → value) that came with a report row. */
    void addValues(long reportId, Map<String, Double> values);

    /** The figures stored with one report row, by metric name. */
    Map<String, Double> valuesOf(long reportId);

    /** Every figure of a plan year with its report's task, unit and time, in report order. */
    List<MetricValue> values(int planYear);

    /**
     * The figures of the plan year's effective report rows (not replaced by a correction or withdrawal, and not a
     * withdrawal), in report order: the same rule as {@link ReportRepository#allEffective}.
     */
    List<MetricValue> effectiveValues(int planYear);

    /** {@link #effectiveValues(int)} of one task. */
    List<MetricValue> effectiveValues(int planYear, int taskNumber);

    MetricTarget setTarget(MetricTarget target);

    /** Every target set for a plan year, oldest first (the latest per task and metric counts). */
    List<MetricTarget> targets(int planYear);
}
