package io.duban.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.App;
import io.duban.bot.engine.GroupCommit;
import io.duban.bot.engine.StorageProblems;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.wecom.LogCapture;
import io.duban.bot.wecom.crypto.WeComCrypto;
import io.duban.config.ConfigDirectory;
import io.duban.storage.Storage;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.2 over the HTTP callback: when a message cannot be stored (here its SQLite file was deleted while
 * serving), WeCom gets a 200 whose encrypted passive reply tells the sender to send again, the log says why in one
 * plain line without secrets, and the fault is noted for {@code ./duban status}. Robot (JSON) and app (XML) alike.
 */
class CallbackStorageFaultTest {
    private static final String CORP = "ww1234567890abcdef";
    private static final String ROBOT_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2023-10-09T09:00+08:00");
    private final WeComCrypto robot = new WeComCrypto("robotToken", ROBOT_KEY, "");
    private final WeComCrypto app = new WeComCrypto("appToken", APP_KEY, CORP);
    private Path file;
    private App bot;
    private GroupCommit commits;
    private CallbackServer server;
    private FakeWeCom wecom;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("duban.db");
        startOn("jdbc:sqlite:" + file);
    }

    private void startOn(String url) {
        bot = new App(dir, ConfigDirectory.load(Path.of("../config"), name -> null), Storage.open(url), clock,
                Map.of());
        commits = new GroupCommit(bot.engine(), bot.storage());
        server = CallbackServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .robot("/wecom/robot", robot)
                .app("/wecom/app", app)
                .clock(clock)
                .inbound(commits) // as serve wires it: stored in group commits before each 200
                .onStorageFault(bot.engine().storageProblems()::report)
                .afterAnswer(() -> { })
                .build()
                .start();
        wecom = new FakeWeCom("http://127.0.0.1:" + server.address().getPort());
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            server.close();
            commits.close();
            bot.close();
            bot = null;
        }
    }

    private String timestamp() {
        return String.valueOf(clock.instant().getEpochSecond());
    }

    private String robotMessage(String id, String text) {
        return "{\"msgid\":\"" + id + "\",\"aibotid\":\"A\",\"chatid\":\"wr-demo-ngk\",\"chattype\":\"group\","
                + "\"from\":{\"userid\":\"liuyang\"},\"response_url\":\"https://example.invalid/r\","
                + "\"msgtype\":\"text\",\"text\":{\"content\":\"" + text + "\"}}";
    }

    @Test
    void robot_theDatabaseFileDeleted_theSenderIsToldInTheEncryptedJsonReply() throws Exception {
        FakeWeCom.Signed first = FakeWeCom.robotJson(robot, robotMessage("r-1", "@督办助手 12 60% 本周进展"),
                timestamp(), "11");
        assertThat(wecom.post("/wecom/robot" + first.query(), first.body()).statusCode()).isEqualTo(200);
        assertThat(bot.storage().inbound().count()).isEqualTo(1);
        await().until(() -> bot.storage().inbound().countUnanswered() == 0); // its answer written before the delete
        Files.delete(file);

        try (LogCapture log = new LogCapture()) {
            FakeWeCom.Signed s = FakeWeCom.robotJson(robot, robotMessage("r-2", "@督办助手 12 70% 本周进展"),
                    timestamp(), "12");
            HttpResponse<String> response = wecom.post("/wecom/robot" + s.query(), s.body());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            JsonNode envelope = JSON.readTree(response.body());
            assertThat(envelope.path("timestamp").asText()).isEqualTo(timestamp());
            assertThat(envelope.path("nonce").asText()).isEqualTo("12");
            String plain = robot.verifyAndDecrypt(envelope.path("msgsignature").asText(),
                    envelope.path("timestamp").asText(), envelope.path("nonce").asText(),
                    envelope.path("encrypt").asText());
            JsonNode reply = JSON.readTree(plain);
            assertThat(reply.path("msgtype").asText()).isEqualTo("stream");
            assertThat(reply.path("stream").path("finish").asBoolean()).isTrue();
            assertThat(reply.path("stream").path("content").asText()).isEqualTo(StorageProblems.CANNOT_STORE);

            assertLogged(log.text(), "wecom-callback", "r-2");
        }
        assertThat(bot.engine().storageProblems().last()).hasValueSatisfying(
                p -> assertThat(p.line()).startsWith("cannot store in " + file + ": the database file is missing"));
        assertThat(Files.exists(file)).as("nothing wrote a new, empty database in its place").isFalse();
    }

    @Test
    void app_theDatabaseFileDeleted_theSenderIsToldInTheEncryptedXmlReply() throws Exception {
        FakeWeCom.Signed first = FakeWeCom.appXml(app, appMessage("7301234567890123455", "我的任务"), timestamp(), "20");
        assertThat(wecom.post("/wecom/app" + first.query(), first.body()).statusCode()).isEqualTo(200);
        assertThat(bot.storage().inbound().count()).isEqualTo(1);
        await().until(() -> bot.storage().inbound().countUnanswered() == 0); // its answer written before the delete
        Files.delete(file);
        try (LogCapture log = new LogCapture()) {
            FakeWeCom.Signed s = FakeWeCom.appXml(app, appMessage("7301234567890123456", "12 60% 本周进展"),
                    timestamp(), "21");
            HttpResponse<String> response = wecom.post("/wecom/app" + s.query(), s.body());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/xml"));
            String body = response.body();
            String plain = app.verifyAndDecrypt(tag(body, "MsgSignature"), tag(body, "TimeStamp"),
                    tag(body, "Nonce"), tag(body, "Encrypt"));
            assertThat(tag(plain, "ToUserName")).isEqualTo("liuyang");
            assertThat(tag(plain, "FromUserName")).isEqualTo(CORP);
            assertThat(tag(plain, "MsgType")).isEqualTo("text");
            assertThat(tag(plain, "Content")).isEqualTo(StorageProblems.CANNOT_STORE);
            assertThat(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);

            assertLogged(log.text(), "wecom-app", "7301234567890123456");
        }
        assertThat(bot.engine().storageProblems().last()).isPresent();
        assertThat(Files.exists(file)).as("nothing wrote a new, empty database in its place").isFalse();
    }

    private String appMessage(String msgId, String text) {
        return "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName>"
                + "<FromUserName><![CDATA[liuyang]]></FromUserName><CreateTime>" + timestamp() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text + "]]></Content>"
                + "<MsgId>" + msgId + "</MsgId><AgentID>1000002</AgentID></xml>";
    }

    @Test
    void app_aFullDisk_theSenderIsToldInTheEncryptedXmlReply_andTheStatusShowsDiskFull() throws Exception {
        stop();
        Path full = dir.resolve("full.db");
        long pages;
        try (Storage storage = Storage.open("jdbc:sqlite:" + full)) {
            pages = storage.database().jdbi().withHandle(h -> h.createQuery("PRAGMA page_count").mapTo(Long.class)
                    .one());
        }
        // a page limit just above the database's size stands in for a full disk (SQLite answers SQLITE_FULL alike)
        file = full;
        startOn("jdbc:sqlite:" + full + "?max_page_count=" + (pages + 8));
        String big = "12 60% " + "本周进展很长".repeat(600);
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> refused = null;
            String refusedId = null;
            for (int i = 0; i < 40 && refused == null; i++) {
                String msgId = String.valueOf(7301234567890100000L + i);
                FakeWeCom.Signed s = FakeWeCom.appXml(app, appMessage(msgId, big), timestamp(), "3" + i);
                HttpResponse<String> response = wecom.post("/wecom/app" + s.query(), s.body());
                assertThat(response.statusCode()).isEqualTo(200);
                if (!response.body().isEmpty()) {
                    refused = response;
                    refusedId = msgId;
                }
            }
            assertThat(refused).as("the database filled up").isNotNull();
            String body = refused.body();
            String plain = app.verifyAndDecrypt(tag(body, "MsgSignature"), tag(body, "TimeStamp"),
                    tag(body, "Nonce"), tag(body, "Encrypt"));
            assertThat(tag(plain, "Content")).isEqualTo(StorageProblems.CANNOT_STORE);
            String needle = "message " + refusedId + " not stored";
            List<String> lines = log.text().lines().filter(l -> l.contains(needle)).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("callback wecom-app").contains("the disk is full")
                    .contains(full.toString());
            assertThat(log.text()).doesNotContain("\tat ").doesNotContain(APP_KEY).doesNotContain("appToken");
        }
        assertThat(bot.engine().storageProblems().last()).hasValueSatisfying(
                p -> assertThat(p.line()).contains("the disk is full"));
    }

    /** One plain line for the message: the transport, the message id, the cause; no stack trace, no secrets. */
    private void assertLogged(String log, String transport, String messageId) {
        List<String> lines = log.lines().filter(l -> l.contains("message " + messageId + " not stored")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("callback " + transport)
                .contains("cannot store in " + file + ": the database file is missing")
                .contains("the sender was told");
        assertThat(log).doesNotContain("\tat ").doesNotContain(ROBOT_KEY).doesNotContain(APP_KEY)
                .doesNotContain("robotToken").doesNotContain("appToken");
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</" + name + ">",
                Pattern.DOTALL).matcher(xml);
        assertThat(m.find()).as(name + " in " + xml).isTrue();
        return m.group(1);
    }
}
