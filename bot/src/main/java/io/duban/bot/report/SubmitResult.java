package io.duban.bot.report;

import io.duban.plan.PlanTask;
import java.util.List;
import java.util.Optional;

/** What a message with reports came to; the report command turns it into words. */
public sealed interface SubmitResult {

    /** The message held one report. */
    record One(ReportOutcome outcome) implements SubmitResult {
    }

    /** The message held several reports (and perhaps unreadable parts), in the order written. */
    record Several(List<ReportOutcome> outcomes) implements SubmitResult {
        public Several {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * Reports on some tasks and "no change" for the rest ({@code 12 65% …} then {@code 其余无变化}): the reports, then
     * the "no change" for the tasks still due once they were stored — empty when a part could not be read, since
     * "the rest" would then take in the task that part meant.
     */
    record RestUnchanged(SubmitResult reports, Optional<NoChangeResult> rest) implements SubmitResult {
    }

    /** The message said only "no change". */
    record NoChange(NoChangeResult result) implements SubmitResult {
    }

    /**
     * One report without a task number, and the task could not be told: nothing stored.
     *
     * @param awaiting   whether {@code candidates} are the tasks still due this week (else all the unit's tasks)
     * @param candidates the unit's tasks to choose from, lead tasks first; empty when the unit has none
     */
    record WhichTask(String unit, boolean awaiting, List<PlanTask> candidates) implements SubmitResult {
        public WhichTask {
            candidates = List.copyOf(candidates);
        }
    }
}
