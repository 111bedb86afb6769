package io.duban.storage;

import io.duban.storage.model.InboundRecord;
import io.duban.storage.model.StoredInbound;
import io.duban.storage.model.WaitTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Raw inbound messages: stored first, interpreted after. A message without an outcome ({@code handled_at} empty)
 * still owes its sender an answer; {@link #markAnswered} writes the outcome only once, so that a message is answered
 * at most once however many deliveries, passes or instances try.
 */
public interface InboundMessageRepository {

    /**
     * Stores the message unless its message id is already stored.
     *
     * @return the new row id, or empty when the message id was seen before (a repeated delivery)
     */
    OptionalLong recordIfNew(InboundRecord message);

    /**
     * Stores the message, or finds the stored row when its message id was seen before (a repeated delivery): the
     * caller answers a repeated message whose first delivery has no answer yet instead of swallowing it.
     *
     * @return the stored row and whether this call stored it
     */
    Received receive(InboundRecord message);

    /** What {@link #receive} found: the row, and whether it is new (false: a repeated delivery). */
    record Received(StoredInbound stored, boolean isNew) {
        public long id() {
            return stored.id();
        }
    }

    Optional<StoredInbound> find(long id);

    /** Notes how the bot dealt with the message (a short outcome code such as {@code report}, {@code error:percent}). */
    void markHandled(long id, String outcome, Instant at);

    /**
     * Inside the caller's transaction: takes the message for answering. True when it has no answer yet; the row then
     * stays locked until the transaction ends (PostgreSQL; SQLite has one writer at a time anyway), so a concurrent
     * answerer — another delivery, a recovery pass, another instance — waits and then finds it answered.
     */
    boolean takeForAnswer(long id);

    /**
     * Writes the outcome if the message has none yet.
     *
     * @return false when the message was answered already (by another delivery, pass or instance): the caller's
     *         answer must not be sent (roll its transaction back)
     */
    boolean markAnswered(long id, String outcome, Instant at);

    /**
     * Claims up to {@code limit} messages without an outcome, oldest first, that nobody holds a live claim on and
     * that arrived at or before {@code receivedBy}: one UPDATE gives each row to one claimant for {@code lease}.
     */
    List<StoredInbound> claimUnanswered(String owner, Instant now, Duration lease, Instant receivedBy, int limit);

    /** Messages still owing an answer. */
    long countUnanswered();

    /** Messages with this outcome (e.g. {@code expired}). */
    long countWithOutcome(String outcome);

    long count();

    /** How long the messages with an outcome waited for it, in bands; see {@link WaitTimes}. */
    WaitTimes waitTimes(String expiredOutcome);

    /** When the newest stored message arrived (the demo chat resumes its clock after it). */
    Optional<Instant> latestReceivedAt();
}
