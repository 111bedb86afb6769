package io.duban.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.MutableClock;
import io.duban.bot.wecom.app.AppChannel;
import io.duban.bot.wecom.app.AppCredentials;
import io.duban.bot.wecom.app.WeComAppClient;
import io.duban.bot.wecom.callback.ResponseUrlChannel;
import io.duban.bot.wecom.callback.ResponseUrlClient;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.ReplyRoute;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies go back through the transport that heard the question (here the HTTP callback's response_url), private
 * messages through the self-built app when it is configured, and a reply nobody can route fails with a reason.
 */
class ChannelRoutingTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-09T01:00:00Z"));
    private final MockWebServer wecom = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private Storage storage;
    private OutboxDrainer drainer;

    @BeforeEach
    void setUp() throws Exception {
        wecom.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String body = request.getUrl().encodedPath().equals("/cgi-bin/gettoken")
                        ? "{\"errcode\":0,\"access_token\":\"tok\",\"expires_in\":7200}"
                        : "{\"errcode\":0,\"errmsg\":\"ok\"}";
                return new MockResponse.Builder().body(body).build();
            }
        });
        wecom.start(InetAddress.getByName("127.0.0.1"), 0);
        storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"));
        OkHttpClient http = new OkHttpClient();
        ResponseUrlChannel callbackReplies = new ResponseUrlChannel(new ResponseUrlClient(http, url -> true),
                storage.replyRoutes());
        AppChannel app = new AppChannel(new WeComAppClient(http, wecom.url("/"),
                new AppCredentials("ww-corp", 1000002, "app-secret-0123456789"), clock));
        ChannelRouter router = new ChannelRouter()
                .route(Address.Kind.REPLY, new ReplyChannel(storage.replyRoutes())
                        .on("wecom-callback", callbackReplies))
                .route(Address.Kind.PERSON, app);
        drainer = new OutboxDrainer(storage.outbox(), router, new RateLimiter(clock), RetryPolicy.DEFAULT, clock,
                "test", Duration.ofSeconds(60), 10);
    }

    @AfterEach
    void tearDown() {
        wecom.close();
        storage.close();
    }

    @Test
    void givenACallbackMessage_thenTheReplyGoesToItsResponseUrl() {
        storage.replyRoutes().remember(new ReplyRoute("cb-1", "wecom-callback",
                wecom.url("/robot/reply?code=abc").toString(), "wr-demo-ngk", "group", clock.instant()));
        storage.outbox().enqueue(OutboundMessage.text(Address.reply("cb-1"), "已记录", List.of("liuyang"), null),
                clock.instant());

        drainer.drainOnce();

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getUrl().encodedPath()).isEqualTo("/robot/reply");
        assertThat(requests.get(0).getBody().utf8()).contains("<@liuyang>").contains("已记录");
        assertThat(storage.outbox().countByStatus()).containsOnlyKeys(OutboxEntry.Status.SENT);
    }

    @Test
    void givenAPrivateReminder_thenItGoesThroughTheApp() {
        storage.outbox().enqueue(OutboundMessage.text(Address.person("liuyang"), "请于周五前汇报第12项", List.of(),
                null), clock.instant());

        drainer.drainOnce();

        assertThat(requests).extracting(r -> r.getUrl().encodedPath())
                .containsExactly("/cgi-bin/gettoken", "/cgi-bin/message/send");
        assertThat(requests.get(1).getBody().utf8()).contains("\"touser\":\"liuyang\"").contains("请于周五前汇报第12项");
        assertThat(storage.outbox().countByStatus()).containsOnlyKeys(OutboxEntry.Status.SENT);
    }

    @Test
    void givenAReplyNoTransportKnows_thenItFailsWithAReason() {
        storage.outbox().enqueue(OutboundMessage.text(Address.reply("unknown"), "x", List.of(), null),
                clock.instant());
        drainer.drainOnce();
        assertThat(storage.outbox().list(List.of(OutboxEntry.Status.FAILED), 10).get(0).lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("no way to answer message unknown"));
        assertThat(requests).isEmpty();
    }
}
