package io.duban.bot.wecom.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.wecom.ApiResult;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the intelligent robot's one asynchronous reply: an unencrypted POST of a markdown message to the
 * callback's {@code response_url}. Only URLs the {@code allowed} test accepts are called (by default HTTPS on a
 * {@code weixin.qq.com} host), so a forged URL cannot make the bot call into the office network. URLs are not
 * logged: they carry a one-time response code.
 */
public final class ResponseUrlClient {
    /** WeCom's limit for a markdown reply. */
    public static final int MAX_MARKDOWN_BYTES = 20_480;
    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrlClient.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final Predicate<HttpUrl> allowed;

    public ResponseUrlClient(OkHttpClient http, Predicate<HttpUrl> allowed) {
        this.http = http;
        this.allowed = allowed;
    }

    /** Accepts HTTPS URLs on WeCom's public host, or on {@code apiBase}'s host for a private deployment. */
    public static Predicate<HttpUrl> wecomHosts(HttpUrl apiBase) {
        return url -> url.isHttps() && (url.host().equals("qyapi.weixin.qq.com") || url.host().equals(apiBase.host()));
    }

    /** Posts {@code markdown}, with {@code <@userid>} mentions in front; the content is cut to WeCom's limit. */
    public ApiResult replyMarkdown(String responseUrl, String markdown, List<String> mentions) {
        HttpUrl url = HttpUrl.parse(responseUrl);
        if (url == null || !allowed.test(url)) {
            LOG.warn("robot reply refused: response_url is not an allowed WeCom URL");
            return new ApiResult.Permanent(0, "response_url not allowed");
        }
        StringBuilder content = new StringBuilder();
        for (String m : mentions) {
            content.append("<@").append(m).append("> ");
        }
        content.append(markdown);
        ObjectNode body = JSON.createObjectNode();
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("content", cut(content.toString(), MAX_MARKDOWN_BYTES));
        Request request = new Request.Builder().url(url).post(RequestBody.create(body.toString(), JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 429 || response.code() >= 500) {
                return new ApiResult.Retryable(response.code(), "HTTP " + response.code());
            }
            if (!response.isSuccessful()) {
                return new ApiResult.Permanent(response.code(), "HTTP " + response.code());
            }
            JsonNode node = JSON.readTree(response.body().string());
            int errcode = node == null ? 0 : node.path("errcode").asInt(0);
            return errcode == 0 ? new ApiResult.Ok(node == null ? JSON.createObjectNode() : node)
                    : ApiResult.ofError(errcode, node.path("errmsg").asText(""));
        } catch (IOException e) {
            return new ApiResult.Retryable(ApiResult.Retryable.NETWORK, e.getClass().getSimpleName());
        }
    }

    /** Cuts to at most {@code maxBytes} of UTF-8 without splitting a character, marking the cut. */
    static String cut(String s, int maxBytes) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return s;
        }
        String mark = "…（内容过长，已截断）";
        int budget = maxBytes - mark.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int end = 0;
        int used = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (used + len > budget) {
                break;
            }
            used += len;
            end += Character.charCount(cp);
        }
        return s.substring(0, end) + mark;
    }
}
