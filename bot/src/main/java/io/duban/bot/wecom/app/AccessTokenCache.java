package io.duban.bot.wecom.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Access tokens per app (corp id + secret), kept until shortly before they expire. WeCom's tokens last 7200 s;
 * a token is handed out until {@code margin} (at most half its life) before that, so that it is refreshed early.
 */
final class AccessTokenCache {
    private final Clock clock;
    private final Duration margin;
    private final Map<AppCredentials, Entry> tokens = new HashMap<>();

    private record Entry(String token, Instant refreshAt) {
    }

    AccessTokenCache(Clock clock, Duration margin) {
        this.clock = clock;
        this.margin = margin;
    }

    synchronized Optional<String> get(AppCredentials app) {
        Entry e = tokens.get(app);
        if (e == null || !clock.instant().isBefore(e.refreshAt())) {
            return Optional.empty();
        }
        return Optional.of(e.token());
    }

    synchronized void put(AppCredentials app, String token, long expiresInSeconds) {
        Duration life = Duration.ofSeconds(Math.max(0, expiresInSeconds));
        Duration early = margin.compareTo(life.dividedBy(2)) < 0 ? margin : life.dividedBy(2);
        tokens.put(app, new Entry(token, clock.instant().plus(life).minus(early)));
    }

    /** Forgets {@code token} if it is still the cached one (another thread may have refreshed it already). */
    synchronized void invalidate(AppCredentials app, String token) {
        Entry e = tokens.get(app);
        if (e != null && e.token().equals(token)) {
            tokens.remove(app);
        }
    }
}
