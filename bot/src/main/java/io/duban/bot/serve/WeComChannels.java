package io.duban.bot.serve;

import io.duban.bot.engine.InboundPort;
import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.ReplyChannel;
import io.duban.bot.wecom.TrustStores;
import io.duban.bot.wecom.WeComHttp;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.app.AppChannel;
import io.duban.bot.wecom.app.AppSettings;
import io.duban.bot.wecom.app.WeComAppClient;
import io.duban.bot.wecom.callback.CallbackServer;
import io.duban.bot.wecom.callback.ResponseUrlChannel;
import io.duban.bot.wecom.callback.ResponseUrlClient;
import io.duban.bot.wecom.media.MediaCache;
import io.duban.bot.wecom.webhook.WebhookChannel;
import io.duban.bot.wecom.webhook.WebhookClient;
import io.duban.bot.wecom.ws.CallbackMapper;
import io.duban.bot.wecom.ws.LongConnection;
import io.duban.bot.wecom.ws.LongConnectionChannel;
import io.duban.bot.wecom.ws.LongConnectionConfig;
import io.duban.bot.wecom.ws.LongConnectionInbound;
import io.duban.bot.wecom.ws.Scheduler;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What is wired, apart from what runs ({@link WeComServer}): which WeCom channel delivers each address kind the
 * outbox hands out. Groups go through the webhook robots (and the long connection when the bot has credentials);
 * private messages through the self-built app, else the long connection; every answer, addressed
 * {@code reply:<message id>}, through the transport its route names.
 */
final class WeComChannels {
    private WeComChannels() {
    }

    /**
     * Routes every address kind on {@code router}.
     *
     * @param app    the self-built app's settings, when private messages should go through it
     * @param nudge  wakes the outbox pump once a conversation has stored an answer
     * @param worker runs the conversation of the long connection, off its socket thread
     * @param timers the long connection's pings and reconnects
     * @return the long connection, when the bot has credentials for one (not started)
     */
    static Optional<LongConnection> wire(ChannelRouter router, Storage storage, Clock clock, WeComSettings settings,
                                         Optional<AppSettings> app, InboundPort inbound, Runnable nudge,
                                         ExecutorService worker, ScheduledExecutorService timers) {
        Optional<TrustStores.Trust> trust = settings.trustStore()
                .map(p -> TrustStores.load(p, settings.trustStorePassword().orElse(null)));
        OkHttpClient http = WeComHttp.client(trust);
        // uploaded files' media ids, reused while WeCom keeps them (three days)
        Optional<MediaCache> media = Optional.of(new MediaCache(storage.mediaUploads(), clock));
        WebhookChannel webhooks = new WebhookChannel(new WebhookClient(http, settings.apiBase()),
                settings::webhookKey, WebhookChannel.LIMITS, media);
        ResponseUrlChannel callbackReplies = new ResponseUrlChannel(new ResponseUrlClient(http,
                ResponseUrlClient.wecomHosts(HttpUrl.get(settings.apiBase()))), storage.replyRoutes());
        Optional<OutboundChannel> appChannel = app.map(a -> new AppChannel(
                new WeComAppClient(http, a.apiBaseUrl(), a.credentials(), clock), media,
                "app:" + a.credentials().corpId()));

        // every answer is addressed reply:<message id>; its route names the transport that delivers it
        ReplyChannel replies = new ReplyChannel(storage.replyRoutes())
                .on(CallbackServer.ROBOT_TRANSPORT, callbackReplies);
        Optional<OutboundChannel> toPerson;
        Optional<LongConnection> connection;
        if (settings.hasBotCredentials()) {
            LongConnection[] holder = new LongConnection[1];
            LongConnectionInbound listener = new LongConnectionInbound(inbound, nudge, clock, worker,
                    () -> holder[0]);
            LongConnection ws = new LongConnection(LongConnectionConfig.standard(settings.wsUrl(),
                    settings.botId().orElseThrow(), settings.botSecret().orElseThrow(),
                    trust.map(t -> t.context().getSocketFactory())), listener, Scheduler.of(timers), clock);
            holder[0] = ws;
            LongConnectionChannel wsChannel = new LongConnectionChannel(ws, storage.replyRoutes(), clock,
                    Duration.ofSeconds(7), media);
            replies.on(CallbackMapper.TRANSPORT, wsChannel);
            toPerson = Optional.of(appChannel.orElse(wsChannel));
            router.route(Address.Kind.GROUP, new GroupChannel(webhooks, Optional.of(wsChannel)));
            connection = Optional.of(ws);
        } else {
            toPerson = appChannel;
            router.route(Address.Kind.GROUP, webhooks);
            connection = Optional.empty();
        }
        toPerson.ifPresent(c -> {
            router.route(Address.Kind.PERSON, c);
            replies.toSender(CallbackServer.APP_TRANSPORT, c);
        });
        router.route(Address.Kind.REPLY, replies);
        return connection;
    }
}
