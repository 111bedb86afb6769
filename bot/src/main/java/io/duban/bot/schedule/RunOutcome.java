package io.duban.bot.schedule;

import io.duban.storage.model.OutboxEntry;
import java.util.List;

/** What one scheduler step did with one run. */
public record RunOutcome(PlannedRun run, Kind kind, List<OutboxEntry> enqueued, String note) {
    public enum Kind {
        /** Claimed now; its messages are in the outbox. */
        ENQUEUED,
        /** Claimed before (by this or another process); nothing done. */
        ALREADY_CLAIMED,
        /** Missed beyond the grace period; recorded as skipped. */
        SKIPPED,
        /** Due, but now is in quiet hours or not a working day; tried again on the next tick. */
        DEFERRED,
        /** Building the messages failed; nothing claimed, tried again on the next tick. */
        FAILED,
        /** Refused: this instance's lease token is no longer current (another took over); nothing claimed. */
        FENCED
    }

    public RunOutcome {
        enqueued = List.copyOf(enqueued);
    }
}
