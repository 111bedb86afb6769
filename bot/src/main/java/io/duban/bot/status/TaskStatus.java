package io.duban.bot.status;

import io.duban.plan.PlanTask;
import io.duban.storage.model.ProgressReport;
import java.util.List;
import java.util.Optional;

/**
 * Where a task stands: its colour and why, its headline percent (the lead unit's latest report, else the latest
 * of any unit), and each unit's part.
 *
 * @param expectedPercent where the task should be by now: along its milestones' percents, else evenly from the plan
 *                        start to its deadline
 * @param daysToDeadline  negative when overdue
 */
public record TaskStatus(
        PlanTask task,
        Colour colour,
        String reason,
        int percent,
        int expectedPercent,
        Optional<ProgressReport> headline,
        List<UnitPart> parts,
        long daysToDeadline,
        boolean closed) {

    public List<UnitPart> reported() {
        return parts.stream().filter(p -> p.latest().isPresent()).toList();
    }
}
