package io.duban.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.wecom.ApiResult;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponseUrlClientTest {
    private final MockWebServer wecom = new MockWebServer();
    private ResponseUrlClient client;

    @BeforeEach
    void start() throws Exception {
        wecom.start(InetAddress.getLoopbackAddress(), 0);
        client = new ResponseUrlClient(new OkHttpClient(), url -> url.port() == wecom.getPort());
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    @Test
    void postsOneMarkdownReply_withMentionsInFront() throws Exception {
        wecom.enqueue(new MockResponse.Builder().body("{\"errcode\":0,\"errmsg\":\"ok\"}").build());
        String url = wecom.url("/cgi-bin/aibot/response?response_code=abc").toString();

        assertThat(client.replyMarkdown(url, "已记录 农管科 对任务 12 的报送", List.of("liuyang")))
                .isInstanceOf(ApiResult.Ok.class);

        RecordedRequest r = wecom.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getUrl().queryParameter("response_code")).isEqualTo("abc");
        JsonNode body = new ObjectMapper().readTree(r.getBody().utf8());
        assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.at("/markdown/content").asText()).isEqualTo("<@liuyang> 已记录 农管科 对任务 12 的报送");
    }

    @Test
    void errorsAreSorted() {
        wecom.enqueue(new MockResponse.Builder().code(503).build());
        wecom.enqueue(new MockResponse.Builder().body("{\"errcode\":40008,\"errmsg\":\"invalid message type\"}").build());
        String url = wecom.url("/r").toString();
        assertThat(client.replyMarkdown(url, "x", List.of())).isInstanceOf(ApiResult.Retryable.class);
        assertThat(client.replyMarkdown(url, "x", List.of())).isEqualTo(new ApiResult.Permanent(40008, "invalid message type"));
    }

    @Test
    void aUrlOutsideWeCom_isNeverCalled() {
        ResponseUrlClient strict = new ResponseUrlClient(new OkHttpClient(),
                ResponseUrlClient.wecomHosts(HttpUrl.get("https://qyapi.weixin.qq.com")));
        assertThat(strict.replyMarkdown(wecom.url("/r").toString(), "x", List.of())).isInstanceOf(ApiResult.Permanent.class);
        assertThat(strict.replyMarkdown("not a url", "x", List.of())).isInstanceOf(ApiResult.Permanent.class);
        assertThat(wecom.getRequestCount()).isZero();
        assertThat(ResponseUrlClient.wecomHosts(HttpUrl.get("https://wecom.example.gov.cn"))
                .test(HttpUrl.get("https://wecom.example.gov.cn/cgi-bin/aibot/response?response_code=1"))).isTrue();
    }

    @Test
    void tooLongContent_isCutToWeComsLimitOnACharacterBoundary() {
        String cut = ResponseUrlClient.cut("进".repeat(10_000), ResponseUrlClient.MAX_MARKDOWN_BYTES);
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(20_480);
        assertThat(cut).endsWith("（内容过长，已截断）").startsWith("进进进");
        assertThat(ResponseUrlClient.cut("短", 100)).isEqualTo("短");
    }
}
