package io.duban.bot.console;

import io.duban.bot.engine.InboundPort;
import io.duban.bot.engine.StorageProblems;
import io.duban.storage.StorageFault;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.Destination;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.OutboxDrainer;
import io.duban.bot.outbox.RateLimiter;
import io.duban.bot.outbox.ReplyChannel;
import io.duban.bot.outbox.RetryPolicy;
import io.duban.bot.outbox.SendResult;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A transport that answers at once (the local chat, tests): hands a message to the engine's port and delivers the
 * answer the outbox holds for it right away, through a channel that writes the text to {@code out}. The answer goes
 * the same way as on WeCom (stored, addressed {@code reply:<id>}, marked sent); only the last step differs.
 */
public final class ImmediateReplies {
    private final InboundPort port;
    private final OutboxDrainer drainer;
    private final Consumer<String> out;

    public ImmediateReplies(InboundPort port, Storage storage, Clock clock, String transport, Consumer<String> out) {
        this.port = port;
        this.out = out;
        ReplyChannel replies = new ReplyChannel(storage.replyRoutes()).on(transport, new TextChannel(out));
        this.drainer = new OutboxDrainer(storage.outbox(), new ChannelRouter().route(Address.Kind.REPLY, replies),
                new RateLimiter(clock), RetryPolicy.DEFAULT, clock, transport, Duration.ofMinutes(1), 1);
    }

    /** Sends the message; its answer, if any (none for a repeated message id), has been written when this returns. */
    public void send(InboundMessage message) {
        try {
            port.receive(message).ifPresent(entry -> drainer.deliverNow(entry.id()));
        } catch (StorageFault e) {
            out.accept(StorageProblems.CANNOT_STORE); // the engine logged the cause
        }
    }

    /** Writes each answer as it is, in one piece. */
    private record TextChannel(Consumer<String> out) implements OutboundChannel {
        @Override
        public Destination destination(OutboxEntry entry) {
            return new Destination("console", List.of());
        }

        @Override
        public List<String> parts(OutboxEntry entry) {
            return List.of(entry.message().content());
        }

        @Override
        public SendResult send(OutboxEntry entry, Part part) {
            out.accept(part.content());
            return SendResult.ok();
        }
    }
}
