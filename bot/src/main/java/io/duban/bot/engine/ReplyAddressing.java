package io.duban.bot.engine;

import io.duban.bot.message.Attachment;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.FileTarget;
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

    /**
     * The files and pictures following the answer, each through the door its target names; a second enqueue is a
     * no-op like the answer's.
     */
    public static List<OutboundMessage> attachments(InboundMessage message, Reply reply) {
        List<OutboundMessage> out = new java.util.ArrayList<>();
        int n = 0;
        for (Attachment a : reply.attachments()) {
            n++;
            Address to;
            if (a.target() instanceof FileTarget.Group g) {
                to = Address.group(g.chatId());
            } else if (a.target() instanceof FileTarget.Person p) {
                to = Address.person(p.userId());
            } else {
                to = Address.reply(message.messageId());
            }
            String key = attachmentKey(message, n);
            out.add(a.kind() == Attachment.Kind.IMAGE ? OutboundMessage.image(to, a.bytes(), key)
                    : OutboundMessage.file(to, a.fileName(), a.bytes(), key));
        }
        return out;
    }

    /** The dedupe key of the {@code n}-th file or picture (from 1) following the answer to {@code message}. */
    public static String attachmentKey(InboundMessage message, int n) {
        return "reply:" + message.transport() + ":" + message.messageId() + ":" + n;
    }
}
