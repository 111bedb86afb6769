package io.duban.bot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding-window rate limits per destination, on an injected clock. Every permit taken counts (WeCom counts failed
 * sends too), so a message is only sent after {@link #tryAcquire} said yes.
 *
 * <p>WeCom starts counting when a request reaches it, not when we decided to send it: after the request,
 * {@link #sent} moves the permit's time to the moment the answer came back (the latest moment WeCom can have
 * received it), and every window is counted {@code margin} longer than the limit says, so that clock differences and
 * slow requests never put a 21st message into WeCom's minute.
 */
public final class RateLimiter {
    /** The safety margin {@code serve} adds to every window. */
    public static final Duration SAFETY_MARGIN = Duration.ofSeconds(2);

    private final Clock clock;
    private final Duration margin;
    private final Map<String, Deque<Permit>> sent = new HashMap<>();

    /** A permit's time: when it was taken, then when its request was answered. */
    private static final class Permit {
        Instant at;

        Permit(Instant at) {
            this.at = at;
        }
    }

    /** Windows exactly as long as the limits say. */
    public RateLimiter(Clock clock) {
        this(clock, Duration.ZERO);
    }

    /** Windows {@code margin} longer than the limits say. */
    public RateLimiter(Clock clock, Duration margin) {
        this.clock = clock;
        this.margin = margin;
    }

    /**
     * Takes a permit for the destination if every one of its limits allows it.
     *
     * @return empty when the permit was taken; otherwise the moment a permit frees up
     */
    public synchronized Optional<Instant> tryAcquire(Destination destination) {
        Instant now = clock.instant();
        Deque<Permit> times = sent.computeIfAbsent(destination.key(), k -> new ArrayDeque<>());
        long longest = destination.limits().stream().mapToLong(l -> l.window().plus(margin).toMillis()).max()
                .orElse(0);
        while (!times.isEmpty() && !times.peekFirst().at.isAfter(now.minusMillis(longest))) {
            times.pollFirst();
        }
        Instant freeAt = null;
        for (RateLimit limit : destination.limits()) {
            Duration window = limit.window().plus(margin);
            Instant windowStart = now.minus(window);
            int inWindow = 0;
            Instant oldestInWindow = null;
            // newest first; stop at the window's start
            var it = times.descendingIterator();
            while (it.hasNext()) {
                Instant t = it.next().at;
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
                Instant candidate = oldestInWindow.plus(window);
                freeAt = freeAt == null || candidate.isAfter(freeAt) ? candidate : freeAt;
            }
        }
        if (freeAt != null) {
            return Optional.of(freeAt);
        }
        times.addLast(new Permit(now));
        return Optional.empty();
    }

    /**
     * The request made with the destination's latest permit has come back (sent, refused or failed): its window
     * starts now, the latest moment WeCom can have received it. Call it from the thread that took the permit.
     */
    public synchronized void sent(Destination destination) {
        Deque<Permit> times = sent.get(destination.key());
        if (times != null && !times.isEmpty()) {
            Instant now = clock.instant();
            Permit last = times.peekLast();
            if (now.isAfter(last.at)) {
                last.at = now;
            }
        }
    }

    /** Messages sent to the destination within the last {@code window}. */
    public synchronized int recent(String destinationKey, Duration window) {
        Instant from = clock.instant().minus(window);
        return (int) sent.getOrDefault(destinationKey, new ArrayDeque<>()).stream().filter(t -> t.at.isAfter(from))
                .count();
    }
}
