package io.duban.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One 工作要点 (area) of a plan with its tasks. */
public record PlanArea(int number, String name, List<PlanTask> tasks) {
    public PlanArea {
        requireNonNull(name, "name is null");
        tasks = List.copyOf(tasks);
    }
}
