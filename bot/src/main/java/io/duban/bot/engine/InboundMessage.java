package io.duban.bot.engine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The one inbound type every transport produces: who said what, where, with the transport's message id for
 * de-duplication and, when the person replied to a message, the text they quoted.
 *
 * @param messageId  unique per transport; a repeated id is the same message delivered again
 * @param transport  which transport heard it (console, wecom-ws, wecom-callback, wecom-app)
 * @param chatId     the group chat, empty in a one-to-one chat
 */
public record InboundMessage(
        String messageId,
        String transport,
        String senderId,
        ChatType chatType,
        Optional<String> chatId,
        String text,
        Optional<String> quotedText,
        Instant receivedAt) {

    public InboundMessage {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(transport, "transport is null");
        requireNonNull(senderId, "senderId is null");
        requireNonNull(chatType, "chatType is null");
        requireNonNull(chatId, "chatId is null");
        requireNonNull(text, "text is null");
        requireNonNull(quotedText, "quotedText is null");
        requireNonNull(receivedAt, "receivedAt is null");
        if (chatType == ChatType.GROUP && chatId.isEmpty()) {
            throw new IllegalArgumentException("a group message needs a chat id");
        }
    }
}
