package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** An inbound message exactly as it arrived, stored before the bot interprets it. */
public record InboundRecord(
        String messageId,
        String transport,
        String senderId,
        Optional<String> chatId,
        String chatType,
        String text,
        Optional<String> quotedText,
        Instant receivedAt) {

    public InboundRecord {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(transport, "transport is null");
        requireNonNull(senderId, "senderId is null");
        requireNonNull(chatId, "chatId is null");
        requireNonNull(chatType, "chatType is null");
        requireNonNull(text, "text is null");
        requireNonNull(quotedText, "quotedText is null");
        requireNonNull(receivedAt, "receivedAt is null");
    }
}
