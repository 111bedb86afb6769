package io.duban.bot.wecom.callback;

import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import io.duban.storage.OutboxRepository;
import io.duban.storage.ResponseUrlRepository;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Puts the callback's answers into the outbox, so that they survive a restart and go out under the drainer's
 * retries and rate limits. A robot reply is addressed {@link Address#reply} to the inbound message and its
 * {@code response_url} is kept in {@link ResponseUrlRepository}; an app reply is addressed to the person.
 */
public final class OutboxReplySink implements ReplySink {
    private final OutboxRepository outbox;
    private final ResponseUrlRepository responseUrls;
    private final Clock clock;

    public OutboxReplySink(OutboxRepository outbox, ResponseUrlRepository responseUrls, Clock clock) {
        this.outbox = outbox;
        this.responseUrls = responseUrls;
        this.clock = clock;
    }

    @Override
    public void replyViaResponseUrl(InboundMessage message, String responseUrl, Reply reply) {
        responseUrls.remember(message.messageId(), responseUrl, clock.instant());
        outbox.enqueue(OutboundMessage.text(Address.reply(message.messageId()), reply.text(), reply.mentions(),
                "callback-reply:" + message.messageId()), clock.instant());
    }

    @Override
    public void replyToUser(InboundMessage message, String userId, Reply reply) {
        outbox.enqueue(OutboundMessage.text(Address.person(userId), reply.text(), reply.mentions(),
                "app-reply:" + message.messageId() + ":" + digest(reply.text())), clock.instant());
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
