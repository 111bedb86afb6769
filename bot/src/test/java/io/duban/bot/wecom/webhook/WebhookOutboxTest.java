package io.duban.bot.wecom.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.OutboxDrainer;
import io.duban.bot.outbox.RateLimiter;
import io.duban.bot.outbox.RetryPolicy;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.wecom.MessageSplitter;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookOutboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> KEYS = Map.of("chat-a", "key-aaaaaaaaaaaa", "chat-b", "key-bbbbbbbbbbbb");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-09T01:00:00Z"));
    private final MockWebServer server = new MockWebServer();
    private Storage storage;
    private OutboxDrainer drainer;

    @BeforeEach
    void setUp() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"));
        drainer = drainer("test");
    }

    private OutboxDrainer drainer(String name) {
        WebhookClient client = new WebhookClient(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build(),
                server.url("/").toString());
        ChannelRouter router = new ChannelRouter()
                .route(Address.Kind.GROUP, new WebhookChannel(client, chat -> Optional.ofNullable(KEYS.get(chat))));
        return new OutboxDrainer(storage.outbox(), router, new RateLimiter(clock), RetryPolicy.DEFAULT, clock, name,
                Duration.ofSeconds(60), 50);
    }

    @AfterEach
    void tearDown() {
        server.close();
        storage.close();
    }

    private static MockResponse errcode(int code) {
        return new MockResponse.Builder().body("{\"errcode\":" + code + ",\"errmsg\":\"x\"}").build();
    }

    private long enqueue(OutboundMessage m) {
        return storage.outbox().enqueue(m, clock.instant()).orElseThrow().id();
    }

    private OutboxEntry row(long id) {
        return storage.outbox().find(id).orElseThrow();
    }

    private JsonNode take() throws Exception {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/cgi-bin/webhook/send");
        JsonNode body = JSON.readTree(r.getBody().utf8());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_key", r.getUrl().queryParameter("key"));
        return body;
    }

    @Test
    void givenTextWithMentions_thenTextWithMentionedListGoesToTheGroupsKey() throws Exception {
        server.enqueue(errcode(0));
        long id = enqueue(OutboundMessage.text(Address.group("chat-a"), "请补报第3项进展", List.of("zhangsan"), null));

        drainer.drainOnce();

        JsonNode body = take();
        assertThat(body.path("_key").asText()).isEqualTo("key-aaaaaaaaaaaa");
        assertThat(body.path("msgtype").asText()).isEqualTo("text");
        assertThat(body.path("text").path("content").asText()).isEqualTo("请补报第3项进展");
        assertThat(body.path("text").path("mentioned_list")).extracting(JsonNode::asText).containsExactly("zhangsan");
        assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.SENT);
    }

    @Test
    void givenMarkdownAndImage_thenTheirPayloadsFollowTheDocs() throws Exception {
        server.enqueue(errcode(0));
        server.enqueue(errcode(0));
        enqueue(OutboundMessage.markdown(Address.group("chat-b"), "**周报**\n> 红灯 1 项", null));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        enqueue(new OutboundMessage(Address.group("chat-b"), OutboundMessage.Format.IMAGE,
                Base64.getEncoder().encodeToString(png), List.of(), Optional.empty()));

        drainer.drainOnce();

        JsonNode md = take();
        assertThat(md.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(md.path("markdown").path("content").asText()).isEqualTo("**周报**\n> 红灯 1 项");
        JsonNode image = take();
        assertThat(image.path("msgtype").asText()).isEqualTo("image");
        assertThat(image.path("image").path("base64").asText()).isEqualTo(Base64.getEncoder().encodeToString(png));
        assertThat(image.path("image").path("md5").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(png)));
    }

    @Test
    void given45009AndHttp502_thenRetriedWithBackoffUntilSent() throws Exception {
        server.enqueue(errcode(45009));
        server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
        server.enqueue(errcode(-1));
        server.enqueue(errcode(0));
        long id = enqueue(OutboundMessage.markdown(Address.group("chat-a"), "本周进展", null));

        drainer.drainOnce();
        assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(row(id).attempts()).isEqualTo(1);
        assertThat(row(id).lastError()).hasValueSatisfying(e -> assertThat(e).contains("45009"));
        assertThat(row(id).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(5));

        drainer.drainOnce(); // not due yet
        assertThat(server.getRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        drainer.drainOnce();
        assertThat(row(id).lastError()).contains("HTTP 502");
        assertThat(row(id).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        drainer.drainOnce();
        assertThat(row(id).lastError()).hasValueSatisfying(e -> assertThat(e).contains("errcode -1"));

        clock.advance(Duration.ofSeconds(20));
        drainer.drainOnce();
        assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void given93000_thenParkedAsFailedWithTheReasonAndNotRetried() throws Exception {
        server.enqueue(errcode(93000));
        long id = enqueue(OutboundMessage.markdown(Address.group("chat-a"), "本周进展", null));

        drainer.drainOnce();
        clock.advance(Duration.ofHours(1));
        drainer.drainOnce();

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(row(id).lastError()).hasValueSatisfying(e -> assertThat(e).contains("93000"));
        assertThat(take().toString()).doesNotContain("93000");

        // an admin fixes the key and retries
        server.enqueue(errcode(0));
        assertThat(storage.outbox().retry(id, clock.instant())).isTrue();
        drainer.drainOnce();
        assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.SENT);
    }

    @Test
    void givenAGroupWithoutKey_thenFailedWithAHelpfulReason() {
        long id = enqueue(OutboundMessage.markdown(Address.group("wr-no-key"), "本周进展", null));
        drainer.drainOnce();
        assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(row(id).lastError()).hasValueSatisfying(e -> assertThat(e)
                .contains("wecom.webhooks.wr-no-key").contains("WECOM_WEBHOOK_WR_NO_KEY"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void givenTwentyFiveMessagesForOneRobot_thenTwentyGoOutThisMinuteAndTheRestTheNext() {
        for (int i = 0; i < 30; i++) {
            server.enqueue(errcode(0));
        }
        for (int i = 0; i < 25; i++) {
            enqueue(OutboundMessage.markdown(Address.group("chat-a"), "消息 " + i, null));
        }
        enqueue(OutboundMessage.markdown(Address.group("chat-b"), "另一个群", null));

        drainer.drainOnce();
        assertThat(server.getRequestCount()).isEqualTo(21); // 20 for chat-a, 1 for chat-b
        assertThat(storage.outbox().countByStatus()).containsEntry(OutboxEntry.Status.PENDING, 5L);

        clock.advance(Duration.ofSeconds(59));
        drainer.drainOnce();
        assertThat(server.getRequestCount()).isEqualTo(21);

        clock.advance(Duration.ofSeconds(1));
        drainer.drainOnce();
        assertThat(server.getRequestCount()).isEqualTo(26);
        assertThat(storage.outbox().countByStatus()).containsEntry(OutboxEntry.Status.SENT, 26L)
                .doesNotContainKey(OutboxEntry.Status.PENDING);
    }

    @Test
    void givenLongChineseMarkdown_thenSentInMarkedPartsAndARetryResumesAfterTheDeliveredOnes() throws Exception {
        StringBuilder sb = new StringBuilder("## 督办周报\n");
        for (int i = 0; i < 120; i++) {
            sb.append("- 任务").append(i).append("：高标准农田建设推进中，完成率 ").append(i % 100)
                    .append("%，请<@user").append(i).append(">补报\n");
        }
        String content = sb.toString();
        int parts = MessageSplitter.split(content, MessageSplitter.WEBHOOK_MARKDOWN_BYTES).size();
        assertThat(parts).isGreaterThanOrEqualTo(3);
        server.enqueue(errcode(0));
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        for (int i = 0; i < parts; i++) {
            server.enqueue(errcode(0));
        }
        long id = enqueue(OutboundMessage.markdown(Address.group("chat-a"), content, null));

        drainer.drainOnce();
        assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.PENDING);
        clock.advance(Duration.ofSeconds(5));
        drainer.drainOnce();
        assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.SENT);

        List<String> sent = new java.util.ArrayList<>();
        for (int i = 0; i < parts + 1; i++) {
            JsonNode body = take();
            sent.add(body.path("markdown").path("content").asText());
        }
        assertThat(sent.get(0)).endsWith("(1/" + parts + ")");
        assertThat(sent.get(1)).endsWith("(2/" + parts + ")"); // refused with 503
        assertThat(sent.get(2)).endsWith("(2/" + parts + ")"); // resumed at part 2, part 1 not repeated
        assertThat(sent.get(parts)).endsWith("(" + parts + "/" + parts + ")");
        for (String s : sent) {
            assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        }
    }

    @Test
    void givenASenderDiedMidSend_thenAfterItsLeaseRunsOutTheMessageGoesOutOnce() throws Exception {
        long id = enqueue(OutboundMessage.markdown(Address.group("chat-a"), "重启前未发出的消息", null));
        // the old process claimed it and died
        storage.outbox().claim("old-process", clock.instant(), Duration.ofSeconds(60), 10);
        server.enqueue(errcode(0));

        OutboxDrainer restarted = drainer("new-process");
        restarted.drainOnce();
        assertThat(server.getRequestCount()).isZero(); // the lease is still held
        clock.advance(Duration.ofSeconds(61));
        OutboxDrainer.Pass pass = restarted.drainOnce();
        assertThat(pass.released()).isEqualTo(1);
        assertThat(pass.sent()).isEqualTo(1);
        assertThat(take().path("markdown").path("content").asText()).isEqualTo("重启前未发出的消息");
        clock.advance(Duration.ofSeconds(61));
        restarted.drainOnce();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.SENT);
    }
}
