package io.duban.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many callbacks at once are stored by one writer in few transactions; each caller returns once its row is durable.
 *
 * <p>Which messages share a batch depends on thread timing, so each test first holds the writer on a "gate" message
 * until every other message is queued behind it: then they form exactly one batch, whatever the machine's speed.
 */
class GroupCommitTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void manyConcurrentMessages_areAllStoredBeforeTheirCallersReturn_inOneTransaction() throws Exception {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            Gate gate = new Gate(bot.app.engine());
            try (GroupCommit commit = new GroupCommit(gate, bot.app.storage())) {
                int n = 64;
                ExecutorService http = Executors.newFixedThreadPool(n + 1);
                Future<?> gateCall = http.submit(() -> commit.accept(message(bot, "cb-gate")));
                gate.awaitEntered();
                List<Future<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    InboundMessage m = message(bot, "cb-" + i);
                    calls.add(http.submit(() -> {
                        Optional<InboundPort.PendingAnswer> pending = commit.accept(m);
                        // durable when accept returns: a new connection sees the row
                        return pending.isPresent() && bot.app.storage().inbound().count() > 1;
                    }));
                }
                awaitQueued(commit, n);
                gate.open();
                gateCall.get();
                for (Future<Boolean> c : calls) {
                    assertThat(c.get()).isTrue();
                }
                http.shutdown();
                assertThat(bot.app.storage().inbound().count()).isEqualTo(n + 1);
                assertThat(commit.storedAlone()).as("no batch failed and was stored again message by message").isZero();
                assertThat(commit.batches()).as("the gate's commit, then one for all that arrived together").isEqualTo(2);
                // a repeat through the group commit is recognised as answered once it has been
                commit.accept(message(bot, "cb-0")).orElseThrow().answer();
                assertThat(commit.accept(message(bot, "cb-0"))).isEmpty();
            }
        }
    }

    @Test
    void aMessageThatCannotBeStored_failsOnlyItself_theRestOfItsBatchIsStoredOneByOne() throws Exception {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            InboundPort engine = bot.app.engine();
            InboundPort failsOne = new InboundPort() {
                @Override
                public Optional<PendingAnswer> accept(InboundMessage message) {
                    if (message.messageId().equals("cb-bad")) {
                        throw new IllegalStateException("cannot store cb-bad");
                    }
                    return engine.accept(message);
                }

                @Override
                public Optional<OutboxEntry> receive(InboundMessage message) {
                    return engine.receive(message);
                }
            };
            Gate gate = new Gate(failsOne);
            try (GroupCommit commit = new GroupCommit(gate, bot.app.storage())) {
                List<String> ids = List.of("cb-1", "cb-2", "cb-bad", "cb-3", "cb-4", "cb-5", "cb-6", "cb-7");
                ExecutorService http = Executors.newFixedThreadPool(ids.size() + 1);
                Future<?> gateCall = http.submit(() -> commit.accept(message(bot, "cb-gate")));
                gate.awaitEntered();
                List<Future<Boolean>> calls = new ArrayList<>();
                for (String id : ids) {
                    InboundMessage m = message(bot, id);
                    calls.add(http.submit(() -> {
                        try {
                            return commit.accept(m).isPresent();
                        } catch (IllegalStateException e) {
                            return false;
                        }
                    }));
                }
                awaitQueued(commit, ids.size());
                gate.open();
                gateCall.get();
                List<Boolean> stored = new ArrayList<>();
                for (Future<Boolean> c : calls) {
                    stored.add(c.get());
                }
                http.shutdown();
                assertThat(stored).containsExactly(true, true, false, true, true, true, true, true);
                assertThat(bot.app.storage().inbound().count()).as("the gate and the seven good ones").isEqualTo(8);
                assertThat(commit.batches()).as("the gate's batch, then all eight together").isEqualTo(2);
                assertThat(commit.storedAlone()).as("the failed batch was retried message by message")
                        .isEqualTo(ids.size());
            }
        }
    }

    @Test
    void aWriterStuckLongerThanTheCallerWait_failsItsCallers_theQueuedMessageIsLeftForWeComsRetry() throws Exception {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            Gate gate = new Gate(bot.app.engine());
            try (GroupCommit commit = new GroupCommit(gate, bot.app.storage(), Duration.ofMillis(300))) {
                CompletableFuture<Optional<InboundPort.PendingAnswer>> stuck =
                        commit.acceptLater(message(bot, "cb-gate"));
                gate.awaitEntered();
                CompletableFuture<Optional<InboundPort.PendingAnswer>> queued =
                        commit.acceptLater(message(bot, "cb-1"));

                for (CompletableFuture<?> f : List.of(stuck, queued)) {
                    assertThatThrownBy(() -> f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class)
                            .hasMessageContaining("not stored within 300 ms");
                }
                assertThat(commit.waiting()).as("the queued one was taken out of the queue").isZero();
                gate.open();
                // the stuck batch is still written once the writer moves on (answered by the recovery pass)
                CompletableFuture<Optional<InboundPort.PendingAnswer>> next = commit.acceptLater(message(bot, "cb-2"));
                assertThat(next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isPresent();
                assertThat(bot.app.storage().inbound().count()).as("cb-gate and cb-2; cb-1 waits for WeCom's retry")
                        .isEqualTo(2);
            }
        }
    }

    private static InboundMessage message(TestBot bot, String id) {
        return new InboundMessage(id, "wecom-callback", "liuyang", ChatType.GROUP, Optional.of("wr-demo-ngk"),
                "12 60% 进展", Optional.empty(), bot.clock.instant());
    }

    /** Waits (without sleeping on a schedule) until at least {@code count} callers are queued behind the writer. */
    private static void awaitQueued(GroupCommit commit, int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (commit.waiting() < count) {
            assertThat(System.nanoTime()).as("%d callers queued in time", count).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Holds the writer inside its first message until opened, so that the next messages queue up behind it. */
    private static final class Gate implements InboundPort {
        private final InboundPort engine;
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);

        Gate(InboundPort engine) {
            this.engine = engine;
        }

        @Override
        public Optional<PendingAnswer> accept(InboundMessage message) {
            if (message.messageId().equals("cb-gate")) {
                entered.countDown();
                try {
                    assertThat(open.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("gate opened").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return engine.accept(message);
        }

        @Override
        public Optional<OutboxEntry> receive(InboundMessage message) {
            return engine.receive(message);
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("writer reached the gate").isTrue();
        }

        void open() {
            open.countDown();
        }
    }
}
