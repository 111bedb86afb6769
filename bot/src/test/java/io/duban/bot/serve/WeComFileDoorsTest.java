package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.FileTarget;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.wecom.callback.CallbackServer;
import io.duban.bot.wecom.ws.CallbackMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which door carries a file back, for each transport and chat, and what the answer says when none can. */
class WeComFileDoorsTest {
    private static final Map<String, String> BOT = Map.of("WECOM_BOT_ID", "aib1", "WECOM_BOT_SECRET", "s");
    private static final Map<String, String> APP = Map.of("WECOM_CORP_ID", "wwcorp", "WECOM_AGENT_ID", "1000002",
            "WECOM_AGENT_SECRET", "secret");

    private static InboundMessage group(String transport, String chat) {
        return new InboundMessage("m1", transport, "zhouhui", ChatType.GROUP, Optional.of(chat), "导出",
                Optional.empty(), Instant.EPOCH);
    }

    private static InboundMessage direct(String transport) {
        return new InboundMessage("m1", transport, "zhouhui", ChatType.DIRECT, Optional.empty(), "导出",
                Optional.empty(), Instant.EPOCH);
    }

    private static FileTarget door(Map<String, String> env, InboundMessage m) {
        return WeComFileDoors.of(null, env).forAnswerTo(m);
    }

    @Test
    void aGroupWithAWebhookKey_getsItThroughTheWebhook_evenWhenTheRobotHeardIt() {
        Map<String, String> env = new java.util.HashMap<>(BOT);
        env.put("WECOM_WEBHOOK_WR_DEMO_BGS", "key");
        assertThat(door(env, group(CallbackMapper.TRANSPORT, "wr-demo-bgs")))
                .isEqualTo(new FileTarget.Group("wr-demo-bgs"));
        assertThat(door(env, group(CallbackServer.ROBOT_TRANSPORT, "wr-demo-bgs")))
                .isEqualTo(new FileTarget.Group("wr-demo-bgs"));
    }

    @Test
    void withoutAWebhook_theLongConnectionAnswersWithTheFile_theCallbackCannot() {
        assertThat(door(BOT, group(CallbackMapper.TRANSPORT, "wr-demo-ngk"))).isEqualTo(new FileTarget.AsReply());
        FileTarget callback = door(Map.of(), group(CallbackServer.ROBOT_TRANSPORT, "wr-demo-ngk"));
        assertThat(callback).isInstanceOf(FileTarget.Missing.class);
        assertThat(((FileTarget.Missing) callback).explanation()).contains("wecom.webhooks.wr-demo-ngk",
                "WECOM_WEBHOOK_WR_DEMO_NGK", "WECOM_BOT_ID");
    }

    @Test
    void privately_theRobotOrTheAppCarriesIt_elseTheAnswerNamesBothSettings() {
        assertThat(door(BOT, direct(CallbackMapper.TRANSPORT))).isEqualTo(new FileTarget.AsReply());
        assertThat(door(APP, direct(CallbackServer.APP_TRANSPORT))).isEqualTo(new FileTarget.AsReply());
        assertThat(door(APP, direct(CallbackServer.ROBOT_TRANSPORT))).isEqualTo(new FileTarget.Person("zhouhui"));
        FileTarget none = door(Map.of(), direct("console"));
        assertThat(((FileTarget.Missing) none).explanation()).contains("WECOM_AGENT_ID", "WECOM_BOT_ID")
                .doesNotContain("/data", "secret");
    }
}
