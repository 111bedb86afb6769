package io.duban.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.MessageKind;
import io.duban.bot.message.Reply;
import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.OutboxDrainer;
import io.duban.bot.outbox.RateLimiter;
import io.duban.bot.outbox.ReplyChannel;
import io.duban.bot.outbox.RetryPolicy;
import io.duban.bot.serve.WeComServer;
import io.duban.bot.testing.FailingCommand;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.crypto.WeComCrypto;
import io.duban.storage.model.Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One conversation, three transports: the local chat, the long connection (a fake WeCom on loopback) and the robot's
 * HTTP callback (signed and encrypted like WeCom, the answer posted to its response_url on loopback). The engine
 * decides every answer and the outbox delivers it, so the texts are the same, for a report, a query, a picture, a
 * stranger, a failure inside and words the bot does not know.
 */
class SameConversationOnEveryTransportTest {
    private static final String NOW = "2023-10-09T09:00+08:00";
    private static final String NGK = "wr-demo-ngk";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Say(String user, MessageKind kind, String text) {
    }

    private static final List<Say> CONVERSATION = List.of(
            new Say("liuyang", MessageKind.TEXT, "@督办助手 12 60% 本周已对接企业2家；问题：冷链成本高"),
            new Say("liuyang", MessageKind.TEXT, "@督办助手 任务 12"),
            new Say("liuyang", MessageKind.IMAGE, null),
            new Say("stranger", MessageKind.TEXT, "@督办助手 12 60% 已对接"),
            new Say("liuyang", MessageKind.TEXT, "@督办助手 " + FailingCommand.WORD),
            new Say("liuyang", MessageKind.TEXT, "@督办助手 今天天气不错"));

    @TempDir
    Path localDir;
    @TempDir
    Path wsDir;
    @TempDir
    Path callbackDir;

    private static TestBot bot(Path dir) {
        return new TestBot(dir, MutableClock.at(NOW), List.of(new FailingCommand()));
    }

    @Test
    void theSameWordsGetTheSameAnswers_whicheverWayTheyCame() throws Exception {
        List<String> local = viaLocalChat();
        List<String> ws = viaLongConnection();
        List<String> callback = viaHttpCallback();

        assertThat(local).hasSize(CONVERSATION.size());
        assertThat(local.get(0)).contains("已记录 农管科 对任务 12 的报送");
        assertThat(local.get(1)).contains("任务 12");
        assertThat(local.get(2)).startsWith("抱歉，目前只能读懂文字消息").contains("图片");
        assertThat(local.get(3)).contains("还没有在督办助手登记");
        assertThat(local.get(4)).contains("出错", "消息已保存");
        assertThat(local.get(5)).contains("没有看懂");
        assertThat(ws).containsExactlyElementsOf(local);
        assertThat(callback).containsExactlyElementsOf(local);
    }

    private List<String> viaLocalChat() {
        try (TestBot bot = bot(localDir)) {
            List<String> answers = new ArrayList<>();
            int n = 0;
            for (Say say : CONVERSATION) {
                String id = "local-" + n++;
                InboundMessage m = say.kind() == MessageKind.TEXT
                        ? new InboundMessage(id, TestBot.TRANSPORT, say.user(), ChatType.GROUP, Optional.of(NGK),
                                say.text(), Optional.empty(), bot.clock.instant())
                        : InboundMessage.of(say.kind(), id, TestBot.TRANSPORT, say.user(), ChatType.GROUP,
                                Optional.of(NGK), bot.clock.instant());
                answers.add(bot.send(m).stream().map(Reply::text).findFirst().orElse("(no answer)"));
            }
            return answers;
        }
    }

