package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.Address;
import io.duban.storage.model.ClaimedEntry;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against a real SQLite file; {@code PostgresOutboxLeaseTest} runs the same against PostgreSQL. */
class OutboxLeaseTest {
    private static final Instant T0 = Instant.parse("2023-10-09T01:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    protected String url() {
        return "jdbc:sqlite:" + dir.resolve("duban.db");
    }

    private final List<Storage> opened = new ArrayList<>();

    private OutboxRepository open() {
        Storage storage = Storage.open(url());
        opened.add(storage);
        return storage.outbox();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Storage::close);
    }

    private static OutboundMessage msg(int i) {
        return OutboundMessage.markdown(Address.group("chat-" + (i % 3)), "消息 " + i, "k" + i);
    }

    @Test
    void givenTheSameDedupeKey_whenEnqueuedAgain_thenNothingIsAddedAndNothingIsReturned() {
        OutboxRepository outbox = open();
        assertThat(outbox.enqueue(msg(1), T0)).isPresent();
        outbox.enqueue(msg(2), T0);
        assertThat(outbox.enqueue(msg(1), T0)).isEmpty();
        assertThat(outbox.list(List.of(OutboxEntry.Status.PENDING), 10)).hasSize(2);
    }

    @Test
    void givenPendingRows_whenTwoSendersClaim_thenEachRowGoesToOneSender() {
        OutboxRepository outbox = open();
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(msg(i), T0);
        }
        List<ClaimedEntry> a = outbox.claim("a", T0, LEASE, 10);
        List<ClaimedEntry> b = outbox.claim("b", T0, LEASE, 10);
        assertThat(a).hasSize(3);
        assertThat(b).isEmpty();
        assertThat(outbox.find(a.get(0).id()).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENDING);
    }

    @Test
    void givenRowNotYetDue_whenClaimed_thenItStays() {
        OutboxRepository outbox = open();
        outbox.enqueue(msg(1), T0.plusSeconds(30));
        assertThat(outbox.claim("a", T0, LEASE, 10)).isEmpty();
        assertThat(outbox.claim("a", T0.plusSeconds(30), LEASE, 10)).hasSize(1);
    }

    @Test
    void givenExpiredLease_whenReleased_thenAnotherSenderTakesItAndTheOldOneCannotMarkIt() {
        OutboxRepository outbox = open();
        outbox.enqueue(msg(1), T0);
        ClaimedEntry dead = outbox.claim("a", T0, LEASE, 10).get(0);
        assertThat(outbox.releaseExpiredLeases(T0.plusSeconds(59))).isZero();
        assertThat(outbox.releaseExpiredLeases(T0.plusSeconds(61))).isEqualTo(1);
        ClaimedEntry alive = outbox.claim("b", T0.plusSeconds(61), LEASE, 10).get(0);
        assertThat(alive.id()).isEqualTo(dead.id());
        assertThat(outbox.markSent(dead, T0.plusSeconds(62))).isFalse();
        assertThat(outbox.markSent(alive, T0.plusSeconds(62))).isTrue();
        assertThat(outbox.find(alive.id()).orElseThrow().sentAt()).contains(T0.plusSeconds(62));
    }

    @Test
    void givenRetryAndFailure_thenAttemptsCountAndAdminCanRetryOrDrop() {
        OutboxRepository outbox = open();
        long id = outbox.enqueue(msg(1), T0).orElseThrow().id();
        ClaimedEntry c = outbox.claim("a", T0, LEASE, 1).get(0);
        outbox.markPartsSent(c, 1);
        outbox.markRetry(c, T0.plusSeconds(5), "HTTP 502");
        OutboxEntry row = outbox.find(id).orElseThrow();
        assertThat(row.status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("HTTP 502");
        assertThat(outbox.claim("a", T0.plusSeconds(4), LEASE, 1)).isEmpty();
        c = outbox.claim("a", T0.plusSeconds(5), LEASE, 1).get(0);
        assertThat(c.partsSent()).isEqualTo(1);
        outbox.markFailed(c, "errcode 93000: invalid webhook url", T0.plusSeconds(6));
        assertThat(outbox.countByStatus()).containsEntry(OutboxEntry.Status.FAILED, 1L);
        assertThat(outbox.list(List.of(OutboxEntry.Status.FAILED), 10)).extracting(e -> e.lastError().orElse(""))
                .containsExactly("errcode 93000: invalid webhook url");
        assertThat(outbox.retry(id, T0.plusSeconds(7))).isTrue();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(outbox.drop(id, T0.plusSeconds(8))).isTrue();
        assertThat(outbox.claim("a", T0.plusSeconds(9), LEASE, 1)).isEmpty();
        assertThat(outbox.drop(id, T0.plusSeconds(8))).isFalse();
    }

    @Test
    void givenDeferral_thenAttemptsAreNotCounted() {
        OutboxRepository outbox = open();
        long id = outbox.enqueue(msg(1), T0).orElseThrow().id();
        outbox.defer(outbox.claim("a", T0, LEASE, 1).get(0), T0.plusSeconds(3));
        assertThat(outbox.find(id).orElseThrow().attempts()).isZero();
        assertThat(outbox.find(id).orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void givenTwoProcessesOnOneFile_whenClaimingConcurrently_thenNoRowIsClaimedTwice() throws Exception {
        OutboxRepository setup = open();
        for (int i = 0; i < 100; i++) {
            setup.enqueue(msg(i), T0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            OutboxRepository own = open();
            String name = "s" + s;
            futures.add(pool.submit(() -> {
                start.await();
                List<Long> ids = new ArrayList<>();
                List<ClaimedEntry> batch;
                while (!(batch = own.claim(name, T0, LEASE, 7)).isEmpty()) {
                    for (ClaimedEntry c : batch) {
                        ids.add(c.id());
                        own.markSent(c, T0);
                    }
                }
                return ids;
            }));
        }
        start.countDown();
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Set<Long> distinct = new HashSet<>(all);
        assertThat(all).hasSize(100);
        assertThat(distinct).hasSize(100);
    }
}
