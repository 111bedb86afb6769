package io.duban.bot.engine;

import io.duban.bot.message.InboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.util.Optional;

/**
 * The engine's one inbound port. Every transport (the local chat, the long connection, the HTTP callbacks) turns a
 * wire message into an {@link InboundMessage} and hands it here; the engine decides the answer, whatever the
 * message (text, image, file, voice; a stranger; a failure inside), and puts it into the outbox addressed
 * {@code reply:<message id>}. The transport's only outbound job is to deliver what the outbox hands its channel.
 */
public interface InboundPort {

    /**
     * Stores the message exactly as it arrived, with the way back to its sender. Transports that must acknowledge
     * before they answer (HTTP callbacks) call this before the acknowledgement and run the returned answer after it,
     * so that nothing acknowledged is lost.
     *
     * @return the answer still to be decided, or empty when the message id was stored before (a repeat)
     */
    Optional<PendingAnswer> accept(InboundMessage message);

    /** Stores the message and answers it at once. @return the outbox entry holding the answer; empty for a repeat */
    default Optional<OutboxEntry> receive(InboundMessage message) {
        return accept(message).flatMap(PendingAnswer::answer);
    }

    /** A stored message whose answer is still to be decided. */
    @FunctionalInterface
    interface PendingAnswer {
        /**
         * Decides the answer and puts it into the outbox.
         *
         * @return the outbox entry; empty only when the same answer was enqueued before
         */
        Optional<OutboxEntry> answer();
    }
}
