package io.duban.bot.wecom.callback;

import java.time.Instant;

/** One receiver's wire format: where the ciphertext sits in the POST body, and what the plaintext means. */
interface CallbackFormat {
    /** The transport name put on every {@link io.duban.bot.message.InboundMessage} from this receiver. */
    String transport();

    /** The {@code Encrypt} value of the POST body; a {@link CallbackRejection} (400) if the body is malformed. */
    String encryptedPayload(byte[] body);

    /** The decrypted message; a {@link CallbackRejection} (400) if it is malformed. */
    CallbackEvent decode(String plaintext, Instant receivedAt);
}
