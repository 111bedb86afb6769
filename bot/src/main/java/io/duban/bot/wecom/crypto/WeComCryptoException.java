package io.duban.bot.wecom.crypto;

import static java.util.Objects.requireNonNull;

/**
 * A callback that fails the WXBizMsgCrypt checks. The message names the check, never a key, token or ciphertext,
 * so it may be logged as it is.
 */
public final class WeComCryptoException extends RuntimeException {
    /** Which check failed. */
    public enum Reason {
        BAD_SIGNATURE,
        MALFORMED_CIPHERTEXT,
        MALFORMED_PLAINTEXT,
        WRONG_RECEIVE_ID
    }

    private final Reason reason;

    public WeComCryptoException(Reason reason, String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason is null");
    }

    public Reason reason() {
        return reason;
    }
}
