package io.duban.bot.wecom.callback;

import static io.duban.bot.wecom.crypto.OfficialVectors.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.serve.WeComServer;
import io.duban.bot.settings.BotSettings;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.bot.wecom.crypto.WeComCrypto;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} runs the HTTP callback with the settings {@code config check} shows: path, body limit, window. */
class ServeCallbackSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theServedCallback_usesTheConfiguredBodyLimitAndTimestampWindow() throws Exception {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(Long.parseLong(XML_TIMESTAMP)));
        try (TestBot bot = new TestBot(dir, clock, List.of())) {
            Map<String, String> env = Map.of("WECOM_CALLBACK_PORT", "0", "WECOM_CALLBACK_APP_PATH", "/cb/app",
                    "WECOM_CALLBACK_TOKEN", TOKEN, "WECOM_CALLBACK_AES_KEY", AES_KEY, "WECOM_CORP_ID", RECEIVE_ID,
                    "WECOM_CALLBACK_MAX_BODY_BYTES", "2048", "WECOM_CALLBACK_TIMESTAMP_WINDOW_SECONDS", "60");
            BotSettings settings = BotSettings.read(bot.app.config(), env);
            assertThat(settings.serveProblems()).isEmpty();
            try (WeComServer server = WeComServer.of(bot.app.storage(), clock, settings, bot.app.engine(),
                    dir.resolve("status.json"))) {
                server.start();
                FakeWeCom wecom = new FakeWeCom("http://127.0.0.1:" + server.callbackAddress().orElseThrow().getPort());
                WeComCrypto crypto = new WeComCrypto(TOKEN, AES_KEY, RECEIVE_ID);
                String now = XML_TIMESTAMP;

                clock.set(Instant.ofEpochSecond(Long.parseLong(URL_TIMESTAMP)));
                assertThat(wecom.get("/cb/app" + FakeWeCom.query(URL_SIGNATURE, URL_TIMESTAMP, URL_NONCE)
                        + "&echostr=" + URL_ECHOSTR_AS_SENT).body()).isEqualTo(URL_PLAINTEXT);
                clock.set(Instant.ofEpochSecond(Long.parseLong(now)));
                FakeWeCom.Signed big = FakeWeCom.appXml(crypto, XML_PLAINTEXT.replace("hello", "进展".repeat(400)),
                        now, "1");
                assertThat(wecom.post("/cb/app" + big.query(), big.body()).statusCode()).isEqualTo(413);
                String twoMinutesAgo = String.valueOf(Long.parseLong(now) - 120);
                FakeWeCom.Signed old = FakeWeCom.appXml(crypto, XML_PLAINTEXT, twoMinutesAgo, "2");
                assertThat(wecom.post("/cb/app" + old.query(), old.body()).statusCode()).isEqualTo(403);
                FakeWeCom.Signed fine = FakeWeCom.appXml(crypto, XML_PLAINTEXT, now, "3");
                assertThat(wecom.post("/cb/app" + fine.query(), fine.body()).statusCode()).isEqualTo(200);
            }
        }
    }
}
