package io.duban.bot.wecom.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.outbox.Destination;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.RateLimit;
import io.duban.bot.outbox.SendResult;
import io.duban.bot.wecom.MessageSplitter;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.media.MediaCache;
import io.duban.bot.wecom.media.MediaUpload;
import io.duban.storage.model.FileContent;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pushes group messages through each group's message-push robot. {@code text} carries {@code mentioned_list} when
 * people must be @-ed (on the last part only, so each person is pinged once); {@code markdown} gets its mentions as
 * {@code <@userid>}; {@code image} content is the image's base64, sent with its MD5. One robot takes 20 messages a
 * minute.
 */
public final class WebhookChannel implements OutboundChannel {
    public static final List<RateLimit> LIMITS = List.of(RateLimit.perMinute(20));

    private final WebhookClient client;
    private final Function<String, Optional<String>> keys;
    private final List<RateLimit> limits;
    private final Optional<MediaCache> media;

    public WebhookChannel(WebhookClient client, Function<String, Optional<String>> keys) {
        this(client, keys, LIMITS);
    }

    public WebhookChannel(WebhookClient client, Function<String, Optional<String>> keys, List<RateLimit> limits) {
        this(client, keys, limits, Optional.empty());
    }

    /** @param media remembers uploaded files' media ids; without it file messages fail with a reason */
    public WebhookChannel(WebhookClient client, Function<String, Optional<String>> keys, List<RateLimit> limits,
                          Optional<MediaCache> media) {
        this.client = client;
        this.keys = keys;
        this.limits = List.copyOf(limits);
        this.media = media;
    }

    public boolean hasKey(String chatId) {
        return keys.apply(chatId).isPresent();
    }

    private String key(String chatId) {
        return keys.apply(chatId).orElseThrow(() -> new IllegalStateException(
                "群 " + chatId + " 没有配置 webhook key / no webhook key for group chat " + chatId + ": set wecom.webhooks."
                        + chatId + " in config/duban.yml or " + WeComSettings.webhookEnvName(chatId)));
    }

    @Override
    public Destination destination(OutboxEntry entry) {
        String chatId = entry.message().address().value();
        // one robot per key: two chats sharing a key share its limit
        return new Destination("webhook " + chatId + "#" + shortHash(key(chatId)), limits);
    }

    @Override
    public List<String> parts(OutboxEntry entry) {
        OutboundMessage m = entry.message();
        return switch (m.format()) {
            case TEXT -> MessageSplitter.split(m.content(), MessageSplitter.WEBHOOK_TEXT_BYTES);
            case MARKDOWN -> MessageSplitter.split(withMentions(m), MessageSplitter.WEBHOOK_MARKDOWN_BYTES);
            case IMAGE -> List.of(m.content());
            case FILE -> List.of(FileContent.decode(m.content()).describe());
        };
    }

    private static String withMentions(OutboundMessage m) {
        if (m.mentions().isEmpty()) {
            return m.content();
        }
        return m.content() + "\n" + String.join(" ", m.mentions().stream().map(u -> "<@" + u + ">").toList());
    }

    @Override
    public SendResult send(OutboxEntry entry, Part part) {
        OutboundMessage m = entry.message();
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        switch (m.format()) {
            case TEXT -> {
                payload.put("msgtype", "text");
                ObjectNode text = payload.putObject("text").put("content", part.content());
                if (part.isLast() && !m.mentions().isEmpty()) {
                    ArrayNode list = text.putArray("mentioned_list");
                    m.mentions().forEach(list::add);
                }
            }
            case MARKDOWN -> payload.put("msgtype", "markdown").putObject("markdown").put("content", part.content());
            case IMAGE -> {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(part.content().strip());
                } catch (IllegalArgumentException e) {
                    return SendResult.failed("image content is not base64");
                }
                payload.put("msgtype", "image").putObject("image")
                        .put("base64", Base64.getEncoder().encodeToString(bytes))
                        .put("md5", HexFormat.of().formatHex(digest("MD5", bytes)));
            }
            case FILE -> {
                return sendFile(key(m.address().value()), FileContent.decode(m.content()));
            }
            default -> {
                return SendResult.failed(m.format().key() + " is not supported by webhooks here");
            }
        }
        return client.send(key(m.address().value()), payload);
    }

    /** Uploads the file (or reuses its media id for this robot) and sends a {@code file} message with it. */
    private SendResult sendFile(String key, FileContent file) {
        if (media.isEmpty()) {
            return SendResult.failed("webhook file messages need the media cache");
        }
        String channel = "webhook:" + shortHash(key);
        MediaUpload upload = media.get().mediaId(channel, file, () -> client.uploadFile(key, file));
        if (upload instanceof MediaUpload.NotUploaded no) {
            return no.why();
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("msgtype", "file");
        payload.putObject("file").put("media_id", ((MediaUpload.Uploaded) upload).mediaId());
        SendResult sent = client.send(key, payload);
        if (sent instanceof SendResult.Failed f && f.reason().startsWith("errcode " + INVALID_MEDIA_ID)) {
            media.get().forget(channel, file);
            return SendResult.retry(f.reason() + " (media id expired; uploading again)");
        }
        return sent;
    }

    static final int INVALID_MEDIA_ID = 40007;

    private static String shortHash(String key) {
        return HexFormat.of().formatHex(digest("SHA-256", key.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
