package io.duban.bot.metric;

import io.duban.plan.MetricDefinition;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.MetricRepository;
import io.duban.storage.ReportRepository;
import io.duban.storage.model.MetricTarget;
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
 * every view shows (任务 N, 指标, 通报, 台账) from one query of figures and one of effective reports.
 */
public final class MetricService {
    private final MetricRepository metrics;
    private final Organization org;
    private final Clock clock;

    public MetricService(MetricRepository metrics, Organization org, Clock clock) {
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

    /** Totals of every metric of the plan, now. */
    public List<MetricTotal> totals(WorkPlan plan, ReportRepository reports) {
        return totals(plan, reports, clock.instant());
    }

    /** Totals of every metric of the plan from the reports as given (a snapshot counts only its rows). */
    public List<MetricTotal> totals(WorkPlan plan, ReportRepository reports, Instant asOf) {
        Set<Long> effective = reports.allEffective(plan.year()).stream().map(ProgressReport::id)
                .collect(Collectors.toSet());
        return MetricTotals.of(plan, metrics.values(plan.year()), effective, metrics.targets(plan.year()), asOf,
                org.units());
    }

    public List<MetricTotal> totals(WorkPlan plan, PlanTask task, ReportRepository reports) {
        return totals(plan, reports).stream().filter(t -> t.task().number() == task.number()).toList();
    }

    /** Sets a metric's target; returns the metric with its new target. */
    public MetricDefinition setTarget(WorkPlan plan, PlanTask task, MetricDefinition metric, double target,
                                      String personId, long inboundId) {
        metrics.setTarget(new MetricTarget(0, plan.year(), task.number(), metric.name(), target, personId,
                Optional.of(inboundId), clock.instant()));
        return metric.withTarget(Optional.of(target));
    }
}
