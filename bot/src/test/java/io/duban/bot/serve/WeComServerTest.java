package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.engine.ReplyAddressing;
import io.duban.bot.message.Reply;
import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.wecom.WeComSettings;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wired server: long connection for conversation, webhook for group pushes, status file for duban status. */
class WeComServerTest {
    @TempDir
    Path dir;

    @Test
    void givenFakeWeComAndAWebhook_thenItAnswersPushesAndReportsItsState() throws Exception {
        FakeWeCom wecom = FakeWeCom.startOnLoopback();
        try (MockWebServer webhook = new MockWebServer();
             Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"))) {
            webhook.enqueue(new MockResponse.Builder().body("{\"errcode\":0,\"errmsg\":\"ok\"}").build());
            webhook.start(InetAddress.getByName("127.0.0.1"), 0);
            WeComSettings settings = WeComSettings.from(null, Map.of(
                    "WECOM_BOT_ID", FakeWeCom.BOT_ID, "WECOM_BOT_SECRET", FakeWeCom.SECRET,
                    "WECOM_WS_URL", wecom.url().toString(), "WECOM_API_BASE", webhook.url("/").toString(),
                    "WECOM_WEBHOOK_WR_DEMO_NGK", "ngk-key-0000000001"));
            Path statusFile = dir.resolve("status.json");
            WeComServer server = new WeComServer(storage, Clock.systemUTC(), settings,
                    m -> { // stands in for the engine: remembers the route, answers the engine's way
                        storage.replyRoutes().remember(ReplyAddressing.route(m));
                        return java.util.Optional.of(() -> storage.outbox().enqueue(
                                ReplyAddressing.answer(m, Reply.of("收到 " + m.senderId())), Clock.systemUTC().instant()));
                    }, statusFile);
            try {
                server.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> wecom.subscriptions.get() == 1);

                wecom.sendText("m-1", "group", "wr-demo-ngk", "liuyang", "@督办助手 进展", null);
                await().atMost(Duration.ofSeconds(10)).until(() -> wecom.frames("aibot_respond_msg").size() == 1);
                assertThat(wecom.frames("aibot_respond_msg").get(0).path("body").path("markdown").path("content")
                        .asText()).isEqualTo("收到 liuyang");

                storage.outbox().enqueue(OutboundMessage.markdown(Address.group("wr-demo-ngk"), "周报", null),
                        Clock.systemUTC().instant());
                server.pump().nudge();
                RecordedRequest push = webhook.takeRequest(10, TimeUnit.SECONDS);
                assertThat(push).isNotNull();
                assertThat(push.getUrl().queryParameter("key")).isEqualTo("ngk-key-0000000001");

                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    ServeStatus status = ServeStatus.read(statusFile).orElseThrow();
                    assertThat(status.connection()).isEqualTo("ONLINE");
                    assertThat(status.outbox()).containsEntry("sent", 2L);
                });
                String json = Files.readString(statusFile);
                assertThat(json).doesNotContain(FakeWeCom.SECRET).doesNotContain("ngk-key-0000000001");
                assertThat(new ObjectMapper().readTree(json).path("botId").asText()).isEqualTo(FakeWeCom.BOT_ID);
            } finally {
                server.close();
                wecom.stop(1000);
            }
            assertThat(storage.outbox().countByStatus()).containsOnlyKeys(OutboxEntry.Status.SENT);
        }
    }
}
