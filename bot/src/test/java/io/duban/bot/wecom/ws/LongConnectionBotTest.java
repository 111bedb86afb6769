package io.duban.bot.wecom.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.Reply;
import io.duban.bot.engine.InboundPort;
import io.duban.bot.engine.ReplyAddressing;
import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.OutboxDrainer;
import io.duban.bot.outbox.RateLimiter;
import io.duban.bot.outbox.RetryPolicy;
import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.ManualScheduler;
import io.duban.bot.testing.MutableClock;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.InboundRecord;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long connection end to end: callback → conversation → outbox → aibot_respond_msg, against the fake WeCom. */
class LongConnectionBotTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-09T01:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<InboundMessage> heard = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private FakeWeCom wecom;
    private Storage storage;
    private LongConnection connection;
    private OutboxDrainer drainer;

    /**
     * Stands in for BotEngine behind the same port: stores first with the reply route, answers a repeated message
     * id with nothing, and addresses its answer the engine's way.
     */
    private Optional<InboundPort.PendingAnswer> accept(InboundMessage m) {
        heard.add(m);
        storage.replyRoutes().remember(ReplyAddressing.route(m));
        var stored = storage.inbound().recordIfNew(new InboundRecord(m.messageId(), m.transport(), m.senderId(),
                m.chatId(), m.chatType().key(), m.text(), m.quotedText(), m.receivedAt()));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String answer = "收到：" + m.text() + m.quotedText().map(q -> "（回复：" + q + "）").orElse("");
        return Optional.of(() -> storage.outbox().enqueue(ReplyAddressing.answer(m,
                new Reply(answer, List.of(m.senderId()))), clock.instant()));
    }

    @BeforeEach
    void setUp() throws Exception {
        wecom = FakeWeCom.startOnLoopback();
        storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"));
        LongConnection[] holder = new LongConnection[1];
        LongConnectionInbound inbound = new LongConnectionInbound(this::accept, () -> { }, clock, worker,
                () -> holder[0]);
        connection = new LongConnection(LongConnectionConfig.standard(wecom.url(), FakeWeCom.BOT_ID,
                FakeWeCom.SECRET, Optional.empty()), inbound, scheduler, clock);
        holder[0] = connection;
        LongConnectionChannel channel = new LongConnectionChannel(connection, storage.replyRoutes(), clock,
                Duration.ofSeconds(5));
        ChannelRouter router = new ChannelRouter().route(Address.Kind.REPLY, channel)
                .route(Address.Kind.PERSON, channel).route(Address.Kind.GROUP, channel);
        drainer = new OutboxDrainer(storage.outbox(), router, new RateLimiter(clock), RetryPolicy.DEFAULT, clock,
                "test", Duration.ofSeconds(60), 10);
        connection.start();
        await().until(() -> connection.state() == ConnectionState.ONLINE);
    }

    @AfterEach
    void tearDown() throws Exception {
        connection.close();
        worker.shutdownNow();
        wecom.stop(1000);
        storage.close();
    }

    private void awaitOutboxRows(long n) {
        await().until(() -> storage.outbox().countByStatus().values().stream().mapToLong(Long::longValue).sum() >= n);
    }

    @Test
    void givenAGroupAtMessage_thenTheReplyGoesBackOnTheCallbacksReqIdAsMarkdown() {
        String reqId = wecom.sendText("msg-1", "group", "wr-demo-ngk", "liuyang", "@督办助手 任务3 完成60%", null);
        awaitOutboxRows(1);

        drainer.drainOnce();

        InboundMessage m = heard.get(0);
        assertThat(m.messageId()).isEqualTo("msg-1");
        assertThat(m.transport()).isEqualTo("wecom-ws");
        assertThat(m.chatType()).isEqualTo(ChatType.GROUP);
        assertThat(m.chatId()).contains("wr-demo-ngk");
        assertThat(m.senderId()).isEqualTo("liuyang");
        assertThat(m.text()).isEqualTo("@督办助手 任务3 完成60%"); // the engine strips the mention
        List<JsonNode> replies = wecom.frames("aibot_respond_msg");
        assertThat(replies).hasSize(1);
        JsonNode reply = replies.get(0);
        assertThat(reply.path("headers").path("req_id").asText()).isEqualTo(reqId);
        assertThat(reply.path("body").path("msgtype").asText()).isEqualTo("markdown");
        assertThat(reply.path("body").path("markdown").path("content").asText())
                .isEqualTo("收到：@督办助手 任务3 完成60%\n<@liuyang>");
        assertThat(storage.outbox().countByStatus()).containsEntry(OutboxEntry.Status.SENT, 1L);
    }

    @Test
    void givenTheSameMsgidTwice_thenItIsAnsweredOnce() {
        wecom.sendText("msg-dup", "single", null, "liuyang", "查询 任务3", null);
        wecom.sendText("msg-dup", "single", null, "liuyang", "查询 任务3", null);
        await().until(() -> heard.size() == 2);
        awaitOutboxRows(1);
        drainer.drainOnce();
        drainer.drainOnce();

        assertThat(wecom.frames("aibot_respond_msg")).hasSize(1);
        assertThat(heard.get(0).chatType()).isEqualTo(ChatType.DIRECT);
        assertThat(heard.get(0).chatId()).isEmpty();
    }

    @Test
    void givenAReplyToAQuotedPrompt_thenTheEngineSeesTheQuoteAndTheAnswerGoesOut() {
        String reqId = wecom.sendText("msg-q", "group", "wr-demo-ngk", "liuyang", "@督办助手 完成70%",
                "请第3项的牵头单位汇报本周进展");
        awaitOutboxRows(1);
        drainer.drainOnce();

        assertThat(heard.get(0).quotedText()).contains("请第3项的牵头单位汇报本周进展");
        JsonNode reply = wecom.frames("aibot_respond_msg").get(0);
        assertThat(reply.path("headers").path("req_id").asText()).isEqualTo(reqId);
        assertThat(reply.path("body").path("markdown").path("content").asText()).contains("（回复：请第3项的牵头单位汇报本周进展）");
    }

    @Test
    void givenEnterChat_thenAWelcomeIsSentOnTheEventsReqId() {
        String reqId = wecom.sendEvent("enter_chat", "liuyang");
        await().until(() -> wecom.frames("aibot_respond_welcome_msg").size() == 1);
        JsonNode welcome = wecom.frames("aibot_respond_welcome_msg").get(0);
        assertThat(welcome.path("headers").path("req_id").asText()).isEqualTo(reqId);
        assertThat(welcome.path("body").path("text").path("content").asText()).contains("督办助手").contains("帮助");
    }

    @Test
    void givenRateLimitErrcode45009_thenTheReplyIsRetriedLater() {
        wecom.errcodes.put("aibot_respond_msg", new ArrayList<>(List.of(45009)));
        wecom.sendText("msg-r", "single", null, "liuyang", "帮助", null);
        awaitOutboxRows(1);

        drainer.drainOnce();
        assertThat(storage.outbox().countByStatus()).containsEntry(OutboxEntry.Status.PENDING, 1L);
        clock.advance(Duration.ofSeconds(5));
        drainer.drainOnce();

        assertThat(wecom.frames("aibot_respond_msg")).hasSize(2);
        assertThat(storage.outbox().countByStatus()).containsEntry(OutboxEntry.Status.SENT, 1L);
    }

    @Test
    void givenWeComNoLongerKnowsTheReqId_thenTheReplyGoesAsAPushIntoTheSameConversation() {
        wecom.errcodes.put("aibot_respond_msg", new ArrayList<>(List.of(846605)));
        wecom.sendText("msg-old", "group", "wr-demo-ngk", "liuyang", "@督办助手 查询", null);
        awaitOutboxRows(1);

        drainer.drainOnce();

        JsonNode push = wecom.frames("aibot_send_msg").get(0);
        assertThat(push.path("body").path("chatid").asText()).isEqualTo("wr-demo-ngk");
        assertThat(push.path("body").path("chat_type").asInt()).isEqualTo(2);
        assertThat(push.path("body").path("markdown").path("content").asText()).startsWith("收到：");
        assertThat(storage.outbox().countByStatus()).containsEntry(OutboxEntry.Status.SENT, 1L);
    }

    @Test
    void givenMoreThan24Hours_thenTheReplyIsParkedNotSent() {
        wecom.sendText("msg-late", "single", null, "liuyang", "查询", null);
        awaitOutboxRows(1);
        clock.advance(Duration.ofHours(25));
        drainer.drainOnce();
        assertThat(wecom.frames("aibot_respond_msg")).isEmpty();
        assertThat(storage.outbox().list(List.of(OutboxEntry.Status.FAILED), 10).get(0).lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("24"));
    }

    @Test
    void givenAPrivatePush_thenAibotSendMsgToTheUser() {
        storage.outbox().enqueue(OutboundMessage.markdown(Address.person("liuyang"), "请于周五前汇报", null),
                clock.instant());
        drainer.drainOnce();
        JsonNode push = wecom.frames("aibot_send_msg").get(0);
        assertThat(push.path("body").path("chatid").asText()).isEqualTo("liuyang");
        assertThat(push.path("body").path("chat_type").asInt()).isEqualTo(1);
    }

    @Test
    void givenTheConnectionIsDown_thenRepliesWaitWithoutUsingAttemptsAndGoOutWhenItIsBack() throws Exception {
        wecom.sendText("msg-down", "single", null, "liuyang", "查询", null);
        awaitOutboxRows(1);
        int port = wecom.getPort();
        wecom.stop(1000);
        await().until(() -> connection.state() == ConnectionState.WAITING_TO_RECONNECT);

        drainer.drainOnce();
        OutboxEntry row = storage.outbox().list(List.of(OutboxEntry.Status.PENDING), 10).get(0);
        assertThat(row.attempts()).isZero();
        assertThat(row.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(5));

        wecom = FakeWeCom.startOnLoopback(port);
        await().until(() -> {
            scheduler.advance(Duration.ofSeconds(1));
            return connection.state() == ConnectionState.ONLINE;
        });
        scheduler.advance(Duration.ofSeconds(5));
        drainer.drainOnce();
        assertThat(wecom.frames("aibot_respond_msg")).hasSize(1);
        assertThat(storage.outbox().countByStatus()).containsEntry(OutboxEntry.Status.SENT, 1L);
    }
}
