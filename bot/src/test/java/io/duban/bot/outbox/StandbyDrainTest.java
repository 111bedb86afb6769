package io.duban.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.MutableClock;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standby drains the outbox too, but what needs the active instance's long connection it gives back at once,
 * untouched (no attempt counted, not delayed, no rate-limit slot used), so that the active instance sends it on its
 * next pass. Before, the standby deferred such rows by 5 s and, its passes coming first, could hold them for minutes.
 */
class StandbyDrainTest {
    @TempDir
    Path dir;

    @Test
    void aRowForTheActivesLongConnection_isGivenBackAtOnce_andTheActiveSendsIt() {
        MutableClock clock = new MutableClock(Instant.parse("2023-10-09T01:00:00Z"));
        AtomicInteger standbySends = new AtomicInteger();
        AtomicInteger activeSends = new AtomicInteger();
        try (Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("duban.db"))) {
            OutboxDrainer standby = drainer(storage, clock, "standby", channel(true, standbySends));
            OutboxDrainer active = drainer(storage, clock, "active", channel(false, activeSends));
            storage.outbox().enqueue(OutboundMessage.text(Address.group("wr-demo-ngk"), "请报送本周进展", List.of(),
                    "job:weekly-prompt:2023-W41:wr-demo-ngk"), clock.instant());

            for (int i = 0; i < 40; i++) {
                standby.drainOnce(); // many passes, as if the standby's always came first
            }
            OutboxEntry row = storage.outbox().list(List.of(OutboxEntry.Status.PENDING), 10).get(0);
            assertThat(row.attempts()).isZero();
            assertThat(standbySends).hasValue(0);

            active.drainOnce();
            assertThat(activeSends).hasValue(1);
            assertThat(storage.outbox().list(List.of(OutboxEntry.Status.SENT), 10)).hasSize(1);
        }
    }

    private static OutboxDrainer drainer(Storage storage, MutableClock clock, String name, OutboundChannel channel) {
        return new OutboxDrainer(storage.outbox(), new ChannelRouter().route(Address.Kind.GROUP, channel),
                new RateLimiter(clock), RetryPolicy.DEFAULT, clock, name, Duration.ofSeconds(60), 10);
    }

    private static OutboundChannel channel(boolean elsewhere, AtomicInteger sends) {
        return new OutboundChannel() {
            @Override
            public Destination destination(OutboxEntry entry) {
                return new Destination("conversation:" + entry.message().address().value(), List.of());
            }

            @Override
            public List<String> parts(OutboxEntry entry) {
                return List.of(entry.message().content());
            }

            @Override
            public SendResult send(OutboxEntry entry, Part part) {
                sends.incrementAndGet();
                return elsewhere ? SendResult.unavailable("long connection is IDLE") : SendResult.ok();
            }

            @Override
            public boolean sendsElsewhere(OutboxEntry entry) {
                return elsewhere;
            }
        };
    }
}
