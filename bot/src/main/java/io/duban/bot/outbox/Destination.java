package io.duban.bot.outbox;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The thing WeCom rate-limits a message against, e.g. one webhook robot or one conversation on the long
 * connection. {@code key} must not contain a secret (it appears in logs).
 */
public record Destination(String key, List<RateLimit> limits) {
    public Destination {
        requireNonNull(key, "key is null");
        limits = List.copyOf(limits);
    }
}
