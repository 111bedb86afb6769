package io.duban.bot.wecom.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.MessageKind;
import io.duban.bot.wecom.crypto.WeComCrypto;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The intelligent robot's HTTP callback: the envelope is {@code {"encrypt":"…"}} and the plaintext JSON has the same
 * fields as the long connection's {@code aibot_msg_callback} body (msgid, chatid, chattype, from.userid, msgtype,
 * text.content, quote) plus {@code response_url} for the one asynchronous reply.
 */
final class RobotJsonFormat implements CallbackFormat {
    static final String TRANSPORT = "wecom-callback";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public String encryptedPayload(byte[] body) {
        JsonNode envelope = parse(body);
        JsonNode encrypt = envelope.get("encrypt");
        if (encrypt == null || !encrypt.isTextual() || encrypt.asText().isEmpty()) {
            throw CallbackRejection.badRequest("JSON envelope without encrypt");
        }
        return encrypt.asText();
    }

    @Override
    public CallbackEvent decode(String plaintext, Instant receivedAt) {
        JsonNode msg = parse(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String msgType = text(msg, "msgtype").orElseThrow(() -> CallbackRejection.badRequest("message without msgtype"));
        String sender = Optional.ofNullable(msg.get("from")).flatMap(f -> text(f, "userid")).orElse("");
        Optional<String> msgId = text(msg, "msgid");
        if ("event".equals(msgType)) {
            String eventType = Optional.ofNullable(msg.get("event")).flatMap(e -> text(e, "eventtype")).orElse("?");
            String key = msgId.orElseGet(() -> sender + "@" + text(msg, "create_time").orElse(""));
            return new CallbackEvent.Ignored(key, "event " + eventType);
        }
        String id = msgId.orElseThrow(() -> CallbackRejection.badRequest("message without msgid"));
        if (sender.isEmpty()) {
            throw CallbackRejection.badRequest("message without from.userid");
        }
        String chatTypeKey = text(msg, "chattype").orElse("single");
        ChatType chatType = switch (chatTypeKey) {
            case "group" -> ChatType.GROUP;
            case "single" -> ChatType.DIRECT;
            default -> throw CallbackRejection.badRequest("unknown chattype");
        };
        Optional<String> chatId = chatType == ChatType.GROUP ? text(msg, "chatid") : Optional.empty();
        if (chatType == ChatType.GROUP && chatId.isEmpty()) {
            throw CallbackRejection.badRequest("group message without chatid");
        }
        Optional<String> responseUrl = text(msg, "response_url");
        Optional<String> body = readableText(msg, msgType);
        Optional<String> quoted = Optional.ofNullable(msg.get("quote"))
                .flatMap(q -> readableText(q, text(q, "msgtype").orElse("text")));
        MessageKind kind = body.isPresent() ? (hasPictures(msg, msgType) ? MessageKind.TEXT_WITH_PICTURES : MessageKind.TEXT)
                : kind(msgType);
        InboundMessage inbound = new InboundMessage(id, TRANSPORT, sender, chatType, chatId, kind,
                body.orElse(kind.placeholder()), quoted, receivedAt, responseUrl);
        return new CallbackEvent.Message(inbound);
    }

    /**
     * The robot answers a user's message passively only with a stream (plain text is for the welcome event alone):
     * one finished stream frame {@code {"msgtype":"stream","stream":{"id","finish":true,"content"}}} in the JSON
     * envelope {@code {"encrypt","msgsignature","timestamp","nonce"}} with the callback's timestamp and nonce.
     */
    @Override
    public PassiveReply passiveText(byte[] requestBody, String requestPlaintext, String text, WeComCrypto crypto,
                                    String timestamp, String nonce) {
        String msgId = "";
        try {
            msgId = text(JSON.readTree(requestPlaintext), "msgid").orElse("");
        } catch (JsonProcessingException e) {
            // decoded once already; an id is only a label for the stream
        }
        com.fasterxml.jackson.databind.node.ObjectNode reply = JSON.createObjectNode().put("msgtype", "stream");
        reply.putObject("stream").put("id", "unsaved-" + msgId).put("finish", true).put("content", text);
        return new PassiveReply("application/json; charset=utf-8",
                crypto.encryptReply(reply.toString(), timestamp, nonce).toJson());
    }

    /** Whether a mixed message carries more than text (its pictures are not kept). */
    private static boolean hasPictures(JsonNode msg, String msgType) {
        if (!"mixed".equals(msgType)) {
            return false;
        }
        for (JsonNode item : msg.path("mixed").path("msg_item")) {
            if (!"text".equals(item.path("msgtype").asText())) {
                return true;
            }
        }
        return false;
    }

    private static MessageKind kind(String msgType) {
        return switch (msgType) {
            case "image", "mixed" -> MessageKind.IMAGE;
            case "file" -> MessageKind.FILE;
            case "voice" -> MessageKind.VOICE;
            case "video" -> MessageKind.VIDEO;
            default -> MessageKind.OTHER;
        };
    }

    /** The words of a text, a transcribed voice message, or the text parts of a mixed message. */
    private static Optional<String> readableText(JsonNode msg, String msgType) {
        return switch (msgType) {
            case "text" -> Optional.ofNullable(msg.get("text")).flatMap(t -> text(t, "content"));
            case "voice" -> Optional.ofNullable(msg.get("voice")).flatMap(v -> text(v, "content"));
            case "mixed" -> {
                List<String> parts = new ArrayList<>();
                JsonNode items = msg.path("mixed").path("msg_item");
                for (JsonNode item : items) {
                    if ("text".equals(item.path("msgtype").asText())) {
                        text(item.path("text"), "content").ifPresent(parts::add);
                    }
                }
                yield parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String s = value.asText();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw CallbackRejection.badRequest("JSON is not an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw CallbackRejection.badRequest("malformed JSON");
        } catch (IOException e) {
            throw CallbackRejection.badRequest("unreadable JSON");
        }
    }
}
