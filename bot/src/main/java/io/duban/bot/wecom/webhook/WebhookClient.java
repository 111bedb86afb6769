package io.duban.bot.wecom.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.wecom.Secrets;
import io.duban.bot.outbox.SendResult;
import io.duban.bot.wecom.TrustStores;
import io.duban.bot.wecom.WeComErrors;
import io.duban.bot.wecom.WeComHttp;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts one message to a message-push robot: {@code POST {apiBase}/cgi-bin/webhook/send?key=KEY}. Network errors,
 * HTTP 5xx/429 and errcodes -1/45009 are transient; a bad key (93000) and bad content are permanent. The key never
 * appears in a result or a log line.
 */
public final class WebhookClient {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl sendUrl;
    private final ObjectMapper json = new ObjectMapper();

    public WebhookClient(OkHttpClient http, String apiBase) {
        this.http = http;
        HttpUrl base = HttpUrl.parse(apiBase.replaceAll("/+$", "") + "/cgi-bin/webhook/send");
        if (base == null) {
            throw new IllegalArgumentException("WECOM_API_BASE is not a URL: " + apiBase);
        }
        this.sendUrl = base;
    }

    /** A client with WeCom-friendly timeouts, trusting {@code trust} when given (private deployments). */
    public static WebhookClient create(String apiBase, Optional<TrustStores.Trust> trust) {
        return new WebhookClient(WeComHttp.client(trust), apiBase);
    }

    public SendResult send(String key, ObjectNode payload) {
        Request request = new Request.Builder()
                .url(sendUrl.newBuilder().addQueryParameter("key", key).build())
                .post(RequestBody.create(payload.toString(), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() >= 500 || response.code() == 429) {
                return SendResult.retry("HTTP " + response.code());
            }
            if (!response.isSuccessful()) {
                return SendResult.failed("HTTP " + response.code());
            }
            JsonNode answer;
            try {
                answer = json.readTree(body);
            } catch (IOException e) {
                return SendResult.retry("answer is not JSON (HTTP " + response.code() + ")");
            }
            if (answer == null || !answer.has("errcode")) {
                return SendResult.retry("answer without errcode");
            }
            return WeComErrors.classify(answer.path("errcode").asInt(), answer.path("errmsg").asText(""));
        } catch (IOException e) {
            return SendResult.retry("network: " + Secrets.scrub(String.valueOf(e.getMessage()), List.of(key))
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
