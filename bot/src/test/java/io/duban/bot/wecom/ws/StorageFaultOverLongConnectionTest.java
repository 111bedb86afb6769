package io.duban.bot.wecom.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.bot.App;
import io.duban.bot.engine.StorageProblems;
import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.ManualScheduler;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.wecom.LogCapture;
import io.duban.config.ConfigDirectory;
import io.duban.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.2 over the long connection: when a message cannot be stored (disk full, database file deleted), the
 * sender is told so at once on the callback's own req_id, the log says why in one plain line, and nothing is
 * answered "已记录".
 */
class StorageFaultOverLongConnectionTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2023-10-09T09:00+08:00");
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private FakeWeCom wecom;
    private App app;
    private LongConnection connection;

    private void start(String url) throws Exception {
        app = new App(dir, ConfigDirectory.load(Path.of("../config"), name -> null), Storage.open(url), clock, Map.of());
        wecom = FakeWeCom.startOnLoopback();
        LongConnection[] holder = new LongConnection[1];
        LongConnectionInbound inbound = new LongConnectionInbound(app.engine(), () -> { }, clock, worker,
                () -> holder[0]);
        connection = new LongConnection(LongConnectionConfig.standard(wecom.url(), FakeWeCom.BOT_ID,
                FakeWeCom.SECRET, Optional.empty()), inbound, new ManualScheduler(clock), clock);
        holder[0] = connection;
        connection.start();
        await().until(() -> connection.state() == ConnectionState.ONLINE);
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        worker.shutdownNow();
        if (wecom != null) {
            wecom.stop(1000);
        }
        if (app != null) {
            app.close();
        }
    }

    private List<JsonNode> directAnswers() {
        return wecom.frames("aibot_respond_msg");
    }

    @Test
    void aFullDisk_theSenderIsToldToSendAgain_andTheLogSaysDiskFullOnce() throws Exception {
        Path file = dir.resolve("full.db");
        long pages;
        try (Storage storage = Storage.open("jdbc:sqlite:" + file)) {
            pages = storage.database().jdbi().withHandle(h -> h.createQuery("PRAGMA page_count").mapTo(Long.class)
                    .one());
        }
        // a page limit just above the database's size stands in for a full disk (SQLite answers SQLITE_FULL alike)
        start("jdbc:sqlite:" + file + "?max_page_count=" + (pages + 8));
        try (LogCapture log = new LogCapture()) {
            String big = "12 60% " + "本周进展很长".repeat(600);
            String failed = null;
            for (int i = 0; i < 40 && failed == null; i++) {
                String reqId = wecom.sendText("big-" + i, "group", "wr-demo-ngk", "liuyang", big, null);
                int before = i;
                await().until(() -> app.storage().inbound().count() > before || !directAnswers().isEmpty());
                if (!directAnswers().isEmpty()) {
                    failed = reqId;
                }
            }
            assertThat(failed).as("the database filled up").isNotNull();
            long storedBefore = app.storage().inbound().count();
            for (int i = 0; i < 3; i++) {
                wecom.sendText("more-" + i, "group", "wr-demo-ngk", "liuyang", big, null);
            }
            // each further message is either told the same or (if SQLite found room again) stored
            await().until(() -> directAnswers().size() + app.storage().inbound().count() - storedBefore == 4);
            assertThat(directAnswers().size()).isGreaterThanOrEqualTo(2);

            JsonNode first = directAnswers().get(0);
            assertThat(first.path("headers").path("req_id").asText()).isEqualTo(failed);
            assertThat(first.path("body").path("markdown").path("content").asText())
                    .isEqualTo(StorageProblems.CANNOT_STORE);
            List<String> lines = log.text().lines().filter(l -> l.contains("the disk is full")).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains(file.toString()).doesNotContain("\tat ");
            assertThat(app.engine().storageProblems().last()).isPresent();
        }
    }

    @Test
    void theDatabaseFileDeletedWhileServing_theBotStopsTakingReports_andSaysSo() throws Exception {
        Path file = dir.resolve("duban.db");
        start("jdbc:sqlite:" + file);
        try (LogCapture log = new LogCapture()) {
            wecom.sendText("before", "group", "wr-demo-ngk", "liuyang", "@督办助手 12 60% 本周进展", null);
            await().until(() -> app.storage().inbound().count() == 1);
            Files.delete(file);

            String reqId = wecom.sendText("after", "group", "wr-demo-ngk", "liuyang", "@督办助手 12 70% 本周进展", null);

            await().until(() -> directAnswers().size() == 1);
            assertThat(directAnswers().get(0).path("headers").path("req_id").asText()).isEqualTo(reqId);
            assertThat(directAnswers().get(0).path("body").path("markdown").path("content").asText())
                    .isEqualTo(StorageProblems.CANNOT_STORE);
            assertThat(log.text()).contains("cannot store in " + file + ": the database file is missing");
        }
        assertThat(Files.exists(file)).as("nothing wrote a new, empty database in its place").isFalse();
    }
}
