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
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
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
            AtomicInteger transactions = new AtomicInteger();
            bot.app.storage().database().jdbi().addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(java.sql.PreparedStatement stmt, StatementContext ctx) {
                    if (ctx.getRawSql().contains("INSERT INTO inbound_message")) {
                        transactions.incrementAndGet();
                    }
                }
            });
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
            assertThat(transactions.get()).isEqualTo(n);
            assertThat(commit.batches()).as("messages that arrive together share a commit").isLessThan(n);
            // a repeat through the group commit is recognised as answered once it has been
            InboundMessage first = new InboundMessage("cb-0", "wecom-callback", "liuyang", ChatType.GROUP,
                    Optional.of("wr-demo-ngk"), "12 0% 进展", Optional.empty(), bot.clock.instant());
            commit.accept(first).orElseThrow().answer();
            assertThat(commit.accept(first)).isEmpty();
        }
    }
}
