package io.duban.bot.report;

import io.duban.plan.PlanTask;
import java.util.List;

/** What "no change this period" came to; the report command turns it into words. */
public sealed interface NoChangeResult {

    /** No task was named and none is due from the unit this week. */
    record NothingDue(String unit) implements NoChangeResult {
    }

    /** A named task is unknown, not the unit's, or closed. */
    record Refused(Refusal refusal) implements NoChangeResult {
    }

    /** The unit never reported a percent on {@code never}, so nothing is stored; {@code tasks} are all meant. */
    record NeverReported(String unit, List<PlanTask> never, List<PlanTask> tasks) implements NoChangeResult {
        public NeverReported {
            never = List.copyOf(never);
            tasks = List.copyOf(tasks);
        }
    }

    /** Stored: each task keeps the unit's last percent. */
    record Kept(String unit, List<KeptTask> kept) implements NoChangeResult {
        public Kept {
            kept = List.copyOf(kept);
        }
    }

    record KeptTask(PlanTask task, int percent) {
    }
}
