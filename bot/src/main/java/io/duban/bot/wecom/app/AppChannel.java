package io.duban.bot.wecom.app;

import io.duban.bot.outbox.Destination;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.RateLimit;
import io.duban.bot.outbox.SendResult;
import io.duban.bot.wecom.ApiResults;
import io.duban.bot.wecom.MessageSplitter;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.util.List;

/**
 * Private messages to a person through the self-built app ({@code message/send}). WeCom allows 30 a minute and
 * 1000 an hour per member and drops the excess silently, so the outbox keeps under both; text and markdown are
 * split at 2048 bytes.
 */
public final class AppChannel implements OutboundChannel {
    public static final List<RateLimit> LIMITS = List.of(RateLimit.perMinute(30), RateLimit.perHour(1000));
    static final int MAX_BYTES = 2048;

    private final WeComAppClient client;

    public AppChannel(WeComAppClient client) {
        this.client = client;
    }

    @Override
    public Destination destination(OutboxEntry entry) {
        return new Destination("app member " + entry.message().address().value(), LIMITS);
    }

    @Override
    public List<String> parts(OutboxEntry entry) {
        OutboundMessage m = entry.message();
        if (m.format() != OutboundMessage.Format.TEXT && m.format() != OutboundMessage.Format.MARKDOWN) {
            throw new IllegalStateException(m.format().key() + " messages are not sent through the app yet");
        }
        return MessageSplitter.split(m.content(), MAX_BYTES);
    }

    @Override
    public SendResult send(OutboxEntry entry, Part part) {
        String userId = entry.message().address().value();
        return ApiResults.toSendResult(entry.message().format() == OutboundMessage.Format.MARKDOWN
                ? client.sendMarkdown(userId, part.content())
                : client.sendText(userId, part.content()));
    }
}
