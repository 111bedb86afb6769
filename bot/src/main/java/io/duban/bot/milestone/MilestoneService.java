package io.duban.bot.milestone;

import io.duban.plan.Milestone;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.MilestoneRepository;
import io.duban.storage.model.MilestoneEdit;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Milestones as they stand (plan file plus chat edits), and the office's edits: set (add or move) and reached. */
public final class MilestoneService {
    private final MilestoneRepository edits;
    private final Clock clock;

    public MilestoneService(MilestoneRepository edits, Clock clock) {
        this.edits = edits;
        this.clock = clock;
    }

    /** Every task's milestones now. */
    public MilestoneBook book(WorkPlan plan) {
        return MilestoneBook.of(plan, edits.all(plan.year()), clock.instant());
    }

    /** The outcome of setting a milestone: added, or moved from an earlier date. */
    public record SetResult(Milestone milestone, Optional<Milestone> before) {
    }

    /**
     * Adds a milestone, or moves the task's milestone with the same text. The date must lie between the plan start
     * and the task's deadline (the caller checks and explains).
     */
    public SetResult set(WorkPlan plan, PlanTask task, Milestone m, String personId, long inboundId) {
        Optional<Milestone> before = book(plan).find(task, m.text()).map(TaskMilestone::milestone);
        edits.append(new MilestoneEdit(0, plan.year(), task.number(), MilestoneEdit.Action.SET, m.date(), m.text(),
                m.percent(), personId, Optional.of(inboundId), clock.instant()));
        return new SetResult(m, before);
    }

    /** Confirms a milestone reached. */
    public TaskMilestone reached(WorkPlan plan, PlanTask task, TaskMilestone m, String personId, long inboundId) {
        Instant now = clock.instant();
        edits.append(new MilestoneEdit(0, plan.year(), task.number(), MilestoneEdit.Action.REACHED,
                m.milestone().date(), m.milestone().text(), OptionalInt.empty(), personId, Optional.of(inboundId),
                now));
        return new TaskMilestone(m.milestone(), m.setBy(), m.setAt(), Optional.of(now));
    }
}
