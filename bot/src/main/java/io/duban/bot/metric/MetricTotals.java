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

/**
 * Adds up the metric figures of the effective reports: {@link MetricDefinition.Combine#SUM} sums every figure over
 * units and time; {@link MetricDefinition.Combine#LATEST} takes each unit's latest figure and sums over units.
 * Targets the office set in chat (the latest per task and metric, made by the moment) replace the plan's.
 */
public final class MetricTotals {
    private MetricTotals() {
    }

    /**
     * @param values    the figures that count: those of effective report rows (a snapshot filters them first)
     * @param unitOrder units in organization order, for the parts
     */
    public static List<MetricTotal> of(WorkPlan plan, List<MetricValue> values, List<MetricTarget> targets,
                                       Instant asOf, List<String> unitOrder) {
        Map<String, Double> setTargets = new HashMap<>();
        targets.stream().filter(t -> t.planYear() == plan.year() && !t.at().isAfter(asOf))
                .sorted(Comparator.comparingLong(MetricTarget::id))
                .forEach(t -> setTargets.put(t.taskNumber() + "|" + t.metric(), t.target()));
        Map<String, List<MetricValue>> byMetric = new HashMap<>();
        values.stream()
                .filter(v -> v.planYear() == plan.year() && !v.reportedAt().isAfter(asOf))
                .sorted(Comparator.comparingLong(MetricValue::reportId))
                .forEach(v -> byMetric.computeIfAbsent(v.taskNumber() + "|" + v.metric(), k -> new ArrayList<>()).add(v));
        List<MetricTotal> out = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            for (MetricDefinition m : task.metrics()) {
                String key = task.number() + "|" + m.name();
                Double set = setTargets.get(key);
                MetricDefinition def = set == null ? m : m.withTarget(Optional.of(set));
                List<MetricValue> mine = byMetric.getOrDefault(key, List.of());
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
