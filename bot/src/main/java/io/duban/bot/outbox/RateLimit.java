package io.duban.bot.outbox;

import java.time.Duration;

/** At most {@code permits} messages per {@code window}. */
public record RateLimit(int permits, Duration window) {
    public RateLimit {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    public static RateLimit perMinute(int permits) {
        return new RateLimit(permits, Duration.ofMinutes(1));
    }

    public static RateLimit perHour(int permits) {
        return new RateLimit(permits, Duration.ofHours(1));
    }
}
