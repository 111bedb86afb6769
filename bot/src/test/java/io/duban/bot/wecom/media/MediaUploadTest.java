package io.duban.bot.wecom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.outbox.SendResult;
import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.FakeWeComApi;
import io.duban.bot.testing.ManualScheduler;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.wecom.ApiResult;
import io.duban.bot.wecom.app.AppCredentials;
import io.duban.bot.wecom.app.WeComAppClient;
import io.duban.bot.wecom.webhook.WebhookClient;
import io.duban.bot.wecom.ws.ConnectionState;
import io.duban.bot.wecom.ws.LongConnection;
import io.duban.bot.wecom.ws.LongConnectionConfig;
import io.duban.bot.wecom.ws.RobotMediaUploader;
import io.duban.bot.wecom.ws.WsFrame;
import io.duban.storage.Storage;
import io.duban.storage.model.FileContent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three WeCom uploads against the fakes on loopback: limits, errors, and the three-day reuse of media ids. */
class MediaUploadTest {
    private static final String KEY = "hook-key-0001";
    private static final AppCredentials APP = new AppCredentials(FakeWeComApi.CORP_ID, 1000002L,
            FakeWeComApi.APP_SECRET);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-16T01:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private FakeWeComApi api() throws Exception {
        FakeWeComApi api = new FakeWeComApi(KEY);
        open.add(api);
        return api;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static OkHttpClient http() {
        return new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void webhook_uploadsTheFile_thenAFileMessageCarriesItsMediaId() throws Exception {
        FakeWeComApi api = api();
        WebhookClient client = new WebhookClient(http(), api.base());
        FileContent file = new FileContent("台账-2023-10-16.xlsx", bytes(40_000));
        MediaUpload up = client.uploadFile(KEY, file);
        assertThat(up).isInstanceOf(MediaUpload.Uploaded.class);
        String mediaId = ((MediaUpload.Uploaded) up).mediaId();
        assertThat(api.upload(mediaId).orElseThrow().fileName()).isEqualTo("台账-2023-10-16.xlsx");
        assertThat(api.upload(mediaId).orElseThrow().bytes()).isEqualTo(file.bytes());

        ObjectNode message = JsonNodeFactory.instance.objectNode().put("msgtype", "file");
        message.putObject("file").put("media_id", mediaId);
        assertThat(client.send(KEY, message)).isInstanceOf(SendResult.Ok.class);
        assertThat(api.uploadOf(api.sent("file").get(0)).bytes()).isEqualTo(file.bytes());

        ObjectNode unknown = JsonNodeFactory.instance.objectNode().put("msgtype", "file");
        unknown.putObject("file").put("media_id", "nope");
        assertThat(client.send(KEY, unknown)).isEqualTo(SendResult.failed("errcode 40007: invalid media_id"));
    }

    @Test
    void webhook_refusesTooSmallFilesBeforeCalling_andReportsBadKeysAndBusyServers() throws Exception {
        FakeWeComApi api = api();
        WebhookClient client = new WebhookClient(http(), api.base());
        MediaUpload tiny = client.uploadFile(KEY, new FileContent("a.txt", bytes(5)));
        assertThat(tiny).isInstanceOf(MediaUpload.NotUploaded.class);
        assertThat(((MediaUpload.NotUploaded) tiny).why()).isInstanceOf(SendResult.Failed.class);
        assertThat(api.uploadCalls).hasValue(0);

        MediaUpload badKey = client.uploadFile("wrong-key", new FileContent("a.xlsx", bytes(100)));
        assertThat(((MediaUpload.NotUploaded) badKey).why()).isInstanceOf(SendResult.Failed.class)
                .extracting(Object::toString).asString().contains("93000").doesNotContain("wrong-key");

        api.errcodes.put("/cgi-bin/webhook/upload_media", new ArrayList<>(List.of(-1)));
        MediaUpload busy = client.uploadFile(KEY, new FileContent("a.xlsx", bytes(100)));
        assertThat(((MediaUpload.NotUploaded) busy).why()).isInstanceOf(SendResult.Retry.class);
        assertThat(client.uploadFile(KEY, new FileContent("a.xlsx", bytes(100))))
                .isInstanceOf(MediaUpload.Uploaded.class);
    }

    @Test
    void app_uploadsAPicture_andSendsIt_refetchingAnExpiredToken() throws Exception {
        FakeWeComApi api = api();
        WeComAppClient client = new WeComAppClient(http(), HttpUrl.get(api.base()), APP, clock);
        byte[] png = new byte[1000];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[2] = 'N';
        png[3] = 'G';
        MediaUpload up = client.uploadMedia(MediaKind.IMAGE, new FileContent("周报.png", png));
        String mediaId = ((MediaUpload.Uploaded) up).mediaId();
        api.expireToken();
        assertThat(client.sendMedia("zhouhui", MediaKind.IMAGE, mediaId)).isInstanceOf(ApiResult.Ok.class);
        FakeWeComApi.Sent sent = api.sent("image").get(0);
        assertThat(sent.body().path("touser").asText()).isEqualTo("zhouhui");
        assertThat(api.uploadOf(sent).bytes()).isEqualTo(png);

        MediaUpload notAPicture = client.uploadMedia(MediaKind.IMAGE, new FileContent("x.png", bytes(1000)));
        assertThat(((MediaUpload.NotUploaded) notAPicture).why().toString()).contains("40005");
        MediaUpload tooBig = client.uploadMedia(MediaKind.IMAGE, new FileContent("big.png", bytes(2 * 1024 * 1024 + 1)));
        assertThat(((MediaUpload.NotUploaded) tooBig).why()).isInstanceOf(SendResult.Failed.class);
    }

    @Test
    void robot_uploadsInChunksOverTheLongConnection() throws Exception {
        FakeWeCom wecom = FakeWeCom.startOnLoopback();
        open.add(() -> wecom.stop(1000));
        LongConnection connection = new LongConnection(LongConnectionConfig.standard(wecom.url(), FakeWeCom.BOT_ID,
                FakeWeCom.SECRET, Optional.empty()), new LongConnection.Listener() {
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
        open.add(connection);
        connection.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.state() == ConnectionState.ONLINE);
        RobotMediaUploader uploader = new RobotMediaUploader(connection, Duration.ofSeconds(5));

        FileContent file = new FileContent("台账.xlsx", bytes(1_200_000));   // three chunks of at most 512 KB
        MediaUpload up = uploader.upload(MediaKind.FILE, file);
        String mediaId = ((MediaUpload.Uploaded) up).mediaId();
        assertThat(wecom.uploads.get(mediaId).bytes()).isEqualTo(file.bytes());
        assertThat(wecom.uploads.get(mediaId).fileName()).isEqualTo("台账.xlsx");
        assertThat(wecom.frames(RobotMediaUploader.CHUNK)).hasSize(3);
        assertThat(wecom.frames(RobotMediaUploader.INIT).get(0).path("body").path("total_chunks").asInt()).isEqualTo(3);

        wecom.errcodes.put(RobotMediaUploader.CHUNK, new ArrayList<>(List.of(45009)));
        MediaUpload limited = uploader.upload(MediaKind.FILE, file);
        assertThat(((MediaUpload.NotUploaded) limited).why()).isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void mediaIds_areReusedForThreeDays_thenUploadedAgain() throws Exception {
        FakeWeComApi api = api();
        WebhookClient client = new WebhookClient(http(), api.base());
        try (Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"))) {
            MediaCache cache = new MediaCache(storage.mediaUploads(), clock);
            FileContent file = new FileContent("台账.xlsx", bytes(3000));
            AtomicInteger uploads = new AtomicInteger();
            java.util.function.Supplier<MediaUpload> upload = () -> {
                uploads.incrementAndGet();
                return client.uploadFile(KEY, file);
            };
            String first = ((MediaUpload.Uploaded) cache.mediaId("webhook:k", file, upload)).mediaId();
            clock.advance(Duration.ofHours(70));
            assertThat(((MediaUpload.Uploaded) cache.mediaId("webhook:k", file, upload)).mediaId()).isEqualTo(first);
            assertThat(uploads).hasValue(1);
            clock.advance(Duration.ofHours(2));
            String second = ((MediaUpload.Uploaded) cache.mediaId("webhook:k", file, upload)).mediaId();
            assertThat(second).isNotEqualTo(first);
            assertThat(uploads).hasValue(2);
            // another channel never borrows this robot's id
            cache.mediaId("aibot", file, upload);
            assertThat(uploads).hasValue(3);
        }
    }
}
