package io.duban.bot.closure;

import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ClosureEvent;
import java.util.List;

/**
 * The plan's closure state for 办结情况: closed tasks, pending requests, and the tasks still open.
 *
 * @param open          every task not closed (pending ones included)
 * @param notRequested  open tasks without a pending request, each with whether its last request was returned
 */
public record ClosureOverview(WorkPlan plan, List<Step> closed, List<Step> pending, List<PlanTask> open,
                              List<OpenTask> notRequested) {

    /** A task and its latest closure step. */
    public record Step(PlanTask task, ClosureEvent event) {
    }

    public record OpenTask(PlanTask task, boolean returned) {
    }
}