    /** What the long connection sent back, without the @-mentions WeCom renders below the text. */
    private List<String> viaLongConnection() throws Exception {
        io.duban.bot.testing.FakeWeCom wecom = io.duban.bot.testing.FakeWeCom.startOnLoopback();
        try (TestBot bot = bot(wsDir)) {
            WeComSettings settings = WeComSettings.from(null, Map.of("WECOM_BOT_ID", wecom.BOT_ID,
                    "WECOM_BOT_SECRET", wecom.SECRET, "WECOM_WS_URL", wecom.url().toString()));
            try (WeComServer server = new WeComServer(bot.app.storage(), bot.clock, settings, bot.app.engine(),
                    wsDir.resolve("status.json"))) {
                server.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> wecom.subscriptions.get() == 1);
                int n = 0;
                for (Say say : CONVERSATION) {
                    String id = "ws-" + n++;
                    if (say.kind() == MessageKind.TEXT) {
                        wecom.sendText(id, "group", NGK, say.user(), say.text(), null);
                    } else {
                        wecom.sendImage(id, "group", NGK, say.user());
                    }
                    int expected = n;
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> wecom.frames("aibot_respond_msg").size() == expected);
                }
                return wecom.frames("aibot_respond_msg").stream()
                        .map(f -> f.path("body").path("markdown").path("content").asText()
                                .replaceFirst("\n(<@[^>]+> ?)+$", ""))
                        .toList();
            }
        } finally {
            wecom.stop(1000);
        }
    }

    /** What the robot callback posted to its response_url, without the @-mentions in front. */
    private List<String> viaHttpCallback() throws Exception {
        WeComCrypto robot = new WeComCrypto("robotToken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "");
        try (TestBot bot = bot(callbackDir); MockWebServer responseUrls = new MockWebServer()) {
            for (int i = 0; i < CONVERSATION.size(); i++) {
                responseUrls.enqueue(new MockResponse.Builder().body("{\"errcode\":0,\"errmsg\":\"ok\"}").build());
            }
            responseUrls.start(InetAddress.getByName("127.0.0.1"), 0);
            // the channel serve uses for robot replies; the test lets it post to loopback over plain HTTP
            ReplyChannel replies = new ReplyChannel(bot.app.storage().replyRoutes()).on(CallbackServer.ROBOT_TRANSPORT,
                    new ResponseUrlChannel(new ResponseUrlClient(new OkHttpClient(), url -> true),
                            bot.app.storage().replyRoutes()));
            OutboxDrainer drainer = new OutboxDrainer(bot.app.storage().outbox(),
                    new ChannelRouter().route(Address.Kind.REPLY, replies), new RateLimiter(bot.clock),
                    RetryPolicy.DEFAULT, bot.clock, "test", Duration.ofMinutes(1), 10);
            try (CallbackServer server = CallbackServer.builder()
                    .bind(new InetSocketAddress("127.0.0.1", 0))
                    .robot("/wecom/robot", robot)
                    .clock(bot.clock)
                    .inbound(bot.app.engine())
                    .afterAnswer(() -> {
                        synchronized (drainer) {
                            drainer.drainOnce();
                        }
                    })
                    .build()
                    .start()) {
                FakeWeCom wecom = new FakeWeCom("http://127.0.0.1:" + server.address().getPort());
                String timestamp = String.valueOf(bot.clock.instant().getEpochSecond());
                List<String> answers = new ArrayList<>();
                int n = 0;
                for (Say say : CONVERSATION) {
                    String id = "cb-" + n++;
                    String body = say.kind() == MessageKind.TEXT
                            ? "\"msgtype\":\"text\",\"text\":{\"content\":\"" + say.text() + "\"}"
                            : "\"msgtype\":\"image\",\"image\":{\"url\":\"https://example.invalid/p.png\"}";
                    String plain = "{\"msgid\":\"" + id + "\",\"aibotid\":\"A\",\"chatid\":\"" + NGK + "\","
                            + "\"chattype\":\"group\",\"from\":{\"userid\":\"" + say.user() + "\"},"
                            + "\"response_url\":\"" + responseUrls.url("/reply/" + id) + "\"," + body + "}";
                    FakeWeCom.Signed s = FakeWeCom.robotJson(robot, plain, timestamp, String.valueOf(n));
                    assertThat(wecom.post("/wecom/robot" + s.query(), s.body()).statusCode()).isEqualTo(200);
                    RecordedRequest posted = responseUrls.takeRequest(10, TimeUnit.SECONDS);
                    assertThat(posted).as("answer to " + id).isNotNull();
                    assertThat(posted.getUrl().encodedPath()).isEqualTo("/reply/" + id);
                    answers.add(JSON.readTree(posted.getBody().utf8()).path("markdown").path("content").asText()
                            .replaceFirst("^(<@[^>]+> )+", ""));
                }
                return answers;
            }
        }
    }
}
