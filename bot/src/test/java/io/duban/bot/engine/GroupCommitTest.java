package io.duban.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many callbacks at once are stored by one writer in few transactions; each caller returns once its row is durable. */
class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void manyConcurrentMessages_areAllStoredBeforeTheirCallersReturn_inFewerTransactions() throws Exception {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"));
             GroupCommit commit = new GroupCommit(bot.app.engine(), bot.app.storage())) {
            int n = 64;
            ExecutorService http = Executors.newFixedThreadPool(16);
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                InboundMessage m = new InboundMessage("cb-" + i, "wecom-callback", "liuyang", ChatType.GROUP,
                        Optional.of("wr-demo-ngk"), "12 " + i + "% 进展", Optional.empty(), bot.clock.instant());
                calls.add(http.submit(() -> {
                    Optional<InboundPort.PendingAnswer> pending = commit.accept(m);
                    // durable when accept returns: a new connection sees the row
                    return pending.isPresent() && bot.app.storage().inbound().count() > 0;
                }));
            }
            for (Future<Boolean> c : calls) {
                assertThat(c.get()).isTrue();
            }
            http.shutdown();
            assertThat(bot.app.storage().inbound().count()).isEqualTo(n);
            assertThat(commit.storedAlone()).as("no batch failed and was stored again message by message").isZero();
            assertThat(commit.batches()).as("messages that arrive together share a commit").isLessThan(n);
            // a repeat through the group commit is recognised as answered once it has been
            InboundMessage first = new InboundMessage("cb-0", "wecom-callback", "liuyang", ChatType.GROUP,
                    Optional.of("wr-demo-ngk"), "12 0% 进展", Optional.empty(), bot.clock.instant());
            commit.accept(first).orElseThrow().answer();
            assertThat(commit.accept(first)).isEmpty();
        }
    }

    @Test
    void aMessageThatCannotBeStored_failsOnlyItself_theRestOfItsBatchIsStoredOneByOne() throws Exception {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            InboundPort engine = bot.app.engine();
            InboundPort failsOne = message -> {
                if (message.messageId().equals("cb-bad")) {
                    throw new IllegalStateException("cannot store cb-bad");
                }
                return engine.accept(message);
            };
            try (GroupCommit commit = new GroupCommit(failsOne, bot.app.storage())) {
                ExecutorService http = Executors.newFixedThreadPool(8);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<Future<Boolean>> calls = new ArrayList<>();
                for (String id : List.of("cb-1", "cb-2", "cb-bad", "cb-3", "cb-4", "cb-5", "cb-6", "cb-7")) {
                    InboundMessage m = new InboundMessage(id, "wecom-callback", "liuyang", ChatType.GROUP,
                            Optional.of("wr-demo-ngk"), "12 60% 进展", Optional.empty(), bot.clock.instant());
                    calls.add(http.submit(() -> {
                        go.await();
                        try {
                            return commit.accept(m).isPresent();
                        } catch (IllegalStateException e) {
                            return false;
                        }
                    }));
                }
                go.countDown();
                List<Boolean> stored = new ArrayList<>();
                for (Future<Boolean> c : calls) {
                    stored.add(c.get());
                }
                http.shutdown();
                assertThat(stored).containsExactly(true, true, false, true, true, true, true, true);
                assertThat(bot.app.storage().inbound().count()).isEqualTo(7);
                if (commit.batches() < 8) { // the bad message shared a batch: its neighbours were stored alone
                    assertThat(commit.storedAlone()).isPositive();
                }
            }
        }
    }
}
