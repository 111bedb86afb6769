package io.duban.bot.engine;

import io.duban.bot.message.InboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

    /**
     * {@link #accept}, but the caller need not wait: the future completes once the message is durable (with what
     * {@code accept} returns) or could not be stored (with what it throws). A port that stores in batches completes it
     * on its writer thread, so that an HTTP thread does not sit blocked per request and a batch can be as large as the
     * number of requests in flight. The default stores at once, on the caller's thread.
     */
    default CompletableFuture<Optional<PendingAnswer>> acceptLater(InboundMessage message) {
        try {
            return CompletableFuture.completedFuture(accept(message));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stores the message and answers it at once. @return the outbox entry holding the answer; empty for a repeat */
    default Optional<OutboxEntry> receive(InboundMessage message) {
        return accept(message).flatMap(PendingAnswer::answer);
    }

    /**
     * Answers several stored messages in turn, from the first. An engine with a database decides them in one
     * transaction, so that a burst of messages costs one commit instead of one each, and may stop early (when another
     * transaction waits to write, e.g. an acknowledgement waiting for its message to be stored): the caller hands the
     * rest in again. When that transaction throws, nothing of it was kept and the caller answers each alone.
     *
     * @return how many of them, from the first, were answered (at least one unless the list is empty)
     */
    default int answerTogether(List<PendingAnswer> pending) {
        pending.forEach(PendingAnswer::answer);
        return pending.size();
    }

    /**
     * The words for someone who just opened a chat with the bot ({@code enter_chat}); the transport sends them at
     * once on the event's own handle, as WeCom requires within 5 s. Nothing is stored: an event is not a message.
     */
    default String welcome(String userId) {
        return Welcome.TEXT;
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
