package io.duban.bot.engine;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.Reply;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.ReplyRoute;
import java.util.List;
import java.util.Optional;

/**
 * The one way answers are addressed, whatever the transport: the answer to a message goes into the outbox as text
 * addressed {@link Address#reply} to the message id, and the message's {@link ReplyRoute} says which transport heard
 * it and with which handle it can be answered. Mentions are kept in group chats only.
 */
public final class ReplyAddressing {
    private ReplyAddressing() {
    }

    /** How to answer {@code message} on the transport that heard it. */
    public static ReplyRoute route(InboundMessage message) {
        return new ReplyRoute(message.messageId(), message.transport(), message.replyHandle().orElse(""),
                message.conversationId(), message.chatType().key(), message.receivedAt());
    }

    /** The outbox message answering {@code message}; a second enqueue of the answer to the same message is a no-op. */
    public static OutboundMessage answer(InboundMessage message, Reply reply) {
        List<String> mentions = message.chatType() == ChatType.GROUP ? reply.mentions() : List.of();
        return new OutboundMessage(Address.reply(message.messageId()), OutboundMessage.Format.TEXT, reply.text(),
                mentions, Optional.of("reply:" + message.transport() + ":" + message.messageId()));
    }
}
