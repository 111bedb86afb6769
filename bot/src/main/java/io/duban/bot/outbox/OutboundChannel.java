package io.duban.bot.outbox;

import io.duban.storage.model.OutboxEntry;
import java.util.List;

/**
 * One way out to WeCom (a webhook robot, the long connection, later a self-built app). The drainer asks it how to
 * split a message and which destination's rate limit applies, then hands it the parts one by one.
 */
public interface OutboundChannel {

    /** The rate-limited destination of this message. */
    Destination destination(OutboxEntry entry);

    /** The wire messages this entry becomes, in order, each within the channel's size limits. */
    List<String> parts(OutboxEntry entry);

    /** Sends one part. Never throws for a WeCom or network failure: returns {@link SendResult.Retry} or Failed. */
    SendResult send(OutboxEntry entry, Part part);

    /**
     * True when what this message needs is held by another instance (on PostgreSQL, the active instance's long
     * connection, while this one stands by): the drainer gives the row back untouched at once, so that the instance
     * that can send it gets it on its next pass instead of waiting behind this one's retries.
     */
    default boolean sendsElsewhere(OutboxEntry entry) {
        return false;
    }

    /** Part {@code number} of {@code total} (1-based) of a message. */
    record Part(int number, int total, String content) {
        public boolean isLast() {
            return number == total;
        }
    }
}
