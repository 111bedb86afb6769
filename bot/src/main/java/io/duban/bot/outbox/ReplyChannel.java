package io.duban.bot.outbox;

import io.duban.storage.ReplyRouteRepository;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.ReplyRoute;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replies ({@link Address#reply}) go back through the transport that heard the message: the message's
 * {@link ReplyRoute} names it, and each running transport registers the channel that delivers its replies.
 * A reply whose transport is not running here fails with a reason an admin can read.
 */
public final class ReplyChannel implements OutboundChannel {
    private final ReplyRouteRepository routes;
    private final Map<String, OutboundChannel> byTransport = new ConcurrentHashMap<>();

    public ReplyChannel(ReplyRouteRepository routes) {
        this.routes = routes;
    }

    /** Replies to messages heard on {@code transport} go through {@code channel}, addressed as they are. */
    public ReplyChannel on(String transport, OutboundChannel channel) {
        byTransport.put(transport, channel);
        return this;
    }

    /**
     * Replies to messages heard on {@code transport} go through {@code channel} as a private message to the sender
     * (the self-built app answers with {@code message/send}).
     */
    public ReplyChannel toSender(String transport, OutboundChannel channel) {
        return on(transport, new ToSender(channel));
    }

    private ReplyRoute route(OutboxEntry entry) {
        String messageId = entry.message().address().value();
        return routes.find(messageId).orElseThrow(() -> new IllegalStateException(
                "no way to answer message " + messageId + ": its reply route is unknown or expired"));
    }

    private OutboundChannel pick(OutboxEntry entry) {
        ReplyRoute route = route(entry);
        OutboundChannel channel = byTransport.get(route.transport());
        if (channel == null) {
            throw new IllegalStateException("no way to answer message " + route.messageId() + ": it was heard on "
                    + route.transport() + ", which is not running here");
        }
        return channel;
    }

    @Override
    public Destination destination(OutboxEntry entry) {
        return pick(entry).destination(entry);
    }

    @Override
    public List<String> parts(OutboxEntry entry) {
        return pick(entry).parts(entry);
    }

    @Override
    public SendResult send(OutboxEntry entry, Part part) {
        return pick(entry).send(entry, part);
    }

    @Override
    public boolean sendsElsewhere(OutboxEntry entry) {
        try {
            return pick(entry).sendsElsewhere(entry);
        } catch (IllegalStateException e) {
            return false; // the drainer reports the missing route
        }
    }

    /** Hands the delegate the entry addressed to the person who wrote the message. */
    private final class ToSender implements OutboundChannel {
        private final OutboundChannel inner;

        ToSender(OutboundChannel inner) {
            this.inner = inner;
        }

        private OutboxEntry toPerson(OutboxEntry e) {
            OutboundMessage m = e.message();
            OutboundMessage personal = new OutboundMessage(Address.person(route(e).conversationId()), m.format(),
                    m.content(), m.mentions(), m.dedupeKey());
            return new OutboxEntry(e.id(), personal, e.status(), e.attempts(), e.nextAttemptAt(), e.lastError(),
                    e.createdAt(), e.sentAt());
        }

        @Override
        public Destination destination(OutboxEntry entry) {
            return inner.destination(toPerson(entry));
        }

        @Override
        public List<String> parts(OutboxEntry entry) {
            return inner.parts(toPerson(entry));
        }

        @Override
        public SendResult send(OutboxEntry entry, Part part) {
            return inner.send(toPerson(entry), part);
        }
    }
}
