package io.duban.bot.wecom.callback;

import static io.duban.bot.wecom.crypto.OfficialVectors.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.config.ConfigException;
import io.duban.config.YamlNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackSettingsTest {
    private static YamlNode yaml(String text, Map<String, String> env) {
        return YamlNode.parse("duban.yml", new StringReader(text), env::get);
    }

    @Test
    void defaults_withoutFileOrEnvironment() {
        CallbackSettings s = CallbackSettings.read(null, name -> null);
        assertThat(s.listen()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.robotPath()).isEqualTo("/wecom/robot");
        assertThat(s.appPath()).isEqualTo("/wecom/app");
        assertThat(s.timestampWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.anyEnabled()).isFalse();
        assertThat(s.problems(Optional.empty())).isEmpty();
    }

    @Test
    void theFileIsRead_andTheEnvironmentWins() {
        Map<String, String> env = Map.of("WECOM_CALLBACK_PORT", "9001", "KEY", AES_KEY);
        YamlNode root = yaml("callback:\n  listen: 0.0.0.0\n  port: 9000\n  appPath: /cb/app\n"
                + "  timestampWindowSeconds: 120\n  token: fileToken\n  aesKey: ${KEY}\n", env);
        CallbackSettings s = CallbackSettings.read(root, env::get);
        assertThat(s.listen()).isEqualTo("0.0.0.0");
        assertThat(s.port()).isEqualTo(9001);
        assertThat(s.appPath()).isEqualTo("/cb/app");
        assertThat(s.timestampWindow()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.appToken()).contains("fileToken");
        assertThat(s.appAesKey()).contains(AES_KEY);
        assertThat(s.appEnabled()).isTrue();
        assertThat(s.robotEnabled()).isFalse();
        assertThat(s.problems(Optional.of(RECEIVE_ID))).isEmpty();
        assertThat(s.problems(Optional.empty())).singleElement().asString().contains("WECOM_CORP_ID");
    }

    @Test
    void badValues_areNamed() {
        assertThatThrownBy(() -> CallbackSettings.read(yaml("callback:\n  port: eighty\n", Map.of()), n -> null))
                .hasMessageContaining("callback.port must be a whole number");
        assertThatThrownBy(() -> CallbackSettings.read(yaml("callback:\n  tokn: x\n", Map.of()), n -> null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("duban.yml:2: callback.tokn: unknown key");
        CallbackSettings same = CallbackSettings.read(null, Map.of("WECOM_ROBOT_CALLBACK_TOKEN", "t",
                "WECOM_ROBOT_CALLBACK_AES_KEY", AES_KEY, "WECOM_CALLBACK_TOKEN", "t", "WECOM_CALLBACK_AES_KEY", AES_KEY,
                "WECOM_CALLBACK_APP_PATH", "/wecom/robot")::get);
        assertThat(same.problems(Optional.of("ww1"))).anyMatch(p -> p.contains("different paths"));
    }

    @Test
    void aServerBuiltFromTheSettings_answersOnTheConfiguredPath() throws Exception {
        Map<String, String> env = Map.of("WECOM_CALLBACK_PORT", "0", "WECOM_CALLBACK_TOKEN", TOKEN,
                "WECOM_CALLBACK_AES_KEY", AES_KEY, "WECOM_CALLBACK_APP_PATH", "/cb/app");
        CallbackSettings s = CallbackSettings.read(null, env::get);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(URL_TIMESTAMP)), ZoneOffset.UTC);
        try (CallbackServer server = CallbackServer.builder()
                .settings(s, Optional.of(RECEIVE_ID))
                .clock(clock)
                .inbound(m -> Optional.empty())
                .build().start()) {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            FakeWeCom wecom = new FakeWeCom("http://127.0.0.1:" + server.address().getPort());
            HttpResponse<String> r = wecom.get("/cb/app" + FakeWeCom.query(URL_SIGNATURE, URL_TIMESTAMP, URL_NONCE)
                    + "&echostr=" + URL_ECHOSTR_AS_SENT);
            assertThat(r.body()).isEqualTo(URL_PLAINTEXT);
            assertThat(wecom.get("/wecom/robot").statusCode()).isEqualTo(404);
        }
    }
}
