package io.duban.bot.report;

import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProgressReport;
import java.util.List;
import java.util.Optional;

/**
 * What else a stored report feeds besides progress: the task's metric figures and the unit's problem items
 * (issue 15). Called once per stored report or correction, after it is stored.
 */
public interface ReportFollowUp {
    ReportFollowUp NONE = (plan, task, stored, replaced) -> List.of();

    /**
     * @param replaced the row a correction replaces; empty for a new report
     * @return lines to add to the answer, saying what was recorded (already escaped)
     */
    List<String> afterStore(WorkPlan plan, PlanTask task, ProgressReport stored, Optional<ProgressReport> replaced);

    /**
     * Called after a report was withdrawn (its figures stop counting by themselves).
     *
     * @return lines to add to the answer (already escaped)
     */
    default List<String> afterWithdraw(WorkPlan plan, PlanTask task, ProgressReport withdrawn) {
        return List.of();
    }
}
