package io.duban.plan;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A year's work plan: its period, its areas and their numbered tasks. */
public record WorkPlan(int year, String title, String document, LocalDate start, LocalDate deadline, List<PlanArea> areas) {
    public WorkPlan {
        requireNonNull(title, "title is null");
        requireNonNull(document, "document is null");
        requireNonNull(start, "start is null");
        requireNonNull(deadline, "deadline is null");
        areas = List.copyOf(areas);
    }

    public List<PlanTask> tasks() {
        return areas.stream().flatMap(a -> a.tasks().stream()).toList();
    }

    public Optional<PlanTask> task(int number) {
        return tasks().stream().filter(t -> t.number() == number).findFirst();
    }
}
