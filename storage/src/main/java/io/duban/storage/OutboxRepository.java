package io.duban.storage;

import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.time.Instant;
import java.util.List;
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

    /** Messages in the given states, oldest first. */
    List<OutboxEntry> list(List<OutboxEntry.Status> statuses, int limit);
}
