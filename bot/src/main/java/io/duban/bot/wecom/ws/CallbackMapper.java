package io.duban.bot.wecom.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.MessageKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates an {@code aibot_msg_callback} body into the engine's {@link InboundMessage}. Maps fields only: the
 * engine strips the leading @mention. Non-text messages become a short bracketed placeholder the engine can answer.
 */
public final class CallbackMapper {
    public static final String TRANSPORT = "wecom-ws";

    private CallbackMapper() {
    }

    public static InboundMessage toInbound(JsonNode body, Instant receivedAt) {
        String msgid = required(body, "msgid");
        String userId = body.path("from").path("userid").asText("");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("callback " + msgid + " has no from.userid");
        }
        boolean group = "group".equals(body.path("chattype").asText());
        Optional<String> chatId = Optional.of(body.path("chatid").asText("")).filter(s -> !s.isBlank());
        if (group && chatId.isEmpty()) {
            throw new IllegalArgumentException("group callback " + msgid + " has no chatid");
        }
        JsonNode quote = body.path("quote");
        Optional<String> quoted = quote.isMissingNode() || quote.isNull() ? Optional.empty()
                : Optional.of(content(quote)).filter(s -> !s.isBlank());
        MessageKind kind = kind(body);
        return new InboundMessage(msgid, TRANSPORT, userId, group ? ChatType.GROUP : ChatType.DIRECT,
                group ? chatId : Optional.empty(), kind, kind.hasText() ? words(body) : kind.placeholder(),
                quoted, receivedAt, Optional.empty());
    }

    /** Text, mixed text and pictures, and voice that WeCom transcribed are text; the rest the engine cannot read. */
    static MessageKind kind(JsonNode body) {
        return switch (body.path("msgtype").asText("")) {
            case "text", "markdown" -> MessageKind.TEXT;
            case "mixed" -> mixedKind(body.path("mixed").path("msg_item"));
            case "voice" -> body.path("voice").path("content").asText("").isBlank() ? MessageKind.VOICE
                    : MessageKind.TEXT;
            case "image" -> MessageKind.IMAGE;
            case "file" -> MessageKind.FILE;
            case "video" -> MessageKind.VIDEO;
            default -> MessageKind.OTHER;
        };
    }

    /** Text and pictures in one message: its text is read; with no text at all it is a picture. */
    private static MessageKind mixedKind(JsonNode items) {
        boolean text = false;
        boolean other = false;
        for (JsonNode item : items) {
            boolean isText = "text".equals(item.path("msgtype").asText(""))
                    && !item.path("text").path("content").asText("").isBlank();
            text |= isText;
            other |= !isText;
        }
        return !text ? MessageKind.IMAGE : other ? MessageKind.TEXT_WITH_PICTURES : MessageKind.TEXT;
    }

    /** The words of the callback body: a mixed message's text parts, one per line, without picture placeholders. */
    static String words(JsonNode body) {
        if (!"mixed".equals(body.path("msgtype").asText(""))) {
            return content(body);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : body.path("mixed").path("msg_item")) {
            if ("text".equals(item.path("msgtype").asText(""))) {
                texts.add(item.path("text").path("content").asText(""));
            }
        }
        return String.join("\n", texts);
    }

    /** The text of a message node (the callback body, or its quote). */
    static String content(JsonNode node) {
        String type = node.path("msgtype").asText("");
        return switch (type) {
            case "text" -> node.path("text").path("content").asText("");
            case "markdown" -> node.path("markdown").path("content").asText("");
            case "voice" -> node.path("voice").path("content").asText("[语音]");
            case "mixed" -> {
                List<String> texts = new ArrayList<>();
                for (JsonNode item : node.path("mixed").path("msg_item")) {
                    String itemType = item.path("msgtype").asText("");
                    texts.add("text".equals(itemType) ? item.path("text").path("content").asText("")
                            : placeholder(itemType));
                }
                yield String.join("", texts);
            }
            default -> placeholder(type);
        };
    }

    private static String placeholder(String type) {
        return switch (type) {
            case "image" -> "[图片]";
            case "file" -> "[文件]";
            case "video" -> "[视频]";
            default -> "[" + (type.isBlank() ? "未知消息" : type) + "]";
        };
    }

    private static String required(JsonNode body, String field) {
        String v = body.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException("callback without " + field);
        }
        return v;
    }
}
