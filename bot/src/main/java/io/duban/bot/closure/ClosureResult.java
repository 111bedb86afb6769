package io.duban.bot.closure;

import io.duban.bot.notify.UnitNotices;
import io.duban.plan.PlanTask;
import io.duban.storage.model.ClosureEvent;
import java.util.List;
import java.util.Optional;

/** What a closure step (申请办结, 销号, 退回办结) came to; the command that asked turns it into words. */
public sealed interface ClosureResult {

    record UnknownTask(int number) implements ClosureResult {
    }

    /** Only the lead units may ask to close a task. */
    record NotLeadUnit(PlanTask task, String unit, List<String> leadUnits) implements ClosureResult {
    }

    record AlreadyClosed(int number, ClosureEvent approval) implements ClosureResult {
    }

    /** A request needs evidence of a few characters at least. */
    record EvidenceMissing(int number) implements ClosureResult {
    }

    /** A return needs a reason. */
    record ReasonMissing(int number) implements ClosureResult {
    }

    /** Nothing waits for the office's decision; {@code approval} when the task is closed already. */
    record NoPendingRequest(PlanTask task, List<String> leadUnits, Optional<ClosureEvent> approval)
            implements ClosureResult {
    }

    /** @param update a pending request was replaced; @param officeTold whether any admin was notified */
    record Requested(PlanTask task, String evidence, boolean update, boolean officeTold) implements ClosureResult {
    }

    record Approved(PlanTask task, ClosureEvent request, String requesterName, UnitNotices.Told told)
            implements ClosureResult {
    }

    record Returned(PlanTask task, ClosureEvent request, String requesterName, String reason, UnitNotices.Told told)
            implements ClosureResult {
    }
}
