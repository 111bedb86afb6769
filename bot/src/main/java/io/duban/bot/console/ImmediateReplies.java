package io.duban.bot.console;

import io.duban.bot.engine.InboundPort;
import io.duban.bot.engine.StorageProblems;
import io.duban.bot.message.InboundMessage;
import io.duban.storage.OutboxRepository;
import io.duban.storage.Storage;
import io.duban.storage.StorageFault;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A transport that answers at once (the local chat, tests): hands a message to the engine's port, takes the answer
 * the engine put into the outbox for it, writes the text to {@code out} and marks it sent. The answer goes the same
 * way as on WeCom (stored, addressed {@code reply:<id>}, marked sent); only the last step differs.
 */
public final class ImmediateReplies {
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final InboundPort port;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final String transport;
    private final Consumer<String> out;

    public ImmediateReplies(InboundPort port, Storage storage, Clock clock, String transport, Consumer<String> out) {
        this.port = port;
        this.outbox = storage.outbox();
        this.clock = clock;
        this.transport = transport;
        this.out = out;
    }

    /** Sends the message; its answer, if any (none for a repeated message id), has been written when this returns. */
    public void send(InboundMessage message) {
        try {
            port.receive(message).flatMap(entry -> outbox.claimOne(entry.id(), transport, clock.instant(), LEASE))
                    .ifPresent(claimed -> {
                        out.accept(claimed.entry().message().content());
                        outbox.markSent(claimed, clock.instant());
                    });
        } catch (StorageFault e) {
            out.accept(StorageProblems.CANNOT_STORE); // the engine logged the cause
        }
    }
}
