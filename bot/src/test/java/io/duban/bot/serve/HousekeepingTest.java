package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.engine.StorageProblems;
import io.duban.bot.wecom.WeComSettings;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.ClaimedEntry;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.ServeInstance;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL a reply being sent when its instance died goes out again once the death is known, also when the
 * instance died after this one started (a supervisor that restarts on every exit): the status rounds look for silent
 * instances, not only the start. Before, such a reply waited for its 120 s outbox lease.
 */
class HousekeepingTest {
    @TempDir
    Path dir;

    @Test
    void theStatusRounds_releaseTheRepliesOfAnInstanceThatFellSilent_butNotOfALiveOne() {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        Instant now = Instant.now();
        try (Storage storage = Storage.open(url)) {
            Instant silentSince = now.minus(Housekeeping.INSTANCE_SILENT).minusSeconds(1);
            storage.instances().heartbeat(new ServeInstance("killed", "host-a", 101, "active", silentSince,
                    silentSince, ""));
            storage.instances().heartbeat(new ServeInstance("alive", "host-b", 202, "standby", now, now, ""));
            for (int i = 0; i < 2; i++) {
                storage.outbox().enqueue(new OutboundMessage(Address.reply("m" + i), OutboundMessage.Format.MARKDOWN,
                        "已记录", List.of(), Optional.of("reply:m" + i)), now);
            }
            ClaimedEntry ofKilled = storage.outbox().claim("killed", now, Duration.ofSeconds(120), 1).get(0);
            ClaimedEntry ofAlive = storage.outbox().claim("alive", now, Duration.ofSeconds(120), 1).get(0);

            Housekeeping housekeeping = new Housekeeping(storage, Clock.systemUTC(), WeComSettings.from(null, Map.of()),
                    dir.resolve("status.json"), "me", new StorageProblems(Clock.systemUTC()), Optional.empty());
            try {
                housekeeping.start(); // the status rounds, as a running instance has them
                await().atMost(Duration.ofSeconds(10)).until(() -> storage.outbox()
                        .list(List.of(OutboxEntry.Status.PENDING), 10).stream().anyMatch(e -> e.id() == ofKilled.id()));
                assertThat(storage.outbox().list(List.of(OutboxEntry.Status.SENDING), 10)).extracting(OutboxEntry::id)
                        .as("the live instance keeps its reply").containsExactly(ofAlive.id());
            } finally {
                housekeeping.stop();
            }
        }
    }
}
