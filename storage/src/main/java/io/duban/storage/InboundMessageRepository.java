package io.duban.storage;

import io.duban.storage.model.InboundRecord;
import java.time.Instant;
import java.util.OptionalLong;

/** Raw inbound messages: stored first, interpreted after. */
public interface InboundMessageRepository {

    /**
     * Stores the message unless its message id is already stored.
     *
     * @return the new row id, or empty when the message id was seen before (a repeated delivery)
     */
    OptionalLong recordIfNew(InboundRecord message);

    /** Notes how the bot dealt with the message (a short outcome code such as {@code report}, {@code error:percent}). */
    void markHandled(long id, String outcome, Instant at);

    long count();
}
