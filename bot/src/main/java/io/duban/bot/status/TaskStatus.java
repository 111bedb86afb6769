package io.duban.bot.status;

import io.duban.plan.PlanTask;
import io.duban.storage.model.ProgressReport;
import java.util.List;
import java.util.Optional;

/**
 * Where a task stands: its colour and why, its headline figure and each unit's part. The headline comes from the
 * lead units' latest accepted reports: with two leads, {@code percent} is the worse of their figures and
 * {@code headline} the report behind it; without a lead report, the latest accepted report of any unit.
 *
 * @param expectedPercent where the task should be by now: along its milestones' percents, else evenly from the plan
 *                        start to its deadline
 * @param daysToDeadline  negative when overdue
 * @param missedWeeks     complete reporting weeks due since the task's last accepted report (or the plan start)
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
        boolean closed,
        int missedWeeks) {

    public List<UnitPart> reported() {
        return parts.stream().filter(p -> p.latest().isPresent()).toList();
    }

    /** The lead units' parts, in organization order. */
    public List<UnitPart> leads() {
        return parts.stream().filter(UnitPart::lead).toList();
    }

    /** Units whose latest report the office returned and that have not reported again. */
    public List<UnitPart> returned() {
        return parts.stream().filter(UnitPart::isReturned).toList();
    }
}
