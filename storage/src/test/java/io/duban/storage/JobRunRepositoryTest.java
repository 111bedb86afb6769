package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.Address;
import io.duban.storage.model.JobRun;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim contract on a real SQLite file; {@code PostgresJobRunRepositoryTest} runs it on PostgreSQL. */
class JobRunRepositoryTest {
    static final Instant AT = Instant.parse("2023-10-12T07:00:00Z");

    @TempDir
    Path dir;

    /** The database under test; {@code PostgresJobRunRepositoryTest} points this at PostgreSQL. */
    protected String url() {
        return "jdbc:sqlite:" + dir.resolve("duban.db");
    }

    static List<OutboundMessage> messages(String period) {
        return List.of(
                OutboundMessage.text(Address.group("wr-demo-ngk"), "请报送本周进展", List.of(),
                        "job:weekly-prompt:" + period + ":wr-demo-ngk"),
                OutboundMessage.text(Address.group("wr-demo-jzk"), "请报送本周进展", List.of(),
                        "job:weekly-prompt:" + period + ":wr-demo-jzk"));
    }

    @Test
    void givenAClaimedRun_aSecondClaimEnqueuesNothing() {
        try (Storage s = Storage.open(url())) {
            Optional<List<OutboxEntry>> first = s.jobRuns().claimAndEnqueue("weekly-prompt", "2023-W41", AT,
                    messages("2023-W41"), AT);
            Optional<List<OutboxEntry>> second = s.jobRuns().claimAndEnqueue("weekly-prompt", "2023-W41", AT,
                    messages("2023-W41"), AT.plusSeconds(30));
            assertThat(first).hasValueSatisfying(l -> assertThat(l).hasSize(2));
            assertThat(second).isEmpty();
            assertThat(s.outbox().list(List.of(OutboxEntry.Status.PENDING), 100)).hasSize(2);
            JobRun run = s.jobRuns().find("weekly-prompt", "2023-W41").orElseThrow();
            assertThat(run.status()).isEqualTo(JobRun.Status.DONE);
            assertThat(run.messageCount()).isEqualTo(2);
        }
    }

    @Test
    void aClaimFencedWithAStaleToken_isRefusedAndStoresNothing_whileTheCurrentHolderClaims() {
        try (Storage s = Storage.open(url())) {
            java.time.Duration ttl = java.time.Duration.ofSeconds(10);
            long oldToken = s.leases().acquire("wecom-connection", "host-a-1", AT, ttl).orElseThrow().token();
            // host-a-1 pauses; its lease runs out and host-b-2 takes over with the next token
            Instant later = AT.plusSeconds(13);
            long newToken = s.leases().acquire("wecom-connection", "host-b-2", later, ttl).orElseThrow().token();
            assertThat(newToken).isGreaterThan(oldToken);

            io.duban.storage.model.Fence stale = new io.duban.storage.model.Fence("wecom-connection", "host-a-1",
                    oldToken, later);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.jobRuns().claimAndEnqueue("weekly-prompt",
                    "2023-W41", AT, messages("2023-W41"), later, Optional.of(stale)))
                    .isInstanceOf(StaleLeaseException.class).hasMessageContaining("token " + oldToken);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.jobRuns().recordSkipped("weekly-prompt",
                    "2023-W40", AT, "missed", later, Optional.of(stale))).isInstanceOf(StaleLeaseException.class);
            assertThat(s.jobRuns().find("weekly-prompt", "2023-W41")).isEmpty();
            assertThat(s.jobRuns().find("weekly-prompt", "2023-W40")).isEmpty();
            assertThat(s.outbox().list(List.of(OutboxEntry.Status.PENDING), 100)).isEmpty();

