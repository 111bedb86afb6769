package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.storage.model.Address;
import io.duban.storage.model.ClosureAction;
import io.duban.storage.model.ClosureEvent;
import io.duban.storage.model.InboundRecord;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.StoredInbound;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One unit of work = one transaction: the inbound row, the report, the outcome and the reply commit together. */
class UnitOfWorkTest {
    static final Instant T0 = Instant.parse("2023-10-09T01:00:00Z");

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

    static InboundRecord message(String id, Instant at) {
        return new InboundRecord(id, "test", "liuyang", Optional.of("wr-demo-ngk"), "group", "12 60% 进展",
                Optional.empty(), at);
    }

    private void storeAndAnswer(String id, boolean fail) {
        storage.inTransaction(() -> {
            long inbound = storage.inbound().receive(message(id, T0)).id();
            storage.reports().append(ReportRepositoryTest.report(12, "农管科", 60, "2023-W41", ReportKind.REPORT, null));
            storage.outbox().enqueue(new OutboundMessage(Address.reply(id), OutboundMessage.Format.MARKDOWN, "已记录",
                    List.of(), Optional.of("reply:" + id)), T0);
            if (fail) {
                throw new IllegalStateException("boom");
            }
            assertThat(storage.inbound().markAnswered(inbound, "command:报送", T0)).isTrue();
        });
    }

    @Test
    void everythingOfOneMessage_commitsTogether_orNotAtAll() {
        storeAndAnswer("m1", false);
        assertThatThrownBy(() -> storeAndAnswer("m2", true)).hasMessage("boom");

        assertThat(storage.inbound().count()).isEqualTo(1);
        assertThat(storage.reports().history(2023, 12)).hasSize(1);
        assertThat(storage.outbox().list(List.of(io.duban.storage.model.OutboxEntry.Status.PENDING), 10)).hasSize(1);
        assertThat(storage.inbound().countUnanswered()).isZero();
    }

    @Test
    void aFailedAttempt_undoesOnlyItsOwnWrites_andTheRawMessageCommitsWithTheApology() {
        String outcome = storage.inTransaction(() -> {
            long inbound = storage.inbound().receive(message("m1", T0)).id();
            String code = storage.attempt(() -> {
                storage.reports().append(ReportRepositoryTest.report(12, "农管科", 60, "2023-W41", ReportKind.REPORT,
                        null));
                throw new IllegalArgumentException("interpretation failed");
            }, e -> "error:internal");
            storage.inbound().markAnswered(inbound, code, T0);
            return code;
        });
        assertThat(outcome).isEqualTo("error:internal");
        assertThat(storage.reports().history(2023, 12)).isEmpty();
        assertThat(storage.inbound().find(1)).map(StoredInbound::outcome).contains(Optional.of("error:internal"));
    }

    @Test
    void aMessageIsAnsweredAtMostOnce() {
        long id = storage.inbound().receive(message("m1", T0)).id();
        assertThat(storage.inbound().markAnswered(id, "command:报送", T0)).isTrue();
        assertThat(storage.inbound().markAnswered(id, "command:报送", T0.plusSeconds(1))).isFalse();
        InboundMessageRepository.Received again = storage.inbound().receive(message("m1", T0.plusSeconds(5)));
        assertThat(again.isNew()).isFalse();
        assertThat(again.stored().answered()).isTrue();
    }

    @Test
    void aRepeatedDelivery_ofAMessageWithoutAnswer_isFoundUnanswered() {
        storage.inbound().receive(message("m1", T0));
        InboundMessageRepository.Received again = storage.inbound().receive(message("m1", T0.plusSeconds(5)));
        assertThat(again.isNew()).isFalse();
        assertThat(again.stored().answered()).isFalse();
        assertThat(again.stored().message().receivedAt()).isEqualTo(T0);
    }

    @Test
    void unansweredMessages_areClaimedOldestFirst_byOneClaimantAtATime() {
        for (int i = 0; i < 5; i++) {
            storage.inbound().receive(message("m" + i, T0.plusSeconds(i)));
        }
        storage.inbound().markAnswered(2, "command:报送", T0);
        Instant now = T0.plusSeconds(60);
        List<StoredInbound> a = storage.inbound().claimUnanswered("a/1", now, Duration.ofSeconds(30), now, 2);
        List<StoredInbound> b = storage.inbound().claimUnanswered("b/1", now, Duration.ofSeconds(30), now, 10);
        assertThat(a).extracting(StoredInbound::id).containsExactly(1L, 3L);
        assertThat(b).extracting(StoredInbound::id).containsExactly(4L, 5L);
        // a claim that ran out goes to the next claimant; a message that arrived later than asked for is left
        Instant later = now.plusSeconds(31);
        assertThat(storage.inbound().claimUnanswered("c/1", later, Duration.ofSeconds(30), T0.plusSeconds(2), 10))
                .extracting(StoredInbound::id).containsExactly(1L, 3L);
        assertThat(storage.inbound().countUnanswered()).isEqualTo(4);
    }

    @Test
    void insideAUnitOfWork_theClosedTasksOfAYear_areReadOnce() {
        storage.closures().append(new ClosureEvent(0, 2023, 15, ClosureAction.APPROVED, "农管科", "zhouhui", "",
                Optional.empty(), T0));
        AtomicInteger statements = new AtomicInteger();
        storage.database().jdbi().addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(java.sql.PreparedStatement stmt, StatementContext ctx) {
                statements.incrementAndGet();
            }
        });
        long closed = storage.inTransaction(() -> java.util.stream.IntStream.rangeClosed(1, 100)
                .filter(t -> storage.closures().isClosed(2023, t)).count());
        assertThat(closed).isEqualTo(1);
        assertThat(statements.get()).isEqualTo(1);
        // a closure written in the same unit is seen at once
        boolean seen = storage.inTransaction(() -> {
            storage.closures().isClosed(2023, 16);
            storage.closures().append(new ClosureEvent(0, 2023, 16, ClosureAction.APPROVED, "农管科", "zhouhui", "",
                    Optional.empty(), T0));
            return storage.closures().isClosed(2023, 16);
        });
        assertThat(seen).isTrue();
    }

    @Test
    void aUnitOfReading_readsTheClosedTasksOnce_withoutHoldingTheWriteLock() throws Exception {
        storage.closures().append(new ClosureEvent(0, 2023, 15, ClosureAction.APPROVED, "农管科", "zhouhui", "",
                Optional.empty(), T0));
        AtomicInteger statements = new AtomicInteger();
        Thread reader = Thread.currentThread();
        storage.database().jdbi().addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(java.sql.PreparedStatement stmt, StatementContext ctx) {
                if (Thread.currentThread() == reader && ctx.getRawSql().strip().startsWith("SELECT") && ctx.getRawSql().contains("task_closure")) {
                    statements.incrementAndGet();
                }
            }
        });
        long closed;
        try (Storage.Reading reading = Storage.reading()) {
            closed = java.util.stream.IntStream.rangeClosed(1, 100)
                    .filter(t -> storage.closures().isClosed(2023, t)).count();
            // another thread writes meanwhile: no transaction is open on this one
            java.util.concurrent.CompletableFuture.runAsync(() -> storage.closures().append(new ClosureEvent(0, 2023,
                    17, ClosureAction.APPROVED, "农管科", "zhouhui", "", Optional.empty(), T0)))
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(closed).isEqualTo(1);
        assertThat(statements.get()).as("the closures of the year, read once for 100 tasks").isEqualTo(1);
        // once the unit is closed, a question goes to the database again
        assertThat(storage.closures().isClosed(2023, 17)).isTrue();
    }
}
