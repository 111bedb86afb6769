package io.duban.bot.cli;

import static io.duban.bot.wecom.crypto.OfficialVectors.AES_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.wecom.callback.CallbackServer;
import io.duban.bot.wecom.crypto.WeComCrypto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCheckTest {
    private static final Path CONFIG = Path.of("..", "config");
    private final Map<String, String> env = new HashMap<>();
    private final StringWriter text = new StringWriter();

    private int check(Path dir) {
        return new ConfigCheck(new PrintWriter(text), env).run(dir);
    }

    private int check() {
        return check(CONFIG);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void nothingConfigured_isFine_andSaysWhatIsMissing() {
        assertThat(check()).isZero();
        assertThat(text.toString())
                .contains("计划 plans", "19 项任务", "名册 roster")
                .contains("WECOM_BOT_ID", "WECOM_BOT_SECRET", "未设置 missing")
                .contains("只能用 ./duban chat 本地对话")
                .contains("Result: OK");
    }

    @Test
    void everythingSet_isOk_andSecretsAreMasked() throws Exception {
        env.put("WECOM_BOT_ID", "aibAbCdEfGhIjKlMnOpQrStUv");
        env.put("WECOM_BOT_SECRET", "botSecretValue0123456789");
        env.put("WECOM_ROBOT_CALLBACK_TOKEN", "robotTokenValue");
        env.put("WECOM_ROBOT_CALLBACK_AES_KEY", AES_KEY);
        env.put("WECOM_CALLBACK_TOKEN", "appTokenValue1");
        env.put("WECOM_CALLBACK_AES_KEY", AES_KEY);
        env.put("WECOM_CORP_ID", "ww1234567890abcdef");
        env.put("WECOM_AGENT_ID", "1000002");
        env.put("WECOM_AGENT_SECRET", "agentSecretValue0123456789");
        env.put("WECOM_CALLBACK_LISTEN", "127.0.0.1");
        env.put("WECOM_CALLBACK_PORT", String.valueOf(freePort()));

        assertThat(check()).as(text.toString()).isZero();
        String out = text.toString();
        assertThat(out).contains("jWmY…(43)", "agen…(26)", "robo…(15)", "ww1234567890abcdef", "/wecom/robot",
                "/wecom/app", "bindable", "Result: OK");
        for (String secret : List.of(AES_KEY, "botSecretValue0123456789", "robotTokenValue", "appTokenValue1",
                "agentSecretValue0123456789")) {
            assertThat(out).doesNotContain(secret);
        }
    }

    @Test
    void aKeyOfTheWrongLength_orNotBase64_isAProblem() {
        env.put("WECOM_ROBOT_CALLBACK_TOKEN", "robotTokenValue");
        env.put("WECOM_ROBOT_CALLBACK_AES_KEY", AES_KEY.substring(1));
        env.put("WECOM_CALLBACK_TOKEN", "appTokenValue1");
        env.put("WECOM_CALLBACK_AES_KEY", AES_KEY.substring(1) + "*");
        env.put("WECOM_CORP_ID", "ww1");
        env.put("WECOM_CALLBACK_PORT", "0");

        assertThat(check()).isEqualTo(2);
        assertThat(text.toString())
                .contains("✗ WECOM_ROBOT_CALLBACK_AES_KEY: the EncodingAESKey must be 43 characters, got 42")
                .contains("✗ WECOM_CALLBACK_AES_KEY: the EncodingAESKey is not base64")
                .doesNotContain(AES_KEY.substring(1));
    }

    @Test
    void halfConfiguredReceiversAndApp_listEveryMissingPiece() {
        env.put("WECOM_CALLBACK_TOKEN", "appTokenValue1");
        env.put("WECOM_AGENT_SECRET", "agentSecretValue0123456789");
        env.put("WECOM_AGENT_ID", "abc");
        env.put("WECOM_BOT_ID", "aibAbCdEfGhIjKlMnOpQrStUv");
        env.put("WECOM_CALLBACK_PORT", "0");

        assertThat(check()).isEqualTo(5);
        assertThat(text.toString())
                .contains("✗ WECOM_CALLBACK_AES_KEY is missing")
                .contains("✗ WECOM_CORP_ID is missing (the app callback")
                .contains("✗ WECOM_CORP_ID is missing\n")
                .contains("✗ WECOM_AGENT_ID must be the app's numeric AgentId")
                .contains("✗ 长连接需要同时设置 WECOM_BOT_ID 和 WECOM_BOT_SECRET");
    }

    @Test
    void aPortTakenByAnotherProgram_isAProblem() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            env.put("WECOM_ROBOT_CALLBACK_TOKEN", "robotTokenValue");
            env.put("WECOM_ROBOT_CALLBACK_AES_KEY", AES_KEY);
            env.put("WECOM_CALLBACK_PORT", String.valueOf(taken.getLocalPort()));
            assertThat(check()).isEqualTo(1);
            assertThat(text.toString()).contains("✗ 监听 listen 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aRunningCallbackServerOnThePort_isRecognised() throws Exception {
        try (CallbackServer running = CallbackServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .robot("/wecom/robot", new WeComCrypto("robotTokenValue", AES_KEY, ""))
                .inbound(m -> java.util.Optional.empty())
                .build().start()) {
            env.put("WECOM_ROBOT_CALLBACK_TOKEN", "robotTokenValue");
            env.put("WECOM_ROBOT_CALLBACK_AES_KEY", AES_KEY);
            env.put("WECOM_CALLBACK_PORT", String.valueOf(running.address().getPort()));
            assertThat(check()).as(text.toString()).isZero();
            assertThat(text.toString()).contains("a duban callback already answers on /wecom/robot");
        }
    }

    @Test
    void settingsFromDubanYml_withAnUnknownKey_isAProblemWithFileAndLine(@TempDir Path dir) throws Exception {
        copyConfig(dir);
        Files.writeString(dir.resolve("duban.yml"), "callback:\n  port: 0\n  robotToken: t0ken-from-file\n"
                + "  robotAesKey: ${ROBOT_KEY}\n  prot: 1\n");
        env.put("ROBOT_KEY", AES_KEY);
        assertThat(check(dir)).isEqualTo(1);
        assertThat(text.toString()).contains("duban.yml:5: callback.prot: unknown key");

        text.getBuffer().setLength(0);
        Files.writeString(dir.resolve("duban.yml"), "callback:\n  port: 0\n  robotToken: t0ken-from-file\n"
                + "  robotAesKey: ${ROBOT_KEY}\n");
        assertThat(check(dir)).as(text.toString()).isZero();
        assertThat(text.toString()).contains("t0ke…(15)", "jWmY…(43)");
    }

    @Test
    void aBrokenConfigFolder_isAProblem(@TempDir Path dir) {
        assertThat(check(dir.resolve("nope"))).isEqualTo(1);
        assertThat(text.toString()).contains("✗ 配置目录 config/", "configuration folder not found");
    }

    @Test
    void isRegisteredAsDubanConfigCheck() {
        StringWriter out = new StringWriter();
        CommandLine cl = DubanCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.execute("config", "check", "--config", CONFIG.toString());
        assertThat(out.toString()).contains("configuration check", "WECOM_BOT_ID");
    }

    private static void copyConfig(Path dir) throws Exception {
        Files.copy(CONFIG.resolve("organization.yaml"), dir.resolve("organization.yaml"));
        Files.copy(CONFIG.resolve("roster.yaml"), dir.resolve("roster.yaml"));
        Files.createDirectories(dir.resolve("plans"));
        Files.copy(CONFIG.resolve("plans/2023.yaml"), dir.resolve("plans/2023.yaml"));
    }

    @Test
    void webhookKeysArePerRosterChat_andMasked() {
        env.put("WECOM_WEBHOOK_WR_DEMO_NGK", "693a91f6-1234-5678-9abc-def012345678");
        check(CONFIG);
        assertThat(text.toString())
                .contains("wr-demo-ngk（农管科）", "693a…(36)", "wr-demo-leaders（领导群）", "未设置（改用长连接主动消息）")
                .doesNotContain("1234-5678-9abc");
    }
}
