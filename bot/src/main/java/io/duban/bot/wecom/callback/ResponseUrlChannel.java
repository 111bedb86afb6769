package io.duban.bot.wecom.callback;

import io.duban.bot.outbox.Destination;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.RateLimit;
import io.duban.bot.outbox.SendResult;
import io.duban.bot.wecom.ApiResults;
import io.duban.storage.ReplyRouteRepository;
import io.duban.storage.model.OutboxEntry;
import java.util.List;

/**
 * Replies to messages heard on the intelligent robot's HTTP callback: one POST to the {@code response_url} kept as
 * the message's reply handle
 * (WeCom takes one reply per URL, so the message is not split; {@link ResponseUrlClient} cuts it to 20,480 bytes).
 */
public final class ResponseUrlChannel implements OutboundChannel {
    private static final List<RateLimit> LIMITS = List.of(RateLimit.perMinute(30));

    private final ResponseUrlClient client;
    private final ReplyRouteRepository routes;

    public ResponseUrlChannel(ResponseUrlClient client, ReplyRouteRepository routes) {
        this.client = client;
        this.routes = routes;
    }

    @Override
    public Destination destination(OutboxEntry entry) {
        return new Destination("response_url of " + entry.message().address().value(), LIMITS);
    }

    @Override
    public List<String> parts(OutboxEntry entry) {
        return List.of(entry.message().content());
    }

    @Override
    public SendResult send(OutboxEntry entry, Part part) {
        String url = routes.find(entry.message().address().value()).map(r -> r.transportRef())
                .filter(u -> !u.isBlank()).orElse(null);
        if (url == null) {
            return SendResult.failed("no response_url stored for message " + entry.message().address().value());
        }
        return ApiResults.toSendResult(client.replyMarkdown(url, part.content(), entry.message().mentions()));
    }
}
