package io.duban.bot.message;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The one inbound type every transport produces: who said what, where, with the transport's message id for
 * de-duplication and, when the person replied to a message, the text they quoted.
 *
 * @param messageId   unique per transport; a repeated id is the same message delivered again
 * @param transport   which transport heard it (console, wecom-ws, wecom-callback, wecom-app)
 * @param chatId      the group chat, empty in a one-to-one chat
 * @param kind        text, or an image, a file … (then {@code text} is a placeholder such as {@code [图片]})
 * @param replyHandle the transport's own handle for answering this message (the long connection's req_id, the
 *                    robot callback's response_url); opaque to the engine, which stores it with the reply route
 */
public record InboundMessage(
        String messageId,
        String transport,
        String senderId,
        ChatType chatType,
        Optional<String> chatId,
        MessageKind kind,
        String text,
        Optional<String> quotedText,
        Instant receivedAt,
        Optional<String> replyHandle) {
    /** The transport name of the local terminal chat ({@code ./duban chat}). */
    public static final String LOCAL_CHAT_TRANSPORT = "console";


    public InboundMessage {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(transport, "transport is null");
        requireNonNull(senderId, "senderId is null");
        requireNonNull(chatType, "chatType is null");
        requireNonNull(chatId, "chatId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
        requireNonNull(quotedText, "quotedText is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(replyHandle, "replyHandle is null");
        if (chatType == ChatType.GROUP && chatId.isEmpty()) {
            throw new IllegalArgumentException("a group message needs a chat id");
        }
    }

    /** A text message without a reply handle (the local chat, tests). */
    public InboundMessage(String messageId, String transport, String senderId, ChatType chatType,
                          Optional<String> chatId, String text, Optional<String> quotedText, Instant receivedAt) {
        this(messageId, transport, senderId, chatType, chatId, MessageKind.TEXT, text, quotedText, receivedAt,
                Optional.empty());
    }

    /** A message of another kind than text; its text is the kind's placeholder, e.g. {@code [图片]}. */
    public static InboundMessage of(MessageKind kind, String messageId, String transport, String senderId,
                                    ChatType chatType, Optional<String> chatId, Instant receivedAt) {
        return new InboundMessage(messageId, transport, senderId, chatType, chatId, kind, kind.placeholder(),
                Optional.empty(), receivedAt, Optional.empty());
    }

    public InboundMessage withReplyHandle(String handle) {
        return new InboundMessage(messageId, transport, senderId, chatType, chatId, kind, text, quotedText,
                receivedAt, Optional.of(handle));
    }

    /** Where a message to the same conversation goes: the group chat, or the sender in a one-to-one chat. */
    public String conversationId() {
        return chatId.orElse(senderId);
    }
}
