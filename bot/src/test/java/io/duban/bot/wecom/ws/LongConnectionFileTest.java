package io.duban.bot.wecom.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.OutboxDrainer;
import io.duban.bot.outbox.RateLimiter;
import io.duban.bot.outbox.RetryPolicy;
import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.ManualScheduler;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.wecom.media.MediaCache;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.ReplyRoute;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file answering a message heard on the long connection: chunked upload, then aibot_respond_msg with its id. */
class LongConnectionFileTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-16T01:00:00Z"));
    private FakeWeCom wecom;
    private LongConnection connection;
    private Storage storage;
    private OutboxDrainer drainer;

    @BeforeEach
    void setUp() throws Exception {
        wecom = FakeWeCom.startOnLoopback();
        storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"));
        connection = new LongConnection(LongConnectionConfig.standard(wecom.url(), FakeWeCom.BOT_ID, FakeWeCom.SECRET,
                Optional.empty()), new LongConnection.Listener() {
                    @Override
                    public void onMessage(WsFrame callback) {
                    }

                    @Override
                    public void onEvent(WsFrame callback) {
                    }

                    @Override
                    public void onStateChange(ConnectionState state) {
                    }
                }, new ManualScheduler(clock), clock);
        connection.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.state() == ConnectionState.ONLINE);
        LongConnectionChannel channel = new LongConnectionChannel(connection, storage.replyRoutes(), clock,
                Duration.ofSeconds(5), Optional.of(new MediaCache(storage.mediaUploads(), clock)));
        drainer = new OutboxDrainer(storage.outbox(), new ChannelRouter().route(Address.Kind.REPLY, channel)
                .route(Address.Kind.GROUP, channel), new RateLimiter(clock), RetryPolicy.DEFAULT, clock, "t",
                Duration.ofSeconds(60), 10);
    }

    @AfterEach
    void tearDown() throws Exception {
        connection.close();
        wecom.stop(1000);
        storage.close();
    }

    @Test
    void aFileReply_isUploadedInChunks_andSentOnTheCallbacksReqId() {
        storage.replyRoutes().remember(new ReplyRoute("msg-1", "aibot-ws", "req-cb-1", "chat-leaders", "group",
                clock.instant()));
        byte[] xlsx = new byte[700_000];
        new Random(3).nextBytes(xlsx);
        long id = storage.outbox().enqueue(OutboundMessage.file(Address.reply("msg-1"), "台账.xlsx", xlsx, "r1"),
                clock.instant()).orElseThrow().id();
        drainer.drainOnce();
        assertThat(storage.outbox().find(id).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
        JsonNode respond = wecom.frames("aibot_respond_msg").get(0);
        assertThat(respond.path("headers").path("req_id").asText()).isEqualTo("req-cb-1");
        assertThat(respond.path("body").path("msgtype").asText()).isEqualTo("file");
        String mediaId = respond.path("body").path("file").path("media_id").asText();
        assertThat(wecom.uploads.get(mediaId).bytes()).isEqualTo(xlsx);
        assertThat(wecom.frames("aibot_upload_media_chunk")).hasSize(2);
    }

    @Test
    void aPictureToAGroup_isPushedWithItsMediaId() {
        byte[] png = new byte[5000];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        storage.outbox().enqueue(OutboundMessage.image(Address.group("chat-leaders"), png, "p1"), clock.instant());
        drainer.drainOnce();
        JsonNode push = wecom.frames("aibot_send_msg").get(0).path("body");
        assertThat(push.path("chatid").asText()).isEqualTo("chat-leaders");
        assertThat(push.path("chat_type").asInt()).isEqualTo(2);
        assertThat(push.path("msgtype").asText()).isEqualTo("image");
        assertThat(wecom.uploads.get(push.path("image").path("media_id").asText()).type()).isEqualTo("image");
    }
}
