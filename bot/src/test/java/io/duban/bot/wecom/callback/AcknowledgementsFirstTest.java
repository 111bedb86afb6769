package io.duban.bot.wecom.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While callbacks arrive at burst rate, stored messages wait for their answers (acknowledging first), at most
 * {@link AcknowledgementsFirst#MAX_ANSWER_DELAY}; at an office's normal rate nothing waits. Time here is a hand-moved
 * monotonic clock; a waiting answering thread is woken by the test after the clock moved, never by sleeping.
 */
class AcknowledgementsFirstTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000_000 * MS);
    private final AcknowledgementsFirst gate = new AcknowledgementsFirst(now::get);

    private void arriveEvery(long gapMs, int count) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                now.addAndGet(gapMs * MS);
            }
            gate.arrived();
        }
    }

    @Test
    void sixteenRequestsWithinATenthOfASecond_areABurst_untilTheOldestIsATenthOfASecondOld() {
        long start = now.get();
        assertThat(gate.inBurst()).as("nothing arrived yet").isFalse();
        arriveEvery(1, 15);
        assertThat(gate.inBurst()).as("fifteen are not a burst").isFalse();
        gate.arrived();
        assertThat(gate.inBurst()).isTrue();
        now.set(start + 99 * MS);
        assertThat(gate.inBurst()).isTrue();
        now.set(start + 100 * MS);
        assertThat(gate.inBurst()).as("the oldest of the last sixteen is 100 ms old").isFalse();
    }

    @Test
    void aBusyOfficeAtTenMessagesASecond_isNoBurst() {
        arriveEvery(100, 40);
        assertThat(gate.inBurst()).isFalse();
        arriveEvery(7, 16); // 16 within 105 ms: still not a burst
        assertThat(gate.inBurst()).isFalse();
    }

    @Test
    void anAnswer_waitsWhileTheBurstLasts_andIsDecidedWhenItIsOver() throws Exception {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            Thread answering = storedDuringABurst(bot);
            assertThat(bot.app.storage().inbound().countUnanswered()).as("held back during the burst").isEqualTo(1);

            now.addAndGet(100 * MS);
            awaitDone(answering);
            assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
        }
    }

    @Test
    void aBurstThatDoesNotEnd_holdsAnAnswerBackThreeSecondsAtMost() throws Exception {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            Thread answering = storedDuringABurst(bot);

            now.addAndGet(AcknowledgementsFirst.MAX_ANSWER_DELAY.toNanos() - 20 * MS);
            arriveEvery(1, 16); // still arriving at burst rate
            LockSupport.unpark(answering);
            awaitParked(answering);
            assertThat(bot.app.storage().inbound().countUnanswered()).as("3 s not yet over").isEqualTo(1);

            now.addAndGet(20 * MS);
            arriveEvery(1, 16);
            awaitDone(answering);
            assertThat(gate.inBurst()).isTrue();
            assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
        }
    }

    @Test
    void withoutABurst_theAnswerIsDecidedAtOnce() {
        try (TestBot bot = new TestBot(dir, MutableClock.at("2023-10-09T09:00+08:00"))) {
            CallbackProcessor processor = processor(bot);
            arriveEvery(100, 16);
            processor.accept("robot", message(bot, 1));
            runQueuedWork(); // on this thread: it would park forever on this clock if it waited
            assertThat(bot.app.storage().inbound().countUnanswered()).isZero();
        }
    }

    private final List<Runnable> queuedWork = new ArrayList<>();

    private CallbackProcessor processor(TestBot bot) {
        return new CallbackProcessor(bot.app.engine(), () -> { }, queuedWork::add, 2,
                new RecentDeliveries(bot.clock, Duration.ofMinutes(10), 1000), gate);
    }

    private void runQueuedWork() {
        while (!queuedWork.isEmpty()) {
            queuedWork.remove(0).run();
        }
    }

    /** Sixteen requests a millisecond apart, then a message stored: its answering thread, parked behind the burst. */
    private Thread storedDuringABurst(TestBot bot) {
        CallbackProcessor processor = processor(bot);
        arriveEvery(1, 16);
        processor.accept("robot", message(bot, 1));
        Thread answering = runQueuedWorkOnAThread();
        awaitParked(answering);
        return answering;
    }

    /** Wakes the parked thread (after the test moved the clock) and waits until it has finished. */
    private static void awaitDone(Thread answering) throws InterruptedException {
        LockSupport.unpark(answering);
        answering.join(Duration.ofSeconds(10).toMillis());
        assertThat(answering.isAlive()).isFalse();
    }

    private Thread runQueuedWorkOnAThread() {
        Thread t = new Thread(this::runQueuedWork, "answering");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Until the thread waits in its timed park (the burst's wait), whatever the machine's speed. */
    private static void awaitParked(Thread t) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> t.getState() == Thread.State.TIMED_WAITING
                        && LockSupport.getBlocker(t) instanceof AcknowledgementsFirst);
    }

    private static CallbackEvent message(TestBot bot, int i) {
        return new CallbackEvent.Message(new InboundMessage("burst-" + i, "wecom-robot", "liuyang", ChatType.GROUP,
                Optional.of("wr-demo-ngk"), "12 60% 进展", Optional.empty(), bot.clock.instant()));
    }
}
