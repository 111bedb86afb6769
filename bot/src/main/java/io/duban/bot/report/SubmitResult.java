package io.duban.bot.report;

import io.duban.plan.PlanTask;
import java.util.List;

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
