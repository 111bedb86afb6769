package io.duban.bot.wecom.app;

import io.duban.bot.wecom.ApiResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.duban.bot.wecom.LogCapture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeComAppClientTest {
    private static final AppCredentials APP = new AppCredentials("ww1234567890abcdef", 1000002L, "the-app-secret-0123456789");
    private final MockWebServer wecom = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2023-10-09T01:00:00Z"));
    private WeComAppClient client;

    @BeforeEach
    void start() throws Exception {
        wecom.start(InetAddress.getLoopbackAddress(), 0);
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        client = new WeComAppClient(http, wecom.url("/"), APP, clock);
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse token(String token) {
        return json("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":7200}");
    }

    private static final MockResponse OK = json("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\"}");

    private RecordedRequest take() throws InterruptedException {
        return wecom.takeRequest(5, TimeUnit.SECONDS);
    }

    private static JsonNode body(RecordedRequest r) throws Exception {
        return new ObjectMapper().readTree(r.getBody().utf8());
    }

    @Test
    void sendText_fetchesAToken_thenPostsTheMessageToThePerson() throws Exception {
        wecom.enqueue(token("TOKEN-1"));
        wecom.enqueue(OK);

        assertThat(client.sendText("liuyang", "您好，请于周五前报送第3项进展。")).isInstanceOf(ApiResult.Ok.class);

        RecordedRequest gettoken = take();
        assertThat(gettoken.getUrl().encodedPath()).isEqualTo("/cgi-bin/gettoken");
        assertThat(gettoken.getUrl().queryParameter("corpid")).isEqualTo("ww1234567890abcdef");
        assertThat(gettoken.getUrl().queryParameter("corpsecret")).isEqualTo("the-app-secret-0123456789");
        RecordedRequest send = take();
        assertThat(send.getMethod()).isEqualTo("POST");
        assertThat(send.getUrl().encodedPath()).isEqualTo("/cgi-bin/message/send");
        assertThat(send.getUrl().queryParameter("access_token")).isEqualTo("TOKEN-1");
        JsonNode b = body(send);
        assertThat(b.get("touser").asText()).isEqualTo("liuyang");
        assertThat(b.get("msgtype").asText()).isEqualTo("text");
        assertThat(b.get("agentid").asLong()).isEqualTo(1000002L);
        assertThat(b.at("/text/content").asText()).isEqualTo("您好，请于周五前报送第3项进展。");
    }

    @Test
    void theTokenIsCached_andRefreshedBeforeItExpires() throws Exception {
        wecom.enqueue(token("TOKEN-1"));
        wecom.enqueue(OK);
        wecom.enqueue(OK);
        wecom.enqueue(token("TOKEN-2"));
        wecom.enqueue(OK);

        client.sendText("a", "1");
        clock.advance(Duration.ofMinutes(100));
        client.sendMarkdown("a", "**2**");
        clock.advance(Duration.ofMinutes(16)); // 116 min: within 5 minutes of the 120-minute expiry
        client.sendText("a", "3");

        assertThat(take().getUrl().encodedPath()).isEqualTo("/cgi-bin/gettoken");
        assertThat(take().getUrl().queryParameter("access_token")).isEqualTo("TOKEN-1");
        RecordedRequest second = take();
        assertThat(second.getUrl().queryParameter("access_token")).isEqualTo("TOKEN-1");
        assertThat(body(second).at("/markdown/content").asText()).isEqualTo("**2**");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/cgi-bin/gettoken");
        assertThat(take().getUrl().queryParameter("access_token")).isEqualTo("TOKEN-2");
        assertThat(wecom.getRequestCount()).isEqualTo(5);
    }

    @Test
    void anExpiredToken_42001_isFetchedAnew_andTheSendRetriedOnce() throws Exception {
        for (int code : new int[] {42001, 40014, 41001}) {
            wecom.enqueue(token("OLD"));
            wecom.enqueue(json("{\"errcode\":" + code + ",\"errmsg\":\"access_token expired\"}"));
            wecom.enqueue(token("NEW"));
            wecom.enqueue(OK);

            MutableClock fresh = new MutableClock(clock.instant());
            WeComAppClient c = new WeComAppClient(new OkHttpClient(), wecom.url("/"), APP, fresh);
            assertThat(c.sendText("liuyang", "hi")).isInstanceOf(ApiResult.Ok.class);

            assertThat(take().getUrl().encodedPath()).isEqualTo("/cgi-bin/gettoken");
            assertThat(take().getUrl().queryParameter("access_token")).isEqualTo("OLD");
            assertThat(take().getUrl().encodedPath()).isEqualTo("/cgi-bin/gettoken");
            assertThat(take().getUrl().queryParameter("access_token")).isEqualTo("NEW");
        }
    }

    @Test
    void aTokenRefusedTwice_isRetryableLater_andNotAnEndlessLoop() throws Exception {
        wecom.enqueue(token("A"));
        wecom.enqueue(json("{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}"));
        wecom.enqueue(token("B"));
        wecom.enqueue(json("{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}"));

        ApiResult r = client.sendText("liuyang", "hi");
        assertThat(r).isEqualTo(new ApiResult.Retryable(40014, "invalid access_token"));
        assertThat(wecom.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aWrongSecret_isPermanent_andNothingIsSent() throws Exception {
        wecom.enqueue(json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"));
        assertThat(client.sendText("liuyang", "hi")).isEqualTo(new ApiResult.Permanent(40001, "invalid credential"));
        assertThat(wecom.getRequestCount()).isEqualTo(1);
    }

    @Test
    void errorsAreSortedIntoRetryableAndPermanent() {
        wecom.enqueue(token("T"));
        wecom.enqueue(json("{\"errcode\":-1,\"errmsg\":\"system busy\"}"));
        wecom.enqueue(json("{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}"));
        wecom.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
        wecom.enqueue(json("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));

        assertThat(client.sendText("x", "1")).isInstanceOf(ApiResult.Retryable.class);
        assertThat(client.sendText("x", "1")).isEqualTo(new ApiResult.Permanent(81013, "user & party & tag all invalid"));
        assertThat(client.sendText("x", "1")).isEqualTo(new ApiResult.Retryable(502, "HTTP 502"));
        assertThat(client.sendText("x", "1")).isInstanceOf(ApiResult.Retryable.class);
    }

    @Test
    void aNetworkFailure_isRetryable() {
        wecom.close();
        assertThat(client.sendText("x", "1")).isInstanceOf(ApiResult.Retryable.class)
                .extracting(r -> ((ApiResult.Retryable) r).errcode()).isEqualTo(ApiResult.Retryable.NETWORK);
    }

    @Test
    void appChat_createAndSend() throws Exception {
        wecom.enqueue(token("T"));
        wecom.enqueue(json("{\"errcode\":0,\"errmsg\":\"ok\",\"chatid\":\"dubanNgk2023\"}"));
        wecom.enqueue(OK);

        assertThat(client.createChat("dubanNgk2023", "农业科督办群", "liuyang", List.of("liuyang", "zhangwei")))
                .isInstanceOf(ApiResult.Ok.class);
        assertThat(client.sendMarkdownToChat("dubanNgk2023", "**本周汇报**")).isInstanceOf(ApiResult.Ok.class);

        take();
        RecordedRequest create = take();
        assertThat(create.getUrl().encodedPath()).isEqualTo("/cgi-bin/appchat/create");
        JsonNode c = body(create);
        assertThat(c.get("chatid").asText()).isEqualTo("dubanNgk2023");
        assertThat(c.get("owner").asText()).isEqualTo("liuyang");
        assertThat(c.get("userlist")).hasSize(2);
        RecordedRequest send = take();
        assertThat(send.getUrl().encodedPath()).isEqualTo("/cgi-bin/appchat/send");
        JsonNode s = body(send);
        assertThat(s.get("chatid").asText()).isEqualTo("dubanNgk2023");
        assertThat(s.at("/markdown/content").asText()).isEqualTo("**本周汇报**");
        assertThat(s.has("agentid")).isFalse();
    }

    @Test
    void aBadChatId_isRefusedWithoutACall() {
        assertThat(client.createChat("有中文", "x", "a", List.of("a", "b"))).isInstanceOf(ApiResult.Permanent.class);
        assertThat(wecom.getRequestCount()).isZero();
    }

    @Test
    void credentialsNeverShowTheSecret() {
        assertThat(APP.toString()).doesNotContain("the-app-secret-0123456789").contains("the-…(25)");
    }

    @Test
    void theLogNeverShowsTheSecretOrAToken() {
        try (LogCapture log = new LogCapture()) {
            wecom.enqueue(token("TOKEN-SECRET-1"));
            wecom.enqueue(json("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"));
            wecom.enqueue(token("TOKEN-SECRET-2"));
            wecom.enqueue(json("{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}"));
            wecom.enqueue(json("{\"errcode\":60020,\"errmsg\":\"not allow to access from your ip\"}"));
            client.sendText("liuyang", "hi");
            client.sendText("liuyang", "hi");
            assertThat(log.text()).contains("81013", "60020").doesNotContain("TOKEN-SECRET", "the-app-secret");
        }
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
