package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.Address;
import io.duban.storage.model.ClaimedEntry;
import io.duban.storage.model.Lease;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.ServeInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease that makes one instance active, the instance list of ./duban status, and replies left by a dead sender. */
class LeaseAndInstanceTest {
    static final Instant T0 = Instant.parse("2023-10-09T01:00:00Z");
    static final Duration TTL = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    Storage storage;

    protected Storage open() {
        return Storage.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    @BeforeEach
    void setUp() {
        storage = open();
    }

    @Test
    void oneHolderAtATime_andTheTokenGrowsWithEveryNewHolder() {
        LeaseRepository leases = storage.leases();
        Optional<Lease> a = leases.acquire("connection", "a", T0, TTL);
        assertThat(a).map(Lease::token).contains(1L);
        assertThat(leases.acquire("connection", "b", T0.plusSeconds(5), TTL)).isEmpty();
        // a renews: same token, later expiry
        Optional<Lease> renewed = leases.acquire("connection", "a", T0.plusSeconds(5), TTL);
        assertThat(renewed).map(Lease::token).contains(1L);
        assertThat(renewed).map(Lease::expiresAt).contains(T0.plusSeconds(15));
        assertThat(leases.holds("connection", "a", 1, T0.plusSeconds(14))).isTrue();
        // a stops renewing (died): b takes over once the lease ran out, with a new token; a's writes are fenced off
        assertThat(leases.acquire("connection", "b", T0.plusSeconds(14), TTL)).isEmpty();
        Optional<Lease> b = leases.acquire("connection", "b", T0.plusSeconds(16), TTL);
        assertThat(b).map(Lease::token).contains(2L);
        assertThat(leases.holds("connection", "a", 1, T0.plusSeconds(16))).isFalse();
        assertThat(leases.holds("connection", "b", 2, T0.plusSeconds(16))).isTrue();
        // a clean stop hands over at once
        leases.release("connection", "b");
        assertThat(leases.acquire("connection", "a", T0.plusSeconds(17), TTL)).map(Lease::token).contains(3L);
    }

    @Test
    void instancesReportThemselves_andSilentOnesAreForgotten() {
        InstanceRepository instances = storage.instances();
        instances.heartbeat(new ServeInstance("h1-100-x", "h1", 100, "active", T0, T0, ""));
        instances.heartbeat(new ServeInstance("h2-200-y", "h2", 200, "standby", T0, T0.plusSeconds(1), ""));
        instances.heartbeat(new ServeInstance("h1-100-x", "h1", 100, "active", T0, T0.plusSeconds(3), ""));
        assertThat(instances.all()).extracting(ServeInstance::instanceId).containsExactly("h1-100-x", "h2-200-y");
        assertThat(instances.all().get(0).heartbeatAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(instances.forgetSilentSince(T0.plusSeconds(2))).isEqualTo(1);
        assertThat(instances.all()).extracting(ServeInstance::role).containsExactly("active");
    }

    @Test
    void repliesLeasedByADeadSender_arePendingAgainAtOnce_butALiveSendersAreNot() {
        OutboxRepository outbox = storage.outbox();
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(new OutboundMessage(Address.reply("m" + i), OutboundMessage.Format.MARKDOWN, "已记录",
                    List.of(), Optional.of("reply:m" + i)), T0);
        }
        List<ClaimedEntry> dead = outbox.claim("serve-1", T0, Duration.ofSeconds(120), 2);
        List<ClaimedEntry> live = outbox.claim("serve-2", T0, Duration.ofSeconds(120), 1);
        assertThat(dead).hasSize(2);
        assertThat(live).hasSize(1);
        assertThat(outbox.releaseLeasesOfOthers(List.of("serve-2"))).isEqualTo(2);
        assertThat(outbox.list(List.of(OutboxEntry.Status.PENDING), 10)).extracting(OutboxEntry::id)
                .containsExactlyElementsOf(dead.stream().map(ClaimedEntry::id).toList());
        assertThat(outbox.markSent(live.get(0), T0)).isTrue();
    }
}
