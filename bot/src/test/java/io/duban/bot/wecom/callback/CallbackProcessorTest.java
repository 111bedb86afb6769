package io.duban.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.engine.InboundPort;
import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.storage.StorageFault;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that wait when an answering thread comes round are decided together, in batches of at most
 * {@link CallbackProcessor#MAX_BATCH}; when a batch fails, each message is answered alone, unless storage is down.
 * The executor here runs nothing by itself: the test runs the queued work, so which answers wait together is certain.
 */
class CallbackProcessorTest {
    @TempDir
    Path dir;

    private final List<Runnable> queuedWork = new ArrayList<>();
    private final AtomicInteger outboxWakeUps = new AtomicInteger();

    @Test
    void answersWaitingTogether_areDecidedInOneBatch_andTheOutboxIsWokenOnce() {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            Recording port = new Recording(bot.app.engine(), Failure.NONE);
            CallbackProcessor processor = processor(port, bot);
            for (int i = 0; i < 10; i++) {
                assertThat(processor.accept("robot", message(bot, i))).isTrue();
            }
            assertThat(queuedWork).as("two answering threads at most, however many messages wait").hasSize(2);
            runQueuedWork();

            assertThat(port.batches).containsExactly(10);
            assertThat(outboxWakeUps).hasValue(1);
            assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
            assertThat(bot.app.storage().outbox().list(List.of(OutboxEntry.Status.PENDING), 100)).hasSize(10);
        }
    }

    @Test
    void aLongQueue_isAnsweredInBatchesOfAtMostSixteen_andALoneMessageAlone() {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            Recording port = new Recording(bot.app.engine(), Failure.NONE);
            CallbackProcessor processor = processor(port, bot);
            for (int i = 0; i < 40; i++) {
                processor.accept("robot", message(bot, i));
            }
            runQueuedWork();
            processor.accept("robot", message(bot, 40));
            runQueuedWork();

            assertThat(port.batches).containsExactly(16, 16, 8);
            assertThat(port.alone).hasValue(1);
            assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
        }
    }

    @Test
    void whenABatchFails_eachMessageIsAnsweredAlone() {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            Recording port = answerFive(bot, Failure.BUG);

            assertThat(port.alone).hasValue(5);
            assertThat(outboxWakeUps).hasValue(5);
            assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
        }
    }

    @Test
    void whenStorageIsDown_theBatchIsNotRetriedMessageByMessage_theMessagesStayStoredForLater() {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            Recording port = answerFive(bot, Failure.STORAGE);

            assertThat(port.alone).hasValue(0);
            assertThat(outboxWakeUps).hasValue(0);
            assertThat(bot.app.storage().inbound().countUnanswered()).isEqualTo(5);
        }
    }

    /** Five callbacks stored, then their answers run, through an engine failing as asked. */
    private Recording answerFive(TestBot bot, Failure failure) {
        Recording port = new Recording(bot.app.engine(), failure);
        CallbackProcessor processor = processor(port, bot);
        for (int i = 0; i < 5; i++) {
            processor.accept("robot", message(bot, i));
        }
        runQueuedWork();
        return port;
    }

    private CallbackProcessor processor(InboundPort port, TestBot bot) {
        return new CallbackProcessor(port, outboxWakeUps::incrementAndGet, queuedWork::add, 2,
                new RecentDeliveries(bot.clock, Duration.ofMinutes(10), 1000), new AcknowledgementsFirst());
    }

    /** Runs what was handed to the executor, including what that work hands on, until nothing is left. */
    private void runQueuedWork() {
        while (!queuedWork.isEmpty()) {
            queuedWork.remove(0).run();
        }
    }

    private static CallbackEvent message(TestBot bot, int i) {
        return new CallbackEvent.Message(new InboundMessage("batch-" + i, "wecom-robot", "liuyang", ChatType.GROUP,
                Optional.of("wr-demo-ngk"), "12 " + (i % 100) + "% 进展", Optional.empty(), bot.clock.instant()));
    }

    private enum Failure { NONE, BUG, STORAGE }

    /** The real engine, recording each batch (and optionally failing it before anything is decided). */
    private static final class Recording implements InboundPort {
        final InboundPort engine;
        final Failure failure;
        final List<Integer> batches = new ArrayList<>();
        final AtomicInteger alone = new AtomicInteger();
        private boolean insideBatch;

        Recording(InboundPort engine, Failure failure) {
            this.engine = engine;
            this.failure = failure;
        }

        @Override
        public Optional<PendingAnswer> accept(InboundMessage message) {
            return engine.accept(message).map(p -> () -> {
                if (failure == Failure.STORAGE) {
                    throw fault();
                }
                if (!insideBatch) {
                    alone.incrementAndGet();
                }
                return p.answer();
            });
        }

        @Override
        public int answerTogether(List<PendingAnswer> pending) {
            switch (failure) {
                case BUG -> throw new IllegalStateException("a bug in one of them");
                case STORAGE -> throw fault();
                default -> {
                }
            }
            batches.add(pending.size());
            insideBatch = true;
            try {
                return engine.answerTogether(pending); // the real engine's transaction around the real answers
            } finally {
                insideBatch = false;
            }
        }

        private static StorageFault fault() {
            return new StorageFault(StorageFault.Kind.DISK_FULL, "test.db", "database or disk is full", null);
        }
    }
}
