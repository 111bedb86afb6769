package io.duban.storage;

import io.duban.storage.model.ClaimedEntry;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outbound messages, stored before they are sent. */
public interface OutboxRepository {

    /**
     * Stores a message for sending.
     *
     * @return the new row, or empty when a message with the same dedupe key is already stored
     */
    Optional<OutboxEntry> enqueue(OutboundMessage message, Instant at);

    Optional<OutboxEntry> find(long id);

    /** The message stored under this dedupe key (e.g. the file that follows an answer). */
    Optional<OutboxEntry> findByDedupeKey(String dedupeKey);

    /** Messages in the given states, oldest first. */
    List<OutboxEntry> list(List<OutboxEntry.Status> statuses, int limit);

    /** How many rows are in each state (states without rows are absent). */
    Map<OutboxEntry.Status, Long> countByStatus();

    /**
     * Takes up to {@code limit} due pending rows for one sender: a single UPDATE moves them to {@code sending} under
     * a fresh lease token, so that two senders never hold the same row.
     */
    List<ClaimedEntry> claim(String sender, Instant now, Duration lease, int limit);

    /**
     * Takes one pending row by id, due or not, under a fresh lease: a transport that answers at once (the local chat)
     * prints the answer it was just handed. @return empty when the row is not pending (sent, taken, dropped)
     */
    Optional<ClaimedEntry> claimOne(long id, String sender, Instant now, Duration lease);

    /** Returns rows whose lease ran out (their sender died mid-send) to pending. @return how many */
    int releaseExpiredLeases(Instant now);

    /**
     * Returns rows leased by any sender but the live ones to pending at once: their sender died (a restart, a
     * failover), so its replies in flight go out within seconds instead of after the lease. A live sender's name
     * must not contain {@code %} or {@code _}.
     *
     * @return how many
     */
    int releaseLeasesOfOthers(java.util.Collection<String> liveSenders);

    /** Records that the first {@code partsSent} parts of a split message were delivered. */
    boolean markPartsSent(ClaimedEntry claimed, int partsSent);

    /** @return false when the lease was lost (another sender may have the row now) */
    boolean markSent(ClaimedEntry claimed, Instant at);

    /** Back to pending after a failed attempt (counted), due again at {@code nextAttemptAt}. */
    boolean markRetry(ClaimedEntry claimed, Instant nextAttemptAt, String reason);

    /** Back to pending without counting an attempt (e.g. the destination's rate limit is used up). */
    boolean defer(ClaimedEntry claimed, Instant nextAttemptAt);

    /** Parks the row as failed with the reason, for an admin to retry or drop. */
    boolean markFailed(ClaimedEntry claimed, String reason, Instant at);

    /** Admin: a failed (or dropped) row goes back to pending, due now, with its attempts reset. */
    boolean retry(long id, Instant now);

    /** Admin: a pending or failed row is given up. */
    boolean drop(long id, Instant now);
}
