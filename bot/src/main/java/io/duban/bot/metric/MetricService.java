package io.duban.bot.metric;

import io.duban.plan.MetricDefinition;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.MetricRepository;
import io.duban.storage.ReportRepository;
import io.duban.storage.ReviewRepository;
import io.duban.storage.model.MetricTarget;
import io.duban.storage.model.MetricValue;
import io.duban.storage.model.ProgressReport;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Metric figures (工作指标): stores those that come with a report, sets targets, and computes the running totals
 * every view shows (任务 N, 指标, 通报) from one query of the effective rows' figures; the 台账 as of a moment uses
 * the same aggregation on the figures of the rows effective then.
 */
public final class MetricService {
    private final MetricRepository metrics;
    private final ReviewRepository reviews;
    private final Organization org;
    private final Clock clock;

    /**
     * @param reviews the office's review decisions: the figures of a report the office returned do not count (one
     *                truth: a returned report counts nowhere), in 任务 N, 指标, 通报 and 台账 alike
     */
    public MetricService(MetricRepository metrics, ReviewRepository reviews, Organization org, Clock clock) {
        this.reviews = reviews;
        this.metrics = metrics;
        this.org = org;
        this.clock = clock;
    }

    /** Stores the figures that came with a report row. */
    public void record(ProgressReport report, Map<String, Double> values) {
        metrics.addValues(report.id(), values);
    }

    /** The figures stored with a report row (a correction without figures keeps the corrected row's). */
    public Map<String, Double> valuesOf(long reportId) {
        return metrics.valuesOf(reportId);
    }

    /** Totals of every metric of the plan, now: the figures of the effective report rows (one query). */
    public List<MetricTotal> totals(WorkPlan plan) {
        return totals(plan, clock.instant());
    }

    /** Totals of every metric of the plan, of the effective report rows now, measured at {@code at} (a job's run). */
    public List<MetricTotal> totals(WorkPlan plan, Instant at) {
        return MetricTotals.of(plan, accepted(plan, metrics.effectiveValues(plan.year())),
                metrics.targets(plan.year()), at, org.units());
    }

    /** One task's totals now (one query of that task's figures). */
    public List<MetricTotal> totals(WorkPlan plan, PlanTask task) {
        return MetricTotals.of(plan, accepted(plan, metrics.effectiveValues(plan.year(), task.number())),
                metrics.targets(plan.year()), clock.instant(), org.units()).stream().filter(t -> t.task().number() == task.number()).toList();
    }

    /**
     * Totals as they stood at a moment, from a snapshot of the reports ({@code ReportsAsOf}): only the figures of the
     * rows that were effective then count.
     */
    public List<MetricTotal> totalsAsOf(WorkPlan plan, ReportRepository snapshot, Instant asOf) {
        Set<Long> effective = snapshot.allEffective(plan.year()).stream().map(ProgressReport::id)
                .collect(Collectors.toSet());
        List<MetricValue> values = metrics.values(plan.year()).stream()
                .filter(v -> effective.contains(v.reportId())).toList();
        return MetricTotals.of(plan, accepted(plan, values), metrics.targets(plan.year()), asOf, org.units());
    }

    private List<MetricValue> accepted(WorkPlan plan, List<MetricValue> values) {
        Set<Long> returned = reviews.returnedReportIds(plan.year());
        return returned.isEmpty() ? values : values.stream().filter(v -> !returned.contains(v.reportId())).toList();
    }

    /** Sets a metric's target; returns the metric with its new target. */
    public MetricDefinition setTarget(WorkPlan plan, PlanTask task, MetricDefinition metric, double target,
                                      String personId, long inboundId) {
        metrics.setTarget(new MetricTarget(0, plan.year(), task.number(), metric.name(), target, personId,
                Optional.of(inboundId), clock.instant()));
        return metric.withTarget(Optional.of(target));
    }
}
