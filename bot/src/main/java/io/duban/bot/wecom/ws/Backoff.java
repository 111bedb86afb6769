package io.duban.bot.wecom.ws;

import io.duban.bot.outbox.RetryPolicy;
import java.time.Duration;

/** Reconnect delays: {@code min}, doubling per failed attempt, capped at {@code max}. Immutable. */
public record Backoff(Duration min, Duration max, int failures) {
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0);
    }

    /** The delay before the next attempt. */
    public Duration delay() {
        return RetryPolicy.doubled(min, max, failures);
    }

    /** After another failed attempt. */
    public Backoff next() {
        return new Backoff(min, max, failures + 1);
    }

    /** After a successful subscription. */
    public Backoff reset() {
        return new Backoff(min, max, 0);
    }
}
