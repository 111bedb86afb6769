package io.duban.bot.bench;

import io.duban.bot.App;
import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.OutboxDrainer;
import io.duban.bot.outbox.RateLimit;
import io.duban.bot.outbox.RateLimiter;
import io.duban.bot.outbox.RetryPolicy;
import io.duban.bot.serve.WeComServer;
import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.wecom.MessageSplitter;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.webhook.WebhookChannel;
import io.duban.bot.wecom.webhook.WebhookClient;
import io.duban.config.ConfigDirectory;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmarks of the WeCom transports (not tests; excluded from the normal build). Run with
 * <pre>mvn -B test -pl bot -am -Dgroups=bench -Dsurefire.excludedGroups=none -Dtest=WeComBench</pre>
 */
@Tag("bench")
class WeComBench {
    @TempDir
    Path dir;

    @Test
    void outboxDrainRate_sqliteToLoopbackWebhook() throws Exception {
        // A JDK HttpServer with Nagle off as the webhook: MockWebServer (and the JDK server by default) answer in
        // separate small writes, and the loopback's delayed ACK then costs ~40 ms per request — that measured the
        // mock, not the outbox (22 messages a second). WeCom's servers do not wait like that.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        com.sun.net.httpserver.HttpServer webhook = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        webhook.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        webhook.start();
        try (Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("b.db"))) {
            String base = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/";
            WebhookClient client = new WebhookClient(io.duban.bot.wecom.WeComHttp.client(Optional.empty()), base);
            ChannelRouter router = new ChannelRouter().route(Address.Kind.GROUP, new WebhookChannel(client,
                    chat -> Optional.of("key-" + chat), List.of(RateLimit.perMinute(1_000_000))));
            OutboxDrainer drainer = new OutboxDrainer(storage.outbox(), router, new RateLimiter(Clock.systemUTC()),
                    RetryPolicy.DEFAULT, Clock.systemUTC(), "bench", Duration.ofSeconds(60), 50);
            int perRun = 300;
            double[] rates = new double[5];
            double[] enqueueRates = new double[5];
            for (int run = 0; run < rates.length; run++) {
                long enqueueStart = System.nanoTime();
                for (int i = 0; i < perRun; i++) {
                    storage.outbox().enqueue(OutboundMessage.markdown(Address.group("chat-" + (i % 10)),
                            "**周报** 第" + i + "条\n> 红灯 1 项，黄灯 2 项", null), Instant.now());
                }
                enqueueRates[run] = perRun / ((System.nanoTime() - enqueueStart) / 1e9);
                long start = System.nanoTime();
                int sent = 0;
                while (sent < perRun) {
                    sent += drainer.drainOnce().sent();
                }
                rates[run] = perRun / ((System.nanoTime() - start) / 1e9);
            }
            System.out.printf("BENCH outbox drain SQLite -> loopback webhook: msgs/s per run %s, median %.0f "
                            + "(enqueue alone: median %.0f rows/s)%n",
                    Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()), median(rates),
                    median(enqueueRates));
        } finally {
            webhook.stop(0);
        }
    }

    @Test
    void callbackToReplyLatency_realEngine_overLoopbackLongConnection() throws Exception {
        FakeWeCom wecom = FakeWeCom.startOnLoopback();
        ConfigDirectory config = ConfigDirectory.load(Path.of("../config"), name -> null);
        try (App app = new App(dir, config, Storage.open("jdbc:sqlite:" + dir.resolve("l.db")), Clock.systemUTC(),
                Map.of())) {
            WeComSettings settings = WeComSettings.from(null, Map.of("WECOM_BOT_ID", FakeWeCom.BOT_ID,
                    "WECOM_BOT_SECRET", FakeWeCom.SECRET, "WECOM_WS_URL", wecom.url().toString()));
            WeComServer server = new WeComServer(app.storage(), app.clock(), settings, app.engine(),
                    dir.resolve("status.json"));
            server.start();
            while (wecom.subscriptions.get() == 0) {
                LockSupport.parkNanos(200_000);
            }
            int n = 28; // below WeCom's 30 replies a minute per conversation, which the outbox enforces
            double[] millis = new double[n];
            for (int i = 0; i < n; i++) {
                int before = wecom.frames("aibot_respond_msg").size();
                long start = System.nanoTime();
                wecom.sendText("bench-" + i, "group", "wr-demo-ngk", "liuyang",
                        "@督办助手 12 " + (i % 100) + "% 本周进展" + i, null);
                while (wecom.frames("aibot_respond_msg").size() == before) {
                    LockSupport.parkNanos(200_000); // poll without burning a core the server needs
                }
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            server.close();
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf("BENCH callback -> engine -> outbox -> aibot_respond_msg (real engine, SQLite, loopback): "
                            + "%d messages, median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    n, median(millis), sorted[(int) (n * 0.95)], sorted[n - 1]);
        } finally {
            wecom.stop(1000);
        }
    }

    @Test
    void splitterThroughput_longChineseMarkdown() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("- 任务").append(i).append("：推进中，完成率 ").append(i % 100).append("%，请<@user").append(i)
                    .append(">补报，详见[台账](https://x.cn/").append(i).append(")\n");
        }
        String content = sb.toString();
        double[] rates = new double[7];
        int parts = 0;
        for (int run = 0; run < rates.length; run++) {
            long start = System.nanoTime();
            for (int k = 0; k < 20; k++) {
                parts = MessageSplitter.split(content, MessageSplitter.WEBHOOK_MARKDOWN_BYTES).size();
            }
            rates[run] = 20 * MessageSplitter.utf8Length(content) / 1e6 / ((System.nanoTime() - start) / 1e9);
        }
        System.out.printf("BENCH MessageSplitter on %d KB Chinese markdown (%d parts): MB/s per run %s, median %.1f%n",
                MessageSplitter.utf8Length(content) / 1024, parts,
                Arrays.toString(Arrays.stream(rates).map(r -> Math.round(r * 10) / 10.0).toArray()), median(rates));
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
