package io.duban.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.storage.model.InboundRecord;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several stored messages answered in one transaction: all answers commit together, or none of them. */
class AnswerTogetherTest {
    @TempDir
    Path dir;

    @Test
    void storedMessages_answeredTogether_eachGetsItsOwnAnswer() {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            List<InboundPort.PendingAnswer> pending = accept(bot, "12 60% 完成对接", "帮助", "12 六十");

            assertThat(bot.app.engine().answerTogether(pending)).isEqualTo(3);

            assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
            assertThat(outbox(bot)).extracting(e -> e.message().content())
                    .satisfiesExactly(
                            report -> assertThat(report).contains("12").contains("60%"),
                            help -> assertThat(help).contains("报送"),
                            unclear -> assertThat(unclear).contains("例如"));
            assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(1);
        }
    }

    @Test
    void whenTheBatchFails_nothingOfItIsKept_andEveryMessageWaitsForItsAnswer() {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            List<InboundPort.PendingAnswer> pending = new ArrayList<>(accept(bot, "12 60% 完成对接", "帮助"));
            pending.add(() -> {
                throw new IllegalStateException("the outbox refused the row");
            });

            assertThatThrownBy(() -> bot.app.engine().answerTogether(pending))
                    .hasMessageContaining("the outbox refused the row");

            assertThat(bot.app.storage().inbound().countUnanswered()).isEqualTo(2);
            assertThat(outbox(bot)).isEmpty();
            assertThat(bot.app.storage().reports().history(2023, 12)).isEmpty();
            // answered again (as the callback processor does, one by one), each is answered once
            assertThat(pending.get(0).answer()).isPresent();
            assertThat(pending.get(1).answer()).isPresent();
            assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
            assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(1);
        }
    }

    @Test
    void whenAnotherTransactionWaitsToWrite_theBatchCommitsAfterTheAnswerAtHand() throws Exception {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            List<InboundPort.PendingAnswer> pending = new ArrayList<>(accept(bot, "12 60% 完成对接", "帮助", "我的任务"));
            InboundPort.PendingAnswer first = pending.get(0);
            ExecutorService other = Executors.newSingleThreadExecutor();
            Future<?>[] storing = new Future<?>[1];
            pending.set(0, () -> {
                // a callback being stored meanwhile: its transaction queues for the write turn this batch holds
                storing[0] = other.submit(() -> bot.app.storage().inTransaction(() -> bot.app.storage().inbound()
                        .receive(new InboundRecord("waiting", "wecom-callback", "liuyang", Optional.of("wr-demo-ngk"),
                                "group", "12 70%", Optional.empty(), bot.clock.instant()))));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!bot.app.storage().database().othersWaitToWrite()) {
                    assertThat(System.nanoTime()).as("the other transaction waits").isLessThan(deadline);
                    Thread.onSpinWait();
                }
                return first.answer();
            });

            assertThat(bot.app.engine().answerTogether(pending)).as("only the answer at hand").isEqualTo(1);
            storing[0].get(10, TimeUnit.SECONDS);
            other.shutdown();
            assertThat(bot.app.storage().inbound().countUnanswered()).as("the two not reached, and the waiting one")
                    .isEqualTo(3);
            assertThat(bot.app.engine().answerTogether(pending.subList(1, 3))).isEqualTo(2);
            assertThat(bot.app.storage().inbound().countUnanswered()).isEqualTo(1);
        }
    }

    private static List<InboundPort.PendingAnswer> accept(TestBot bot, String... texts) {
        List<InboundPort.PendingAnswer> pending = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            pending.add(bot.app.engine().accept(new InboundMessage("together-" + i, "wecom-callback", "liuyang",
                    ChatType.GROUP, Optional.of("wr-demo-ngk"), texts[i], Optional.empty(), bot.clock.instant()))
                    .orElseThrow());
        }
        return pending;
    }

    private static List<OutboxEntry> outbox(TestBot bot) {
        return bot.app.storage().outbox().list(List.of(OutboxEntry.Status.PENDING), 100);
    }
}
