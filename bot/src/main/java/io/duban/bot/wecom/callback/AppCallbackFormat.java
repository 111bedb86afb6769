package io.duban.bot.wecom.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.MessageKind;
import io.duban.bot.wecom.crypto.WeComCrypto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * A self-built app's callback. The classic format is XML: the envelope {@code <xml><ToUserName/><AgentID/>
 * <Encrypt/></xml>} around a plaintext with FromUserName, CreateTime, MsgType, Content and MsgId. An app may also be
 * set to JSON ({@code {"tousername","encrypt","agentid"}} around the same fields as JSON); the first character of
 * the body tells which. The app hears 1:1 chats only.
 */
final class AppCallbackFormat implements CallbackFormat {
    static final String TRANSPORT = "wecom-app";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public String encryptedPayload(byte[] body) {
        String encrypt = isJson(body) ? jsonFields(body).apply("encrypt")
                : SafeXml.child(SafeXml.parseRoot(body), "Encrypt");
        if (encrypt == null || encrypt.isBlank()) {
            throw CallbackRejection.badRequest("envelope without Encrypt");
        }
        return encrypt.strip();
    }

    /** The plaintext's fields by name: an app may be set to receive XML or JSON. */
    private static Function<String, String> fields(String plaintext) {
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        if (isJson(bytes)) {
            return jsonFields(bytes);
        }
        Element root = SafeXml.parseRoot(bytes);
        return name -> SafeXml.child(root, name);
    }

    @Override
    public CallbackEvent decode(String plaintext, Instant receivedAt) {
        Function<String, String> field = fields(plaintext);
        String msgType = required(field, "MsgType");
        String sender = required(field, "FromUserName");
        String createTime = Optional.ofNullable(field.apply("CreateTime")).map(String::strip).orElse("");
        if ("event".equals(msgType)) {
            String event = Optional.ofNullable(field.apply("Event")).orElse("?");
            return new CallbackEvent.Ignored(sender + "@" + createTime, "event " + event);
        }
        String msgId = required(field, "MsgId");
        Optional<String> text = switch (msgType) {
            case "text" -> Optional.ofNullable(field.apply("Content"));
            case "voice" -> Optional.ofNullable(field.apply("Recognition")).filter(s -> !s.isBlank());
            default -> Optional.empty();
        };
        if (text.isPresent()) {
            return new CallbackEvent.Message(new InboundMessage(msgId, TRANSPORT, sender, ChatType.DIRECT,
                    Optional.empty(), text.get(), Optional.empty(), receivedAt));
        }
        return new CallbackEvent.Message(InboundMessage.of(kind(msgType), msgId, TRANSPORT, sender, ChatType.DIRECT,
                Optional.empty(), receivedAt));
    }

    /**
     * The app's passive text reply (at most 2048 bytes): {@code <xml><ToUserName/><FromUserName/><CreateTime/>
     * <MsgType>text</MsgType><Content/></xml>} to the sender from the corp, in the XML envelope; an app that
     * receives JSON gets the same fields as JSON in the JSON envelope.
     */
    @Override
    public PassiveReply passiveText(byte[] requestBody, String requestPlaintext, String text, WeComCrypto crypto,
                                    String timestamp, String nonce) {
        Function<String, String> field = fields(requestPlaintext);
        String sender = Optional.ofNullable(field.apply("FromUserName")).orElse("").strip();
        String corp = Optional.ofNullable(field.apply("ToUserName")).orElse("").strip();
        if (isJson(requestBody)) {
            com.fasterxml.jackson.databind.node.ObjectNode reply = JSON.createObjectNode()
                    .put("ToUserName", sender).put("FromUserName", corp).put("CreateTime", Long.parseLong(timestamp))
                    .put("MsgType", "text").put("Content", text);
            return new PassiveReply("application/json; charset=utf-8",
                    crypto.encryptReply(reply.toString(), timestamp, nonce).toJson());
        }
        String reply = "<xml><ToUserName>" + cdata(sender) + "</ToUserName><FromUserName>" + cdata(corp)
                + "</FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content>" + cdata(text) + "</Content></xml>";
        return new PassiveReply("application/xml; charset=utf-8", crypto.encryptReply(reply, timestamp, nonce).toXml());
    }

    private static String cdata(String value) {
        return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static MessageKind kind(String msgType) {
        return switch (msgType) {
            case "image" -> MessageKind.IMAGE;
            case "file" -> MessageKind.FILE;
            case "voice" -> MessageKind.VOICE;
            case "video" -> MessageKind.VIDEO;
            default -> MessageKind.OTHER;
        };
    }

    private static boolean isJson(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    /** The top-level scalar fields of a JSON object; a name is looked up as given, then in lower case. */
    private static Function<String, String> jsonFields(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw CallbackRejection.badRequest("malformed JSON");
        } catch (IOException e) {
            throw CallbackRejection.badRequest("unreadable JSON");
        }
        if (node == null || !node.isObject()) {
            throw CallbackRejection.badRequest("JSON is not an object");
        }
        return name -> {
            JsonNode v = node.has(name) ? node.get(name) : node.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
        };
    }

    private static String required(Function<String, String> field, String name) {
        String value = field.apply(name);
        if (value == null || value.isBlank()) {
            throw CallbackRejection.badRequest("message without " + name);
        }
        return value.strip();
    }
}
