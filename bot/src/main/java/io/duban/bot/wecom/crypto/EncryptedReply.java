package io.duban.bot.wecom.crypto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An encrypted passive reply: the ciphertext, its signature and the timestamp and nonce it was signed with,
 * ready to be written as the XML envelope (self-built app) or the JSON envelope (intelligent robot).
 */
public record EncryptedReply(String encrypt, String signature, String timestamp, String nonce) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public EncryptedReply {
        requireNonNull(encrypt, "encrypt is null");
        requireNonNull(signature, "signature is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(nonce, "nonce is null");
    }

    /** {@code <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>}; the values are base64, hex and digits. */
    public String toXml() {
        return "<xml>"
                + "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt>"
                + "<MsgSignature><![CDATA[" + signature + "]]></MsgSignature>"
                + "<TimeStamp>" + timestamp + "</TimeStamp>"
                + "<Nonce><![CDATA[" + nonce + "]]></Nonce>"
                + "</xml>";
    }

    /** {@code {"encrypt","msgsignature","timestamp","nonce"}}. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("encrypt", encrypt);
        node.put("msgsignature", signature);
        node.put("timestamp", timestamp);
        node.put("nonce", nonce);
        return node.toString();
    }
}
