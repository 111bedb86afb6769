package io.duban.bot.wecom.callback;

import io.duban.bot.engine.ChatType;
import io.duban.bot.engine.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A self-built app's callback: the envelope is {@code <xml><ToUserName/><AgentID/><Encrypt/></xml>} and the
 * plaintext XML holds FromUserName, CreateTime, MsgType, Content and MsgId. The app hears 1:1 chats only.
 */
final class AppXmlFormat implements CallbackFormat {
    static final String TRANSPORT = "wecom-app";

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public String encryptedPayload(byte[] body) {
        Element root = SafeXml.parseRoot(body);
        String encrypt = SafeXml.child(root, "Encrypt");
        if (encrypt == null || encrypt.isBlank()) {
            throw CallbackRejection.badRequest("XML envelope without Encrypt");
        }
        return encrypt.strip();
    }

    @Override
    public CallbackEvent decode(String plaintext, Instant receivedAt) {
        Element root = SafeXml.parseRoot(plaintext.getBytes(StandardCharsets.UTF_8));
        String msgType = required(root, "MsgType");
        String sender = required(root, "FromUserName");
        String createTime = Optional.ofNullable(SafeXml.child(root, "CreateTime")).map(String::strip).orElse("");
        if ("event".equals(msgType)) {
            String event = Optional.ofNullable(SafeXml.child(root, "Event")).orElse("?");
            return new CallbackEvent.Ignored(sender + "@" + createTime, "event " + event);
        }
        String msgId = required(root, "MsgId");
        Optional<String> text = switch (msgType) {
            case "text" -> Optional.ofNullable(SafeXml.child(root, "Content"));
            case "voice" -> Optional.ofNullable(SafeXml.child(root, "Recognition")).filter(s -> !s.isBlank());
            default -> Optional.empty();
        };
        InboundMessage inbound = new InboundMessage(msgId, TRANSPORT, sender, ChatType.DIRECT, Optional.empty(),
                text.orElse(""), Optional.empty(), receivedAt);
        return text.isPresent() ? new CallbackEvent.UserText(inbound, Optional.empty())
                : new CallbackEvent.Unsupported(inbound, Optional.empty(), msgType);
    }

    private static String required(Element root, String name) {
        String value = SafeXml.child(root, name);
        if (value == null || value.isBlank()) {
            throw CallbackRejection.badRequest("message without " + name);
        }
        return value.strip();
    }
}
