package io.duban.bot.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.duban.config.ConfigException;
import io.duban.config.YamlNode;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeComSettingsTest {
    private static YamlNode yaml(String text, Map<String, String> env) {
        return YamlNode.parse("duban.yml", new StringReader(text), env::get);
    }

    @Test
    void givenNothing_thenDefaultsAndNoCredentials() {
        WeComSettings s = WeComSettings.from(null, Map.of());
        assertThat(s.hasBotCredentials()).isFalse();
        assertThat(s.wsUrl()).isEqualTo(URI.create("wss://openws.work.weixin.qq.com"));
        assertThat(s.apiBase()).isEqualTo("https://qyapi.weixin.qq.com");
    }

    @Test
    void givenEnvironment_thenCredentialsUrlsAndWebhookKeysFromIt() {
        Map<String, String> env = Map.of("WECOM_BOT_ID", "aib123", "WECOM_BOT_SECRET", "secret-0123456789",
                "WECOM_WS_URL", "wss://wecom.gov.example/ws", "WECOM_API_BASE", "https://wecom.gov.example/",
                "WECOM_WEBHOOK_WR_DEMO_NGK", "key-from-env-0001");
        WeComSettings s = WeComSettings.from(null, env);
        assertThat(s.hasBotCredentials()).isTrue();
        assertThat(s.apiBase()).isEqualTo("https://wecom.gov.example");
        assertThat(s.webhookKey("wr-demo-ngk")).contains("key-from-env-0001");
        assertThat(s.webhookKey("other")).isEmpty();
        assertThat(s.hasWebhooks()).isTrue();
        assertThat(WeComSettings.from(null, Map.of()).hasWebhooks()).isFalse();
        assertThat(s.describe()).contains("aib123").doesNotContain("secret-0123456789").contains("secr…(17)");
        assertThat(s.toString()).doesNotContain("secret-0123456789");
    }

    @Test
    void givenConfigWithEnvReferences_thenSecretsResolve_andTheEnvironmentOverridesTheFile() {
        Map<String, String> env = Map.of("BOT_SECRET", "from-env-secret-xyz", "NGK_KEY", "ngk-key-123456789");
        YamlNode root = yaml("""
                wecom:
                  botId: aibFile
                  botSecret: ${BOT_SECRET}
                  webhooks:
                    wr-demo-ngk: ${NGK_KEY}
                """, env);
        WeComSettings s = WeComSettings.from(root, env);
        assertThat(s.botId()).contains("aibFile");
        assertThat(s.botSecret()).contains("from-env-secret-xyz");
        assertThat(s.webhookKey("wr-demo-ngk")).contains("ngk-key-123456789");
        assertThat(s.secrets()).contains("from-env-secret-xyz", "ngk-key-123456789");
        Map<String, String> override = Map.of("BOT_SECRET", "from-env-secret-xyz", "NGK_KEY", "ngk-key-123456789",
                "WECOM_BOT_ID", "aibEnv", "WECOM_WEBHOOK_WR_DEMO_NGK", "override-key-0001");
        WeComSettings o = WeComSettings.from(yaml("wecom:\n  botId: aibFile\n  botSecret: x\n  webhooks:\n"
                + "    wr-demo-ngk: file-key\n", override), override);
        assertThat(o.botId()).contains("aibEnv");
        assertThat(o.webhookKey("wr-demo-ngk")).contains("override-key-0001");
    }

    @Test
    void givenTypoOrHalfTheCredentials_thenAClearError() {
        Throwable typo = catchThrowable(() -> WeComSettings.from(yaml("wecom:\n  botSecrt: x\n", Map.of()), Map.of()));
        assertThat(typo).isInstanceOf(ConfigException.class).hasMessageContaining("botSecrt");
        Throwable half = catchThrowable(() -> WeComSettings.from(null, Map.of("WECOM_BOT_ID", "aib1")));
        assertThat(half).hasMessageContaining("WECOM_BOT_SECRET");
        Throwable unset = catchThrowable(() -> WeComSettings.from(
                yaml("wecom:\n  botId: a\n  botSecret: ${NOPE}\n", Map.of()), Map.of()));
        assertThat(unset).hasMessageContaining("NOPE");
        Throwable http = catchThrowable(() -> WeComSettings.from(null, Map.of("WECOM_WS_URL", "http://x")));
        assertThat(http).hasMessageContaining("wss://");
    }

    @Test
    void webhookEnvNamesAreUppercasedWithUnderscores() {
        assertThat(WeComSettings.webhookEnvName("wr-demo-ngk")).isEqualTo("WECOM_WEBHOOK_WR_DEMO_NGK");
        assertThat(WeComSettings.webhookEnvName("wrOG8.x")).isEqualTo("WECOM_WEBHOOK_WROG8_X");
    }

    @Test
    void secretsAreMaskedAndScrubbed() {
        assertThat(Secrets.mask("0123456789abcdef")).isEqualTo("0123…(16)");
        assertThat(Secrets.mask("short")).isEqualTo("…(5)").doesNotContain("short");
        assertThat(Secrets.mask(null)).isEqualTo("(empty)");
        assertThat(Secrets.scrub("POST https://q/cgi-bin/webhook/send?key=693a91f6-7xxx&debug=1 failed",
                List.of())).isEqualTo("POST https://q/cgi-bin/webhook/send?key=****&debug=1 failed");
        assertThat(Secrets.scrub("bad secret my-long-secret-1", List.of("my-long-secret-1")))
                .isEqualTo("bad secret my-l…(16)");
    }
}
