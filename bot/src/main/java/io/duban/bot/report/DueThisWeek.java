package io.duban.bot.report;

import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import java.util.List;

/**
 * The tasks a unit still owes in the current reporting week, as the one "what is due" component counts them
 * (the status board provides it). A report without a task number, or a bare "无变化", is read against this list.
 */
@FunctionalInterface
public interface DueThisWeek {
    List<PlanTask> tasks(WorkPlan plan, String unit);
}
