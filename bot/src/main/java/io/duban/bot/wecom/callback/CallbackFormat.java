package io.duban.bot.wecom.callback;

import io.duban.bot.wecom.crypto.WeComCrypto;
import java.time.Instant;

/** One receiver's wire format: where the ciphertext sits in the POST body, and what the plaintext means. */
interface CallbackFormat {
    /** The transport name put on every {@link io.duban.bot.message.InboundMessage} from this receiver. */
    String transport();

    /** The {@code Encrypt} value of the POST body; a {@link CallbackRejection} (400) if the body is malformed. */
    String encryptedPayload(byte[] body);

    /** The decrypted message; a {@link CallbackRejection} (400) if it is malformed. */
    CallbackEvent decode(String plaintext, Instant receivedAt);

    /**
     * A passive text reply to the message in {@code requestPlaintext}, encrypted and written in the envelope WeCom
     * expects from this receiver, for the 200 response. Used only when a message cannot be stored.
     *
     * @param requestBody      the POST body (its envelope tells XML from JSON where a receiver accepts both)
     * @param requestPlaintext the decrypted message being answered
     * @param timestamp        the callback's timestamp, echoed in the envelope
     * @param nonce            the callback's nonce, echoed in the envelope
     */
    PassiveReply passiveText(byte[] requestBody, String requestPlaintext, String text, WeComCrypto crypto,
                             String timestamp, String nonce);

    /** A 200 response body and its content type. */
    record PassiveReply(String contentType, String body) {
    }
}
