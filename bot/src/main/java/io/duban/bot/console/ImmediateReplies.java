package io.duban.bot.console;

import io.duban.bot.engine.InboundPort;
import io.duban.bot.engine.ReplyAddressing;
import io.duban.bot.engine.StorageProblems;
import io.duban.bot.message.InboundMessage;
import io.duban.storage.OutboxRepository;
import io.duban.storage.Storage;
import io.duban.storage.StorageFault;
import io.duban.storage.model.OutboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A transport that answers at once (the local chat, tests): hands a message to the engine's port, takes the answer
 * the engine put into the outbox for it, writes the text to {@code out} and marks it sent. The answer goes the same
 * way as on WeCom (stored, addressed {@code reply:<id>}, marked sent); only the last step differs. With a file sink,
 * the files and pictures that follow the answer ({@code 导出}, {@code 图表}) are handed to it the same way.
 */
public final class ImmediateReplies {
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final InboundPort port;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final String transport;
    private final Consumer<String> out;
    private final Optional<Consumer<OutboundMessage>> files;

    public ImmediateReplies(InboundPort port, Storage storage, Clock clock, String transport, Consumer<String> out) {
        this(port, storage, clock, transport, out, Optional.empty());
    }

    /** @param files takes the files and pictures that follow an answer; without it they stay in the outbox */
    public ImmediateReplies(InboundPort port, Storage storage, Clock clock, String transport, Consumer<String> out,
                            Optional<Consumer<OutboundMessage>> files) {
        this.port = port;
        this.outbox = storage.outbox();
        this.clock = clock;
        this.transport = transport;
        this.out = out;
        this.files = files;
    }

    /** Sends the message; its answer, if any (none for a repeated message id), has been written when this returns. */
    public void send(InboundMessage message) {
        try {
            port.receive(message).flatMap(entry -> outbox.claimOne(entry.id(), transport, clock.instant(), LEASE))
                    .ifPresent(claimed -> {
                        out.accept(claimed.entry().message().content());
                        outbox.markSent(claimed, clock.instant());
                    });
            files.ifPresent(sink -> deliverAttachments(message, sink));
        } catch (StorageFault e) {
            out.accept(StorageProblems.CANNOT_STORE); // the engine logged the cause
        }
    }

    /** The files the engine put after the answer, keyed {@code reply:<transport>:<message id>:<n>}. */
    private void deliverAttachments(InboundMessage message, Consumer<OutboundMessage> sink) {
        for (int n = 1; ; n++) {
            var entry = outbox.findByDedupeKey(ReplyAddressing.attachmentKey(message, n));
            if (entry.isEmpty()) {
                return;
            }
            outbox.claimOne(entry.get().id(), transport, clock.instant(), LEASE).ifPresent(claimed -> {
                sink.accept(claimed.entry().message());
                outbox.markSent(claimed, clock.instant());
            });
        }
    }
}
