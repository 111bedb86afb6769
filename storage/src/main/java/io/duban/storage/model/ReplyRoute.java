package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * How to answer one inbound message on the transport that heard it.
 *
 * @param messageId      the inbound message id (the key of {@link Address#reply})
 * @param transport      e.g. {@code wecom-ws}
 * @param transportRef   the transport's handle for a reply, e.g. the long connection's callback req_id
 * @param conversationId where a proactive message reaches the same conversation: the group chat id, or the userid
 * @param chatType       {@code group} or {@code single}
 */
public record ReplyRoute(String messageId, String transport, String transportRef, String conversationId,
                         String chatType, Instant receivedAt) {
    public ReplyRoute {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(transport, "transport is null");
        requireNonNull(transportRef, "transportRef is null");
        requireNonNull(conversationId, "conversationId is null");
        requireNonNull(chatType, "chatType is null");
        requireNonNull(receivedAt, "receivedAt is null");
    }
}
