package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.ManualScheduler;
import io.duban.bot.testing.MutableClock;
import io.duban.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One active instance at a time; a silent holder is replaced after the lease ran out, and steps down when it wakes. */
class ConnectionLeaseTest {
    @TempDir
    Path dir;

    @Test
    void oneActiveAtATime_andASilentHolderIsReplaced_andStepsDownWhenItWakes() {
        MutableClock clock = MutableClock.at("2023-10-09T09:00+08:00");
        List<String> events = new ArrayList<>();
        try (Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("lease.db"))) {
            ConnectionLease a = new ConnectionLease(storage.leases(), clock, "host-a-1",
                    () -> events.add("a active"), () -> events.add("a lost"));
            ConnectionLease b = new ConnectionLease(storage.leases(), clock, "host-b-2",
                    () -> events.add("b active"), () -> events.add("b lost"));
            a.tick();
            b.tick();
            assertThat(a.role()).isEqualTo("active");
            assertThat(b.role()).isEqualTo("standby");
            clock.advance(ConnectionLease.RENEW);
            a.tick();
            b.tick();
            assertThat(events).containsExactly("a active");

            // a stops renewing (a long pause, a dead process): b takes over once the lease ran out
            clock.advance(ConnectionLease.TTL.minusSeconds(1));
            b.tick();
            assertThat(b.role()).isEqualTo("standby");
            clock.advance(ConnectionLease.RENEW);
            b.tick();
            assertThat(b.role()).isEqualTo("active");
            assertThat(b.token()).get().isEqualTo(2L);
            a.tick();
            assertThat(a.role()).isEqualTo("standby");
            assertThat(events).containsExactly("a active", "b active", "a lost");
        }
    }
    @Test
    void aStandbyOnItsSchedule_takesOverWithinOneTryOfTheLeaseRunningOut_whileTheActiveOneRenewsEveryRenew() {
        MutableClock clock = MutableClock.at("2023-10-09T09:00+08:00");
        ManualScheduler timersOfA = new ManualScheduler(clock); // a dies when this stops being advanced
        ManualScheduler timersOfB = new ManualScheduler(clock);
        AtomicReference<Instant> bActiveAt = new AtomicReference<>();
        try (Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("lease.db"))) {
            ConnectionLease a = new ConnectionLease(storage.leases(), clock, "host-a-1", () -> { }, () -> { });
            ConnectionLease b = new ConnectionLease(storage.leases(), clock, "host-b-2",
                    () -> bActiveAt.set(clock.instant()), () -> { });
            a.start(timersOfA);
            timersOfA.advance(Duration.ZERO);
            b.start(timersOfB);
            timersOfB.advance(Duration.ZERO);
            assertThat(a.role()).isEqualTo("active");
            assertThat(b.role()).isEqualTo("standby");
            Instant firstExpiry = expiry(storage);
            timersOfA.advance(ConnectionLease.RENEW.minusMillis(1));
            assertThat(expiry(storage)).as("rounds between renewals leave the lease alone").isEqualTo(firstExpiry);
            timersOfA.advance(Duration.ofMillis(1));
            assertThat(expiry(storage)).as("renewed once RENEW has passed").isAfter(firstExpiry);

            // a dies right after renewing; b keeps trying on its own schedule
            Instant diedAt = clock.instant();
            Instant ranOut = expiry(storage);
            while (bActiveAt.get() == null) {
                assertThat(clock.instant()).as("b took over at all").isBefore(diedAt.plusSeconds(60));
                timersOfB.advance(Duration.ofMillis(100));
            }
            assertThat(Duration.between(ranOut, bActiveAt.get()))
                    .as("b holds the lease within a second of it running out")
                    .isLessThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(Duration.between(diedAt, bActiveAt.get()))
                    .as("the 15 s takeover leaves b at least 4 s to connect and subscribe")
                    .isLessThanOrEqualTo(Duration.ofSeconds(11));
            assertThat(a.role()).as("a never ran another round").isEqualTo("active");
        }
    }

    private static Instant expiry(Storage storage) {
        return storage.leases().current(ConnectionLease.NAME).orElseThrow().expiresAt();
    }
}
