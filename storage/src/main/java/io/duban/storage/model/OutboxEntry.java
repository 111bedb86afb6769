package io.duban.storage.model;

import java.time.Instant;
import java.util.Optional;

/** An outbox row: the message and its delivery state. */
public record OutboxEntry(
        long id,
        OutboundMessage message,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Optional<String> lastError,
        Instant createdAt,
        Optional<Instant> sentAt) {

    public enum Status {
        PENDING("pending"),
        SENDING("sending"),
        SENT("sent"),
        FAILED("failed"),
        DROPPED("dropped");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Status fromKey(String key) {
            for (Status s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown outbox status " + key);
        }
    }
}
