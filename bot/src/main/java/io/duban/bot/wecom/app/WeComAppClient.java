package io.duban.bot.wecom.app;

import io.duban.bot.wecom.ApiResult;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-built app's outbound API: {@code message/send} to a person, {@code appchat/create} and
 * {@code appchat/send}. Holds the access token (cached, refreshed early and on 40014/42001/41001 with one retry).
 * Neither the secret nor a token is ever logged: request URLs carry them, so URLs are never logged either.
 */
public final class WeComAppClient {
    public static final String DEFAULT_API_BASE = "https://qyapi.weixin.qq.com";
    /** 40014 invalid token, 42001 expired token, 41001 missing token: fetch a new one and retry once. */
    static final Set<Integer> TOKEN_ERRORS = Set.of(40014, 42001, 41001);

    private static final Logger LOG = LoggerFactory.getLogger(WeComAppClient.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final HttpUrl apiBase;
    private final AppCredentials app;
    private final AccessTokenCache tokens;

    public WeComAppClient(OkHttpClient http, HttpUrl apiBase, AppCredentials app, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.apiBase = requireNonNull(apiBase, "apiBase is null");
        this.app = requireNonNull(app, "app is null");
        this.tokens = new AccessTokenCache(requireNonNull(clock, "clock is null"), Duration.ofMinutes(5));
    }

    /** A text message to one person ({@code touser}); WeCom allows 2048 bytes of content. */
    public ApiResult sendText(String userId, String content) {
        ObjectNode body = message("touser", userId, "text");
        body.putObject("text").put("content", content);
        return call("/cgi-bin/message/send", body);
    }

    /** A markdown message to one person. */
    public ApiResult sendMarkdown(String userId, String content) {
        ObjectNode body = message("touser", userId, "markdown");
        body.putObject("markdown").put("content", content);
        return call("/cgi-bin/message/send", body);
    }

    /**
     * Creates a group chat owned by the app. {@code chatId} (≤ 32 of [0-9a-zA-Z]) is chosen by us so that a retry
     * cannot create a second chat; {@code owner} and at least two members are required by WeCom.
     */
    public ApiResult createChat(String chatId, String name, String owner, List<String> members) {
        if (!chatId.matches("[0-9a-zA-Z]{1,32}")) {
            return new ApiResult.Permanent(40050, "chatid must be 1-32 of [0-9a-zA-Z]");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("owner", owner);
        members.forEach(body.putArray("userlist")::add);
        body.put("chatid", chatId);
        return call("/cgi-bin/appchat/create", body);
    }

    /** A text message into a chat the app created. */
    public ApiResult sendTextToChat(String chatId, String content) {
        ObjectNode body = message("chatid", chatId, "text");
        body.remove("agentid");
        body.putObject("text").put("content", content);
        return call("/cgi-bin/appchat/send", body);
    }

    /** A markdown message into a chat the app created. */
    public ApiResult sendMarkdownToChat(String chatId, String content) {
        ObjectNode body = message("chatid", chatId, "markdown");
        body.remove("agentid");
        body.putObject("markdown").put("content", content);
        return call("/cgi-bin/appchat/send", body);
    }

    private ObjectNode message(String addressField, String address, String msgType) {
        ObjectNode body = JSON.createObjectNode();
        body.put(addressField, address);
        body.put("msgtype", msgType);
        body.put("agentid", app.agentId());
        body.put("safe", 0);
        return body;
    }

    /** POSTs {@code body} with the access token; on a token error, fetches a new token and tries once more. */
    private ApiResult call(String path, ObjectNode body) {
        for (int attempt = 1; ; attempt++) {
            String token;
            try {
                token = token();
            } catch (TokenUnavailable e) {
                return e.result;
            }
            ApiResult result = post(path, token, body);
            if (result instanceof ApiResult.Permanent p && TOKEN_ERRORS.contains(p.errcode())) {
                tokens.invalidate(app, token);
                if (attempt == 1) {
                    LOG.info("WeCom {}: access token refused (errcode {}), fetching a new one", path, p.errcode());
                    continue;
                }
                return new ApiResult.Retryable(p.errcode(), p.errmsg());
            }
            if (result instanceof ApiResult.Ok ok) {
                JsonNode invalid = ok.body().get("invaliduser");
                if (invalid != null && !invalid.asText().isEmpty()) {
                    LOG.warn("WeCom {}: some recipients are not valid for app {}: {}", path, app.agentId(),
                            invalid.asText());
                }
            } else {
                LOG.warn("WeCom {} failed: {}", path, result);
            }
            return result;
        }
    }

    private ApiResult post(String path, String token, ObjectNode body) {
        HttpUrl url = apiBase.newBuilder().encodedPath(path).addQueryParameter("access_token", token).build();
        Request request = new Request.Builder().url(url).post(RequestBody.create(body.toString(), JSON_TYPE)).build();
        return execute(request);
    }

    private String token() {
        synchronized (tokens) {
            var cached = tokens.get(app);
            if (cached.isPresent()) {
                return cached.get();
            }
            HttpUrl url = apiBase.newBuilder().encodedPath("/cgi-bin/gettoken")
                    .addQueryParameter("corpid", app.corpId())
                    .addQueryParameter("corpsecret", app.secret())
                    .build();
            ApiResult result = execute(new Request.Builder().url(url).get().build());
            if (!(result instanceof ApiResult.Ok ok)) {
                LOG.warn("WeCom gettoken for corp {} failed: {}", app.corpId(), result);
                throw new TokenUnavailable(result);
            }
            String token = ok.body().path("access_token").asText("");
            if (token.isEmpty()) {
                throw new TokenUnavailable(new ApiResult.Retryable(0, "gettoken answered without access_token"));
            }
            tokens.put(app, token, ok.body().path("expires_in").asLong(7200));
            LOG.info("WeCom access token fetched for app {}", app.agentId());
            return token;
        }
    }

    private ApiResult execute(Request request) {
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 429 || response.code() >= 500) {
                return new ApiResult.Retryable(response.code(), "HTTP " + response.code());
            }
            if (!response.isSuccessful()) {
                return new ApiResult.Permanent(response.code(), "HTTP " + response.code());
            }
            ResponseBody responseBody = response.body();
            JsonNode node = JSON.readTree(responseBody.string());
            if (node == null || !node.isObject()) {
                return new ApiResult.Retryable(response.code(), "the answer is not a JSON object");
            }
            int errcode = node.path("errcode").asInt(0);
            if (errcode != 0) {
                return ApiResult.ofError(errcode, node.path("errmsg").asText(""));
            }
            return new ApiResult.Ok(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new ApiResult.Retryable(0, "the answer is not JSON");
        } catch (IOException e) {
            // The message of an OkHttp exception may name the host, never the query string.
            return new ApiResult.Retryable(ApiResult.Retryable.NETWORK, e.getClass().getSimpleName());
        }
    }

    /** Thrown inside {@link #call} when no token can be had; carries the gettoken result. */
    private static final class TokenUnavailable extends RuntimeException {
        private final transient ApiResult result;

        TokenUnavailable(ApiResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
