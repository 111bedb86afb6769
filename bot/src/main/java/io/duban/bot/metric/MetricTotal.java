package io.duban.bot.metric;

import io.duban.plan.MetricDefinition;
import io.duban.plan.PlanTask;
import java.util.Map;
import java.util.Optional;

/**
 * A metric's running total against its target.
 *
 * @param definition the metric with its effective target (the plan's, or the one the office set in chat)
 * @param byUnit     each unit's part of the total, in organization order
 * @param reports    how many effective reports carried a figure
 */
public record MetricTotal(PlanTask task, MetricDefinition definition, double total, Map<String, Double> byUnit,
                         int reports) {
    public MetricTotal {
        byUnit = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byUnit));
    }

    public boolean hasData() {
        return reports > 0;
    }

    public Optional<Double> percentOfTarget() {
        return definition.target().map(t -> 100.0 * total / t);
    }

    /** {@code 采购金额 37.5/50 万元（75%）}, {@code 采购金额 37.5 万元（未设目标）}. */
    public String line() {
        String name = definition.name() + " ";
        String unit = definition.unit();
        if (definition.target().isEmpty()) {
            return name + MetricDefinition.format(total) + " " + unit + "（未设目标）";
        }
        double target = definition.target().get();
        return name + MetricDefinition.format(total) + "/" + MetricDefinition.format(target) + " " + unit + "（"
                + Math.round(100.0 * total / target) + "%" + (total + 1e-9 >= target ? "，已达标" : "") + "）";
    }
}
