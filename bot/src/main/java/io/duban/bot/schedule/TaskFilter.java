package io.duban.bot.schedule;

import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import java.time.LocalDate;
import java.util.List;

/**
 * The one place that decides which tasks the rhythm still prompts, warns and summarises: every job asks it. Until
 * closure (销号) exists every task is open; the closure work supplies a filter that leaves closed tasks out.
 */
@FunctionalInterface
public interface TaskFilter {
    List<PlanTask> open(WorkPlan plan, LocalDate on);

    static TaskFilter allTasks() {
        return (plan, on) -> plan.tasks();
    }
}
