package io.duban.bot.wecom.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * WeCom's per-member limit for an app's messages: at most 30 a minute and 1000 an hour to one person. WeCom drops
 * the excess <em>silently</em>, so the outbox drainer asks here before each send and defers the message to
 * {@link #availableAt} when the answer is no. Sliding windows on the injected clock; thread-safe.
 */
public final class MemberRateLimiter {
    private final Clock clock;
    private final Window[] windows;
    private final Map<String, ArrayDeque<Instant>> sent = new HashMap<>();

    private record Window(int max, Duration length) {
    }

    /** WeCom's limits for {@code message/send}: 30 a minute and 1000 an hour per member. */
    public static MemberRateLimiter wecomDefaults(Clock clock) {
        return new MemberRateLimiter(clock, 30, Duration.ofMinutes(1), 1000, Duration.ofHours(1));
    }

    public MemberRateLimiter(Clock clock, int perMinute, Duration minute, int perHour, Duration hour) {
        if (perMinute < 1 || perHour < perMinute) {
            throw new IllegalArgumentException("limits must be positive and the hourly at least the per-minute one");
        }
        this.clock = clock;
        this.windows = new Window[] {new Window(perMinute, minute), new Window(perHour, hour)};
    }

    /** Takes one send for {@code member} if allowed now; {@code false} means: do not send yet. */
    public synchronized boolean tryAcquire(String member) {
        Instant now = clock.instant();
        if (availableAt(member, now).isAfter(now)) {
            return false;
        }
        sent.computeIfAbsent(member, m -> new ArrayDeque<>()).addLast(now);
        return true;
    }

    /** The earliest moment a send to {@code member} is allowed (now or later). */
    public synchronized Instant availableAt(String member) {
        return availableAt(member, clock.instant());
    }

    private Instant availableAt(String member, Instant now) {
        ArrayDeque<Instant> times = sent.get(member);
        if (times == null) {
            return now;
        }
        Duration longest = windows[windows.length - 1].length();
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(longest))) {
            times.pollFirst();
        }
        if (times.isEmpty()) {
            sent.remove(member);
            return now;
        }
        Instant at = now;
        for (Window w : windows) {
            int inWindow = 0;
            Instant oldestInWindow = null;
            for (var it = times.descendingIterator(); it.hasNext(); ) {
                Instant t = it.next();
                if (!t.isAfter(now.minus(w.length()))) {
                    break;
                }
                inWindow++;
                oldestInWindow = t;
                if (inWindow == w.max()) {
                    break;
                }
            }
            if (inWindow >= w.max()) {
                // the oldest of the last max sends must leave the window first
                Instant free = oldestInWindow.plus(w.length());
                if (free.isAfter(at)) {
                    at = free;
                }
            }
        }
        return at;
    }
}
