package io.duban.bot.milestone;

import static java.util.Objects.requireNonNull;

import io.duban.plan.Milestone;
import java.time.Instant;
import java.util.Optional;

/**
 * A milestone of a task as it stands: from the plan file or set in chat (by whom), and whether someone confirmed
 * it reached ({@code 节点 12 达成 …}).
 *
 * @param setBy    the person who added or last moved it in chat; empty for the plan file's own
 * @param reachedAt when it was confirmed reached in chat
 */
public record TaskMilestone(Milestone milestone, Optional<String> setBy, Optional<Instant> setAt,
                            Optional<Instant> reachedAt) {
    public TaskMilestone {
        requireNonNull(milestone, "milestone is null");
        requireNonNull(setBy, "setBy is null");
        requireNonNull(setAt, "setAt is null");
        requireNonNull(reachedAt, "reachedAt is null");
    }

    public static TaskMilestone fromPlan(Milestone m) {
        return new TaskMilestone(m, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Whether its condition holds: confirmed reached, or — for one with a percent — the task's progress has got
     * there.
     */
    public boolean met(int currentPercent) {
        return reachedAt.isPresent()
                || (milestone.percent().isPresent() && currentPercent >= milestone.percent().getAsInt());
    }
}
