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

    MetricTarget setTarget(MetricTarget target);

    /** Every target set for a plan year, oldest first (the latest per task and metric counts). */
    List<MetricTarget> targets(int planYear);
}
