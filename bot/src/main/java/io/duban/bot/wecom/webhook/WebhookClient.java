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
import io.duban.bot.wecom.media.MediaKind;
import io.duban.bot.wecom.media.MediaParts;
import io.duban.bot.wecom.media.MediaUpload;
import io.duban.storage.model.FileContent;
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
    private final HttpUrl uploadUrl;
    private final ObjectMapper json = new ObjectMapper();

    public WebhookClient(OkHttpClient http, String apiBase) {
        this.http = http;
        HttpUrl base = HttpUrl.parse(apiBase.replaceAll("/+$", "") + "/cgi-bin/webhook/send");
        if (base == null) {
            throw new IllegalArgumentException("WECOM_API_BASE is not a URL: " + apiBase);
        }
        this.sendUrl = base;
        this.uploadUrl = HttpUrl.parse(apiBase.replaceAll("/+$", "") + "/cgi-bin/webhook/upload_media");
    }

    /** A client with WeCom-friendly timeouts, trusting {@code trust} when given (private deployments). */
    public static WebhookClient create(String apiBase, Optional<TrustStores.Trust> trust) {
        return new WebhookClient(WeComHttp.client(trust), apiBase);
    }

    /**
     * Uploads a file for a {@code file} message: {@code POST {apiBase}/cgi-bin/webhook/upload_media?key=KEY&type=file},
     * multipart field {@code media}. The media id is valid for three days and only for this robot.
     */
    public MediaUpload uploadFile(String key, FileContent file) {
        var refused = MediaKind.FILE.refuse(file);
        if (refused.isPresent()) {
            return new MediaUpload.NotUploaded(refused.get());
        }
        RequestBody body = MediaParts.media(file);
        Request request = new Request.Builder()
                .url(uploadUrl.newBuilder().addQueryParameter("key", key).addQueryParameter("type", "file").build())
                .post(body)
                .build();
        Answered answered = execute(request, key);
        if (!(answered.result instanceof SendResult.Ok)) {
            return new MediaUpload.NotUploaded(answered.result);
        }
        String mediaId = answered.body.path("media_id").asText("");
        return mediaId.isEmpty() ? new MediaUpload.NotUploaded(SendResult.retry("upload_media answered without media_id"))
                : new MediaUpload.Uploaded(mediaId);
    }

    public SendResult send(String key, ObjectNode payload) {
        Request request = new Request.Builder()
                .url(sendUrl.newBuilder().addQueryParameter("key", key).build())
                .post(RequestBody.create(payload.toString(), JSON_TYPE))
                .build();
        return execute(request, key).result;
    }

    private record Answered(SendResult result, JsonNode body) {
    }

    private Answered execute(Request request, String key) {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() >= 500 || response.code() == 429) {
                return new Answered(SendResult.retry("HTTP " + response.code()), null);
            }
            if (!response.isSuccessful()) {
                return new Answered(SendResult.failed("HTTP " + response.code()), null);
            }
            JsonNode answer;
            try {
                answer = json.readTree(body);
            } catch (IOException e) {
                return new Answered(SendResult.retry("answer is not JSON (HTTP " + response.code() + ")"), null);
            }
            if (answer == null || !answer.has("errcode")) {
                return new Answered(SendResult.retry("answer without errcode"), null);
            }
            return new Answered(WeComErrors.classify(answer.path("errcode").asInt(), answer.path("errmsg").asText("")),
                    answer);
        } catch (IOException e) {
            return new Answered(SendResult.retry("network: " + Secrets.scrub(String.valueOf(e.getMessage()), List.of(key))
                    + " (" + e.getClass().getSimpleName() + ")"), null);
        }
    }
}
