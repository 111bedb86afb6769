package io.duban.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.testing.TestBot;
import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.Destination;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.OutboxDrainer;
import io.duban.bot.outbox.RateLimiter;
import io.duban.bot.outbox.ReplyChannel;
import io.duban.bot.outbox.RetryPolicy;
import io.duban.bot.outbox.SendResult;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.time.Duration;
import io.duban.bot.wecom.crypto.WeComCrypto;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake WeCom on loopback talks to the real engine through the callback (robot in a group, app 1:1) and gets the
 * same answers as the same words typed in the local chat.
 */
class CallbackEndToEndTest {
    private static final String NOW = "2023-10-09T09:00+08:00";
    private static final String CORP = "ww1234567890abcdef";
    private final WeComCrypto robot = new WeComCrypto("robotToken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "");
    private final WeComCrypto app = new WeComCrypto("appToken", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", CORP);
    private final List<String> sent = new CopyOnWriteArrayList<>();
    @TempDir
    Path viaCallback;
    @TempDir
    Path viaLocalChat;
    private TestBot bot;
    private OutboxDrainer drainer;
    private TestBot reference;
    private CallbackServer server;
    private FakeWeCom wecom;

    @BeforeEach
    void start() {
        bot = new TestBot(viaCallback, NOW);
        // what the outbox hands the robot's and the app's reply channels, recorded instead of posted
        OutboundChannel record = new OutboundChannel() {
            @Override
            public Destination destination(OutboxEntry entry) {
                return new Destination("test", List.of());
            }

            @Override
            public List<String> parts(OutboxEntry entry) {
                return List.of(entry.message().content());
            }

            @Override
            public SendResult send(OutboxEntry entry, Part part) {
                sent.add(part.content());
                return SendResult.ok();
            }
        };
        ReplyChannel replies = new ReplyChannel(bot.app.storage().replyRoutes())
                .on(CallbackServer.ROBOT_TRANSPORT, record).toSender(CallbackServer.APP_TRANSPORT, record);
        drainer = new OutboxDrainer(bot.app.storage().outbox(), new ChannelRouter().route(Address.Kind.REPLY, replies),
                new RateLimiter(bot.clock), RetryPolicy.DEFAULT, bot.clock, "test", Duration.ofMinutes(1), 10);
        reference = new TestBot(viaLocalChat, NOW);
        server = CallbackServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .robot("/wecom/robot", robot)
                .app("/wecom/app", app)
                .clock(bot.clock)
                .inbound(bot.app.engine())
                .afterAnswer(this::deliver)
                .build()
                .start();
        wecom = new FakeWeCom("http://127.0.0.1:" + server.address().getPort());
    }

    private synchronized void deliver() {
        drainer.drainOnce();
    }

    @AfterEach
    void stop() {
        server.close();
        bot.close();
        reference.close();
    }

    private String timestamp() {
        return String.valueOf(bot.clock.instant().getEpochSecond());
    }

    @Test
    void aGroupReportThroughTheRobot_getsTheLocalChatAnswer() throws Exception {
        String text = "@督办助手 12 60% 本周已对接保山咖啡企业2家；问题：冷链成本高";
        String plain = "{\"msgid\":\"e2e-1\",\"aibotid\":\"A\",\"chatid\":\"wr-demo-ngk\",\"chattype\":\"group\","
                + "\"from\":{\"userid\":\"liuyang\"},\"response_url\":\"https://example.invalid/r\","
                + "\"msgtype\":\"text\",\"text\":{\"content\":\"" + text + "\"}}";
        FakeWeCom.Signed s = FakeWeCom.robotJson(robot, plain, timestamp(), "1");
        assertThat(wecom.post("/wecom/robot" + s.query(), s.body()).statusCode()).isEqualTo(200);
        await().until(() -> sent.size() == 1);
        String expected = reference.say("liuyang", "wr-demo-ngk", text);
        assertThat(sent.get(0)).isEqualTo(expected).contains("已记录", "任务 12");
    }

    @Test
    void aDirectMessageThroughTheApp_getsTheLocalChatAnswer() throws Exception {
        String plain = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName>"
                + "<FromUserName><![CDATA[liuyang]]></FromUserName><CreateTime>" + timestamp() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[我的任务]]></Content>"
                + "<MsgId>7301234567890123456</MsgId><AgentID>1000002</AgentID></xml>";
        FakeWeCom.Signed s = FakeWeCom.appXml(app, plain, timestamp(), "2");
        for (int i = 0; i < 3; i++) { // WeCom's three deliveries of one MsgId
            assertThat(wecom.post("/wecom/app" + s.query(), s.body()).statusCode()).isEqualTo(200);
        }
        await().until(() -> !sent.isEmpty());
        server.close();
        String expected = reference.say("liuyang", null, "我的任务");
        assertThat(sent).containsExactly(expected);
    }

    /** Holds queued work until the test runs it: the moment between the 200 and the processing. */
    static final class HeldExecutor extends java.util.concurrent.AbstractExecutorService {
        final List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.copyOf(held);
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
            return true;
        }
    }

    @Test
    void aMessageIsStoredBeforeWeComGetsIts200_evenIfTheProcessIsKilledRightAfter() throws Exception {
        HeldExecutor held = new HeldExecutor();
        CallbackServer second = CallbackServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .robot("/wecom/robot", robot)
                .clock(bot.clock)
                .inbound(bot.app.engine())
                .afterAnswer(this::deliver)
                .processing(held)
                .build()
                .start();
        try {
            FakeWeCom other = new FakeWeCom("http://127.0.0.1:" + second.address().getPort());
            String plain = "{\"msgid\":\"held-1\",\"aibotid\":\"A\",\"chatid\":\"wr-demo-ngk\",\"chattype\":\"group\","
                    + "\"from\":{\"userid\":\"liuyang\"},\"response_url\":\"https://example.invalid/r\","
                    + "\"msgtype\":\"text\",\"text\":{\"content\":\"@督办助手 12 60% 已对接\"}}";
            FakeWeCom.Signed s = FakeWeCom.robotJson(robot, plain, timestamp(), "9");
            assertThat(other.post("/wecom/robot" + s.query(), s.body()).statusCode()).isEqualTo(200);
            // Acknowledged and not yet processed: the raw message is already in the database.
            assertThat(bot.app.storage().inbound().count()).isEqualTo(1);
            assertThat(sent).isEmpty();
            // The server queues the work right after writing the 200, so the queue may fill a moment later.
            await().until(() -> !held.held.isEmpty());
            held.held.forEach(Runnable::run);
            assertThat(sent).hasSize(1).first().asString().contains("已记录 农管科 对任务 12");
        } finally {
            second.close();
        }
    }
}