            io.duban.storage.model.Fence current = new io.duban.storage.model.Fence("wecom-connection", "host-b-2",
                    newToken, later);
            assertThat(s.jobRuns().claimAndEnqueue("weekly-prompt", "2023-W41", AT, messages("2023-W41"), later,
                    Optional.of(current))).hasValueSatisfying(l -> assertThat(l).hasSize(2));
            // the holder's own lease, once run out, fences it too
            io.duban.storage.model.Fence expired = new io.duban.storage.model.Fence("wecom-connection", "host-b-2",
                    newToken, later.plusSeconds(11));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.jobRuns().claimAndEnqueue("weekly-prompt",
                    "2023-W42", AT, messages("2023-W42"), later.plusSeconds(11), Optional.of(expired)))
                    .isInstanceOf(StaleLeaseException.class);
        }
    }

    @Test
    void givenASkippedRun_itCannotBeClaimedLater() {
        try (Storage s = Storage.open(url())) {
            assertThat(s.jobRuns().recordSkipped("weekly-prompt", "2023-W41", AT, "missed by 7 h", AT)).isTrue();
            assertThat(s.jobRuns().claimAndEnqueue("weekly-prompt", "2023-W41", AT, messages("2023-W41"), AT))
                    .isEmpty();
            assertThat(s.outbox().list(List.of(OutboxEntry.Status.PENDING), 100)).isEmpty();
            assertThat(s.jobRuns().find("weekly-prompt", "2023-W41").orElseThrow().note()).isEqualTo("missed by 7 h");
        }
    }

    @Test
    void givenARestartAfterTheClaim_theOutboxStillHoldsEachMessageOnce() {
        try (Storage s = Storage.open(url())) {
            s.jobRuns().claimAndEnqueue("weekly-prompt", "2023-W41", AT, messages("2023-W41"), AT);
        }
        try (Storage s = Storage.open(url())) {   // the process restarted before the sender drained the outbox
            assertThat(s.jobRuns().claimAndEnqueue("weekly-prompt", "2023-W41", AT, messages("2023-W41"), AT))
                    .isEmpty();
            assertThat(s.outbox().list(List.of(OutboxEntry.Status.PENDING), 100))
                    .extracting(e -> e.message().dedupeKey().orElseThrow())
                    .containsExactly("job:weekly-prompt:2023-W41:wr-demo-ngk", "job:weekly-prompt:2023-W41:wr-demo-jzk");
        }
    }

    @Test
    void givenTwoProcessesOnOneSqliteFile_exactlyOneClaimWins() throws Exception {
        try (Storage a = Storage.open(url()); Storage b = Storage.open(url())) {
            for (int round = 0; round < 20; round++) {
                String period = "2023-W" + (10 + round);
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<Optional<List<OutboxEntry>>>> results = new ArrayList<>();
                for (Storage s : List.of(a, b)) {
                    Callable<Optional<List<OutboxEntry>>> claim = () -> {
                        start.await();
                        return s.jobRuns().claimAndEnqueue("weekly-prompt", period, AT, messages(period), AT);
                    };
                    results.add(pool.submit(claim));
                }
                start.countDown();
                int winners = 0;
                for (Future<Optional<List<OutboxEntry>>> f : results) {
                    winners += f.get().isPresent() ? 1 : 0;
                }
                pool.shutdown();
                assertThat(winners).as(period).isEqualTo(1);
            }
            assertThat(a.outbox().list(List.of(OutboxEntry.Status.PENDING), 1000)).hasSize(40);
        }
    }

    @Test
    void givenAMessageAlreadyInTheOutbox_theClaimStillSucceedsWithoutDoublingIt() {
        try (Storage s = Storage.open(url())) {
            s.outbox().enqueue(messages("2023-W41").get(0), AT);
            Optional<List<OutboxEntry>> claimed = s.jobRuns().claimAndEnqueue("weekly-prompt", "2023-W41", AT,
                    messages("2023-W41"), AT);
            assertThat(claimed).hasValueSatisfying(l -> assertThat(l).hasSize(1));
            assertThat(s.outbox().list(List.of(OutboxEntry.Status.PENDING), 100)).hasSize(2);
        }
    }
}
