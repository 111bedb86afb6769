package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL a reply being sent when its instance died goes out again as soon as the death is known: an instance
 * on this host whose process is gone is dead at once, even while its last heartbeat is recent (a supervisor that
 * restarts on every exit brings it back within seconds, and its reply would otherwise wait for the outbox lease).
 */
class HousekeepingTest {
    @TempDir
    Path dir;

    @Test
    void aDeadProcessOnThisHost_hasItsRepliesReleased_aLiveOnesAreKept() throws Exception {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Instant now = Instant.now();
        try (Storage storage = Storage.open(url)) {
            String host = Housekeeping.host();
            storage.instances().heartbeat(new ServeInstance("killed", host, gone.pid(), "active", now, now, ""));
            storage.instances().heartbeat(new ServeInstance("alive", host, ProcessHandle.current().pid(), "standby",
                    now, now, ""));
            storage.instances().heartbeat(new ServeInstance("elsewhere", "another-host", gone.pid(), "standby",
                    now, now, ""));
            for (int i = 0; i < 3; i++) {
                storage.outbox().enqueue(new OutboundMessage(Address.reply("m" + i), OutboundMessage.Format.MARKDOWN,
                        "已记录", List.of(), Optional.of("reply:m" + i)), now);
            }
            ClaimedEntry ofKilled = storage.outbox().claim("killed", now, Duration.ofSeconds(120), 1).get(0);
            ClaimedEntry ofAlive = storage.outbox().claim("alive", now, Duration.ofSeconds(120), 1).get(0);
            ClaimedEntry ofElsewhere = storage.outbox().claim("elsewhere", now, Duration.ofSeconds(120), 1).get(0);

            Housekeeping housekeeping = new Housekeeping(storage, Clock.systemUTC(), WeComSettings.from(null, Map.of()),
                    dir.resolve("status.json"), "me", new StorageProblems(Clock.systemUTC()), Optional.empty());
            housekeeping.releaseRepliesOfDeadSenders();

            assertThat(storage.outbox().list(List.of(OutboxEntry.Status.PENDING), 10)).extracting(OutboxEntry::id)
                    .as("only the killed process's reply is due again").containsExactly(ofKilled.id());
            assertThat(storage.outbox().list(List.of(OutboxEntry.Status.SENDING), 10)).extracting(OutboxEntry::id)
                    .as("a live process here, and one on another host with a recent heartbeat, keep theirs")
                    .containsExactlyInAnyOrder(ofAlive.id(), ofElsewhere.id());
            housekeeping.stop();
        }
    }
}
