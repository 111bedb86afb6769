package io.duban.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A task's own measures of progress besides its percent: its 时间节点 (milestones, by date) and its 工作指标
 * (metrics). Kept together so that {@link PlanTask} grows by one field.
 */
public record TaskMeasures(List<Milestone> milestones, List<MetricDefinition> metrics) {
    public static final TaskMeasures NONE = new TaskMeasures(List.of(), List.of());

    public TaskMeasures {
        milestones = milestones.stream().sorted(Comparator.comparing(Milestone::date)).toList();
        metrics = List.copyOf(metrics);
    }

    public boolean isEmpty() {
        return milestones.isEmpty() && metrics.isEmpty();
    }

    public Optional<MetricDefinition> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
