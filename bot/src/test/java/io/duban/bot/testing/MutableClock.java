package io.duban.bot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests set and move by hand. Views in other zones ({@link #withZone}) move with it. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public MutableClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(start), zone);
    }

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    /** A clock in Asia/Shanghai at a time like {@code 2023-10-09T09:00+08:00}. */
    public static MutableClock at(String offsetDateTime) {
        return new MutableClock(OffsetDateTime.parse(offsetDateTime).toInstant(), ZoneId.of("Asia/Shanghai"));
    }

    public void set(String offsetDateTime) {
        now.set(OffsetDateTime.parse(offsetDateTime).toInstant());
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
