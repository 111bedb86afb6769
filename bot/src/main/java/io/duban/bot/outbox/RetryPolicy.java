package io.duban.bot.outbox;

import java.time.Duration;

/**
 * Exponential backoff for transient failures: {@code first}, doubling, capped at {@code max}; after
 * {@code maxAttempts} attempts the message is parked as failed for an admin.
 */
public record RetryPolicy(Duration first, Duration max, int maxAttempts) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), 30);

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    public Duration delayAfter(int attempts) {
        return doubled(first, max, attempts - 1);
    }

    /** {@code first} doubled {@code doublings} times, capped at {@code max}: the one backoff curve of the bot. */
    public static Duration doubled(Duration first, Duration max, int doublings) {
        long millis = first.toMillis() << Math.max(0, Math.min(doublings, 20));
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
