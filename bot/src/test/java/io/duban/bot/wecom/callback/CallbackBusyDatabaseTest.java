package io.duban.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.App;
import io.duban.bot.engine.GroupCommit;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.wecom.LogCapture;
import io.duban.bot.wecom.crypto.WeComCrypto;
import io.duban.config.ConfigDirectory;
import io.duban.storage.Storage;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another program holds the database's write lock (a backup, a long export from the command line) longer than a
 * callback may wait: the callback is answered 500 in time, so that WeCom sends it again, with one plain log line; the
 * retry after the lock is gone is stored and answered. The HTTP threads are never the ones that wait.
 */
class CallbackBusyDatabaseTest {
    private static final String ROBOT_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @TempDir
    Path dir;

    @Test
    void aWriteLockHeldElsewhere_isAnswered500_andWeComsRetryIsStoredAndAnswered() throws Exception {
        MutableClock clock = MutableClock.at("2023-10-09T09:00+08:00");
        WeComCrypto robot = new WeComCrypto("robotToken", ROBOT_KEY, "");
        Path file = dir.resolve("duban.db");
        try (App bot = new App(dir, ConfigDirectory.load(Path.of("../config"), name -> null),
                Storage.open("jdbc:sqlite:" + file), clock, Map.of());
             GroupCommit commits = new GroupCommit(bot.engine(), bot.storage(), Duration.ofMillis(300));
             CallbackServer server = CallbackServer.builder()
                     .bind(new InetSocketAddress("127.0.0.1", 0))
                     .robot("/wecom/robot", robot)
                     .clock(clock)
                     .inbound(commits)
                     .build()
                     .start()) {
            FakeWeCom wecom = new FakeWeCom("http://127.0.0.1:" + server.address().getPort());
            FakeWeCom.Signed delivery = FakeWeCom.robotJson(robot, "{\"msgid\":\"r-1\",\"aibotid\":\"A\","
                    + "\"chatid\":\"wr-demo-ngk\",\"chattype\":\"group\",\"from\":{\"userid\":\"liuyang\"},"
                    + "\"response_url\":\"https://example.invalid/r\",\"msgtype\":\"text\","
                    + "\"text\":{\"content\":\"@督办助手 12 60% 本周进展\"}}",
                    String.valueOf(clock.instant().getEpochSecond()), "21");

            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement lock = other.createStatement();
                 LogCapture log = new LogCapture()) {
                lock.execute("BEGIN IMMEDIATE");
                HttpResponse<String> refused = wecom.post("/wecom/robot" + delivery.query(), delivery.body());
                lock.execute("ROLLBACK");

                assertThat(refused.statusCode()).isEqualTo(500);
                List<String> lines = log.text().lines().filter(l -> l.contains("message r-1 not stored")).toList();
                assertThat(lines).hasSize(1);
                assertThat(lines.get(0)).contains("callback wecom-callback").contains("the database is busy")
                        .contains("answering 500 so that WeCom retries");
                assertThat(log.text()).doesNotContain("\tat ").doesNotContain(ROBOT_KEY).doesNotContain("robotToken");
            }

            HttpResponse<String> retry = wecom.post("/wecom/robot" + delivery.query(), delivery.body());
            assertThat(retry.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> bot.storage().inbound().countUnanswered() == 0);
            assertThat(bot.storage().inbound().count()).as("one message, stored once").isEqualTo(1);
        }
    }
}
