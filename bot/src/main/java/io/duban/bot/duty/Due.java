package io.duban.bot.duty;

import io.duban.plan.PlanTask;

/** A report a unit owes on a task for one of the task's periods. */
public record Due(String unit, PlanTask task, Period period) {
}
