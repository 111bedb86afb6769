package io.duban.bot.serve;

import io.duban.bot.outbox.Destination;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.SendResult;
import io.duban.bot.wecom.webhook.WebhookChannel;
import io.duban.storage.model.OutboxEntry;
import java.util.List;
import java.util.Optional;

/**
 * Group pushes: through the group's webhook robot when it has a key, otherwise (when the bot runs on the long
 * connection) with {@code aibot_send_msg}, which reaches groups where someone has talked to the bot before.
 */
public final class GroupChannel implements OutboundChannel {
    private final WebhookChannel webhook;
    private final Optional<OutboundChannel> longConnection;

    public GroupChannel(WebhookChannel webhook, Optional<OutboundChannel> longConnection) {
        this.webhook = webhook;
        this.longConnection = longConnection;
    }

    private OutboundChannel pick(OutboxEntry entry) {
        String chatId = entry.message().address().value();
        return webhook.hasKey(chatId) ? webhook : longConnection.orElse(webhook);
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
        return pick(entry).sendsElsewhere(entry);
    }
}
