package io.duban.bot.metric;

import io.duban.plan.MetricDefinition;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.MetricTarget;
import io.duban.storage.model.MetricValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adds up the metric figures of the effective reports: {@link MetricDefinition.Combine#SUM} sums every figure over
 * units and time; {@link MetricDefinition.Combine#LATEST} takes each unit's latest figure and sums over units.
 * Targets the office set in chat (the latest per task and metric, made by the moment) replace the plan's.
 */
public final class MetricTotals {
    private MetricTotals() {
    }

    /**
     * @param effectiveReports the ids of the effective report rows (figures of replaced or withdrawn rows drop out)
     * @param unitOrder        units in organization order, for the parts
     */
    public static List<MetricTotal> of(WorkPlan plan, List<MetricValue> values, Set<Long> effectiveReports,
                                       List<MetricTarget> targets, Instant asOf, List<String> unitOrder) {
        Map<String, Double> setTargets = new HashMap<>();
        targets.stream().filter(t -> t.planYear() == plan.year() && !t.at().isAfter(asOf))
                .sorted(Comparator.comparingLong(MetricTarget::id))
                .forEach(t -> setTargets.put(t.taskNumber() + "|" + t.metric(), t.target()));
        List<MetricTotal> out = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            for (MetricDefinition m : task.metrics()) {
                Double set = setTargets.get(task.number() + "|" + m.name());
                MetricDefinition def = set == null ? m : m.withTarget(Optional.of(set));
                List<MetricValue> mine = values.stream()
                        .filter(v -> v.planYear() == plan.year() && v.taskNumber() == task.number())
                        .filter(v -> v.metric().equals(m.name()) && effectiveReports.contains(v.reportId()))
                        .filter(v -> !v.reportedAt().isAfter(asOf))
                        .sorted(Comparator.comparingLong(MetricValue::reportId))
                        .toList();
                Map<String, Double> byUnit = new HashMap<>();
                for (MetricValue v : mine) {
                    if (m.combine() == MetricDefinition.Combine.SUM) {
                        byUnit.merge(v.unit(), v.value(), Double::sum);
                    } else {
                        byUnit.put(v.unit(), v.value());
                    }
                }
                Map<String, Double> ordered = new LinkedHashMap<>();
                byUnit.keySet().stream()
                        .sorted(Comparator.comparingInt((String u) -> unitOrder.indexOf(u)).thenComparing(u -> u))
                        .forEach(u -> ordered.put(u, byUnit.get(u)));
                double total = ordered.values().stream().mapToDouble(Double::doubleValue).sum();
                out.add(new MetricTotal(task, def, total, ordered, mine.size()));
            }
        }
        return out;
    }
}
