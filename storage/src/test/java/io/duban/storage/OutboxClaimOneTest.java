package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.Address;
import io.duban.storage.model.ClaimedEntry;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transport that answers at once takes the one row it was handed: pending rows only, once. Runs on SQLite;
 * {@code PostgresOutboxClaimOneTest} runs the same on PostgreSQL.
 */
class OutboxClaimOneTest {
    static final Instant NOW = Instant.parse("2023-10-09T01:00:00Z");
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

    @AfterEach
    void tearDown() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void aPendingRow_isTakenOnce_evenBeforeItIsDue_andNotAfterItWasSent() {
        OutboxEntry row = storage.outbox().enqueue(OutboundMessage.text(Address.reply("m-1"), "好的", List.of(),
                "reply:console:m-1"), NOW.plusSeconds(60)).orElseThrow();
        ClaimedEntry claimed = storage.outbox().claimOne(row.id(), "console", NOW, Duration.ofMinutes(1))
                .orElseThrow();
        assertThat(claimed.entry().message().content()).isEqualTo("好的");
        assertThat(storage.outbox().claimOne(row.id(), "other", NOW, Duration.ofMinutes(1))).isEmpty();
        assertThat(storage.outbox().claim("drainer", NOW.plusSeconds(120), Duration.ofMinutes(1), 10)).isEmpty();
        assertThat(storage.outbox().markSent(claimed, NOW)).isTrue();
        assertThat(storage.outbox().claimOne(row.id(), "console", NOW, Duration.ofMinutes(1))).isEmpty();
        assertThat(storage.outbox().find(row.id()).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
    }
}
