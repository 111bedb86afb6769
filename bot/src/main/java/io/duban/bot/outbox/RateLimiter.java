package io.duban.bot.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding-window rate limits per destination, on an injected clock. Every permit taken counts (WeCom counts failed
 * sends too), so a message is only sent after {@link #tryAcquire} said yes.
 */
public final class RateLimiter {
    private final Clock clock;
    private final Map<String, Deque<Instant>> sent = new HashMap<>();

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes a permit for the destination if every one of its limits allows it.
     *
     * @return empty when the permit was taken; otherwise the moment a permit frees up
     */
    public synchronized Optional<Instant> tryAcquire(Destination destination) {
        Instant now = clock.instant();
        Deque<Instant> times = sent.computeIfAbsent(destination.key(), k -> new ArrayDeque<>());
        long longest = destination.limits().stream().mapToLong(l -> l.window().toMillis()).max().orElse(0);
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minusMillis(longest))) {
            times.pollFirst();
        }
        Instant freeAt = null;
        for (RateLimit limit : destination.limits()) {
            Instant windowStart = now.minus(limit.window());
            int inWindow = 0;
            Instant oldestInWindow = null;
            // newest first; stop at the window's start
            var it = times.descendingIterator();
            while (it.hasNext()) {
                Instant t = it.next();
                if (!t.isAfter(windowStart)) {
                    break;
                }
                inWindow++;
                oldestInWindow = t;
                if (inWindow >= limit.permits()) {
                    break;
                }
            }
            if (inWindow >= limit.permits()) {
                Instant candidate = oldestInWindow.plus(limit.window());
                freeAt = freeAt == null || candidate.isAfter(freeAt) ? candidate : freeAt;
            }
        }
        if (freeAt != null) {
            return Optional.of(freeAt);
        }
        times.addLast(now);
        return Optional.empty();
    }

    /** Messages sent to the destination within the last {@code window}. */
    public synchronized int recent(String destinationKey, java.time.Duration window) {
        Instant from = clock.instant().minus(window);
        return (int) sent.getOrDefault(destinationKey, new ArrayDeque<>()).stream().filter(t -> t.isAfter(from)).count();
    }
}
