package io.duban.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.FakeWeComApi;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.wecom.app.AppChannel;
import io.duban.bot.wecom.app.AppCredentials;
import io.duban.bot.wecom.app.WeComAppClient;
import io.duban.bot.wecom.media.MediaCache;
import io.duban.bot.wecom.webhook.WebhookChannel;
import io.duban.bot.wecom.webhook.WebhookClient;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File and image messages go through the outbox like any other: stored first, retried, never lost or repeated. */
class FileMessageOutboxTest {
    private static final String KEY = "hook-key-aaaa";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-16T01:00:00Z"));
    private FakeWeComApi api;
    private Storage storage;
    private OutboxDrainer drainer;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeWeComApi(KEY);
        storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"));
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        MediaCache media = new MediaCache(storage.mediaUploads(), clock);
        WebhookChannel webhooks = new WebhookChannel(new WebhookClient(http, api.base()),
                chat -> Optional.ofNullable(Map.of("chat-office", KEY).get(chat)), WebhookChannel.LIMITS,
                Optional.of(media));
        AppChannel app = new AppChannel(new WeComAppClient(http, HttpUrl.get(api.base()),
                new AppCredentials(FakeWeComApi.CORP_ID, 1000002L, FakeWeComApi.APP_SECRET), clock),
                Optional.of(media), "app:" + FakeWeComApi.CORP_ID);
        ChannelRouter router = new ChannelRouter().route(Address.Kind.GROUP, webhooks).route(Address.Kind.PERSON, app);
        drainer = new OutboxDrainer(storage.outbox(), router, new RateLimiter(clock), RetryPolicy.DEFAULT, clock,
                "test", Duration.ofSeconds(60), 50);
    }

    @AfterEach
    void tearDown() {
        api.close();
        storage.close();
    }

    private static byte[] workbook() {
        byte[] b = new byte[30_000];
        new Random(7).nextBytes(b);
        b[0] = 'P';
        b[1] = 'K';
        return b;
    }

    private OutboxEntry enqueue(OutboundMessage m) {
        return storage.outbox().enqueue(m, clock.instant()).orElseThrow();
    }

    @Test
    void aFileToAGroup_isUploadedThenSent_andTheSameFileLaterReusesTheMediaId() {
        byte[] xlsx = workbook();
        long id = enqueue(OutboundMessage.file(Address.group("chat-office"), "台账-2023-10-16.xlsx", xlsx, "k1")).id();
        drainer.drainOnce();
        assertThat(storage.outbox().find(id).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
        FakeWeComApi.Upload got = api.uploadOf(api.sent("file").get(0));
        assertThat(got.bytes()).isEqualTo(xlsx);
        assertThat(got.fileName()).isEqualTo("台账-2023-10-16.xlsx");

        clock.advance(Duration.ofDays(1));
        enqueue(OutboundMessage.file(Address.group("chat-office"), "台账-2023-10-16.xlsx", xlsx, "k2"));
        drainer.drainOnce();
        assertThat(api.sent("file")).hasSize(2);
        assertThat(api.uploadCalls).hasValue(1);
    }

    @Test
    void aFailedUpload_isRetriedLater_andNothingIsLost() {
        api.errcodes.put("/cgi-bin/webhook/upload_media", new ArrayList<>(List.of(-1)));
        long id = enqueue(OutboundMessage.file(Address.group("chat-office"), "台账.xlsx", workbook(), "k1")).id();
        drainer.drainOnce();
        OutboxEntry row = storage.outbox().find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(api.sent("file")).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        drainer.drainOnce();
        assertThat(storage.outbox().find(id).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(api.sent("file")).hasSize(1);
    }

    @Test
    void anExpiredMediaId_isUploadedAgain() {
        byte[] xlsx = workbook();
        enqueue(OutboundMessage.file(Address.group("chat-office"), "台账.xlsx", xlsx, "k1"));
        drainer.drainOnce();
        clock.advance(Duration.ofDays(3));
        enqueue(OutboundMessage.file(Address.group("chat-office"), "台账.xlsx", xlsx, "k2"));
        drainer.drainOnce();
        assertThat(api.uploadCalls).hasValue(2);
        assertThat(api.sent("file")).hasSize(2);
    }

    @Test
    void aFileAndAPictureToAPerson_goThroughTheAppsMediaUpload() {
        byte[] xlsx = workbook();
        byte[] png = new byte[4000];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[2] = 'N';
        png[3] = 'G';
        enqueue(OutboundMessage.file(Address.person("zhouhui"), "台账.xlsx", xlsx, "k1"));
        enqueue(OutboundMessage.image(Address.person("zhouhui"), png, "k2"));
        drainer.drainOnce();
        assertThat(api.uploadOf(api.sent("file").get(0)).bytes()).isEqualTo(xlsx);
        assertThat(api.uploadOf(api.sent("image").get(0)).bytes()).isEqualTo(png);
        assertThat(api.sent("file").get(0).body().path("touser").asText()).isEqualTo("zhouhui");
    }

    @Test
    void aTooLargeFile_failsForGoodWithAReason() {
        long id = enqueue(OutboundMessage.file(Address.group("chat-office"), "big.xlsx",
                new byte[20 * 1024 * 1024 + 1], "k1")).id();
        drainer.drainOnce();
        OutboxEntry row = storage.outbox().find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(row.lastError().orElseThrow()).contains("big.xlsx", "at most");
        assertThat(api.uploadCalls).hasValue(0);
    }
}
