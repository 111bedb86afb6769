package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.MutableClock;
import io.duban.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
