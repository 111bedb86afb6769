package io.duban.bot.cli;

import io.duban.plan.Milestone;
import io.duban.plan.PlanArea;
import io.duban.plan.PlanTask;
import io.duban.plan.TaskMeasures;
import io.duban.plan.WorkPlan;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Moves a plan to another year: every date shifts by whole years; the texts, short
 * titles and reporting settings (who owes, cadence) stay for the office to edit. */
final class PlanCopier {
    private PlanCopier() {
    }

    static WorkPlan copy(WorkPlan source, int year) {
        long years = year - source.year();
        String title = source.title().replace(String.valueOf(source.year()), String.valueOf(year));
        return new WorkPlan(year, title, "", shift(source.start(), years), shift(source.deadline(), years),
                source.areas().stream().map(a -> new PlanArea(a.number(), a.name(), a.tasks().stream()
                        .map(t -> new PlanTask(t.number(), t.areaNumber(), t.areaName(), t.text(), t.leadUnits(),
                                t.responsibleUnits(), shift(t.deadline(), years), t.kpi(), t.shortTitle(), t.reporting(),
                                shift(t.measures(), years)))
                        .toList())).toList());
    }

    /** Milestones move with the year; metric definitions stay, their targets too (the office edits them). */
    private static TaskMeasures shift(TaskMeasures m, long years) {
        return new TaskMeasures(m.milestones().stream()
                .map(x -> new Milestone(shift(x.date(), years), x.text(), x.percent())).toList(), m.metrics());
    }

    private static LocalDate shift(LocalDate d, long years) {
        return d.plus(years, ChronoUnit.YEARS);
    }
}
