package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.FakeWeComApi;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.app.AppSettings;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 导出 and 图表 where the user is, through the wired server and the fakes on loopback: in a group with a webhook
 * (upload_media, then file), in a conversation with the intelligent robot (chunked upload on the long connection),
 * and privately through the self-built app (media/upload). The bytes that arrive are a workbook with 19 task rows,
 * or a PNG under WeCom's 2 MB.
 */
class FilesInTheChatTest {
    private static final String BGS_KEY = "bgs-hook-key-0001";

    @TempDir
    Path dir;

    private TestBot bot;
    private WeComServer server;
    private final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
        if (bot != null) {
            bot.close();
        }
    }

    private FakeWeComApi api() throws Exception {
        FakeWeComApi api = new FakeWeComApi(BGS_KEY);
        open.add(api);
        return api;
    }

    private void serve(Map<String, String> env) {
        WeComSettings settings = WeComSettings.from(null, env);
        AppSettings app = AppSettings.read(null, env::get);
        server = new WeComServer(bot.app.storage(), bot.clock, settings,
                app.enabled() ? Optional.of(app) : Optional.empty(), bot.app.engine(), dir.resolve("status.json"));
        server.start();
    }

    private static int taskRows(byte[] xlsx) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getSheet("台账").getLastRowNum();
        }
    }

    @Test
    void inAGroupWithAWebhook_theWorkbookAndTheChartArriveThroughTheWebhook() throws Exception {
        FakeWeComApi api = api();
        Map<String, String> env = Map.of("WECOM_API_BASE", api.base(), "WECOM_WEBHOOK_WR_DEMO_BGS", BGS_KEY);
        bot = new TestBot(dir, MutableClock.at("2023-10-16T09:00+08:00"), List.of(), env);
        String answer = bot.say("zhouhui", "wr-demo-bgs", "导出");
        assertThat(answer).startsWith("台账（19 项任务，截至 10月16日 09:00）随后发到本聊天：台账-2023-10-16.xlsx")
                .doesNotContain("/", "data");
        assertThat(bot.say("lizhiguo", "wr-demo-bgs", "图表")).contains("推进情况图随后发到本聊天");
        serve(env);
        server.pump().nudge();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.sent("file").size() == 1 && api.sent("image").size() == 1);
        FakeWeComApi.Upload file = api.uploadOf(api.sent("file").get(0));
        assertThat(file.fileName()).isEqualTo("台账-2023-10-16.xlsx");
        assertThat(taskRows(file.bytes())).isEqualTo(19);
        assertThat(api.sent("file").get(0).owner()).isEqualTo(BGS_KEY);
        byte[] png = Base64.getDecoder().decode(api.sent("image").get(0).body().path("image").path("base64").asText());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).isLessThan(2 * 1024 * 1024);
    }

    @Test
    void inARobotConversation_theWorkbookIsUploadedInChunksAndSentAsTheReply() throws Exception {
        FakeWeCom wecom = FakeWeCom.startOnLoopback();
        open.add(() -> wecom.stop(1000));
        Map<String, String> env = Map.of("WECOM_BOT_ID", FakeWeCom.BOT_ID, "WECOM_BOT_SECRET", FakeWeCom.SECRET,
                "WECOM_WS_URL", wecom.url().toString());
        bot = new TestBot(dir, MutableClock.at("2023-10-16T09:00+08:00"), List.of(), env);
        serve(env);
        await().atMost(Duration.ofSeconds(10)).until(() -> wecom.subscriptions.get() == 1);
        wecom.sendText("m-export", "group", "wr-demo-leaders", "zhouhui", "@督办助手 导出 2023-W41", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> wecom.frames("aibot_respond_msg").size() == 2);
        List<JsonNode> replies = wecom.frames("aibot_respond_msg");
        assertThat(replies.get(0).path("body").path("markdown").path("content").asText())
                .contains("台账（19 项任务，截至 10月15日 23:59）随后发到本聊天：台账-截至2023-W41.xlsx");
        JsonNode file = replies.get(1).path("body");
        assertThat(file.path("msgtype").asText()).isEqualTo("file");
        FakeWeCom.Upload upload = wecom.uploads.get(file.path("file").path("media_id").asText());
        assertThat(upload.fileName()).isEqualTo("台账-截至2023-W41.xlsx");
        assertThat(taskRows(upload.bytes())).isEqualTo(19);
        assertThat(replies.get(1).path("headers").path("req_id").asText())
                .isEqualTo(replies.get(0).path("headers").path("req_id").asText());
    }

    @Test
    void inAPrivateChat_theAppSendsTheWorkbook_andWithoutAnyDoorTheAnswerNamesTheSetting() throws Exception {
        FakeWeComApi api = api();
        Map<String, String> env = new HashMap<>(Map.of("WECOM_API_BASE", api.base(),
                "WECOM_CORP_ID", FakeWeComApi.CORP_ID, "WECOM_AGENT_ID", "1000002",
                "WECOM_AGENT_SECRET", FakeWeComApi.APP_SECRET));
        bot = new TestBot(dir, MutableClock.at("2023-10-16T09:00+08:00"), List.of(), env);
        assertThat(bot.say("zhouhui", "导出")).contains("已私信发给您");
        assertThat(bot.say("zhouhui", "wr-demo-ngk", "导出"))
                .startsWith("台账暂时无法发送：本群还不能接收文件").contains("WECOM_WEBHOOK_WR_DEMO_NGK")
                .doesNotContain("data/", ".xlsx");
        serve(env);
        server.pump().nudge();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.sent("file").size() == 1);
        FakeWeComApi.Sent sent = api.sent("file").get(0);
        assertThat(sent.body().path("touser").asText()).isEqualTo("zhouhui");
        assertThat(taskRows(api.uploadOf(sent).bytes())).isEqualTo(19);
    }
}
