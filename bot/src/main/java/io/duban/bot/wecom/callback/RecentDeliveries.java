package io.duban.bot.wecom.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which deliveries were taken lately, so that WeCom's retries of one message (up to three, 5 s apart)
 * are processed once, also while the first is still being worked on. A bounded in-memory guard in front of the
 * engine's database de-duplication; entries expire after {@code ttl} by the injected clock.
 */
final class RecentDeliveries {
    private final Clock clock;
    private final Duration ttl;
    private final int capacity;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    RecentDeliveries(Clock clock, Duration ttl, int capacity) {
        this.clock = clock;
        this.ttl = ttl;
        this.capacity = capacity;
    }

    /** {@code true} the first time {@code key} is offered within the ttl. */
    synchronized boolean firstTime(String key) {
        Instant now = clock.instant();
        expire(now);
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Lets {@code key} be taken again, after its first delivery could not be stored. */
    synchronized void forget(String key) {
        seen.remove(key);
    }

    synchronized int size() {
        return seen.size();
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(ttl);
        Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext() && it.next().getValue().isBefore(cutoff)) {
            it.remove();
        }
    }
}
