package io.duban.bot.outbox;

import static java.util.Objects.requireNonNull;

/** What one send attempt came to: delivered, worth another try later, or failed for good. */
public sealed interface SendResult {
    record Ok() implements SendResult {
    }

    /** A transient failure (network, HTTP 5xx, busy, rate limited by WeCom): try again with backoff. */
    record Retry(String reason) implements SendResult {
        public Retry {
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * The channel cannot send right now (e.g. the long connection is reconnecting): try again soon without
     * counting an attempt, so the message goes out as soon as the channel is back.
     */
    record Unavailable(String reason) implements SendResult {
        public Unavailable {
            requireNonNull(reason, "reason is null");
        }
    }

    /** A permanent failure (bad key, bad content): park the message for an admin. */
    record Failed(String reason) implements SendResult {
        public Failed {
            requireNonNull(reason, "reason is null");
        }
    }

    static SendResult ok() {
        return new Ok();
    }

    static SendResult retry(String reason) {
        return new Retry(reason);
    }

    static SendResult unavailable(String reason) {
        return new Unavailable(reason);
    }

    static SendResult failed(String reason) {
        return new Failed(reason);
    }
}
