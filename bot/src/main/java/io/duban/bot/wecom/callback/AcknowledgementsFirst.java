package io.duban.bot.wecom.callback;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * During a burst of callbacks, acknowledging comes before answering. WeCom gives a callback 5 seconds and then sends it
 * again (three times at most); a person who sent a report waits for its answer, but a second more does no harm. So
 * while requests arrive at burst rate ({@link #BURST} requests within {@link #BURST_WINDOW}, i.e. 160 a second or
 * more), the stored messages' answers wait, but never longer than {@link #MAX_ANSWER_DELAY} after they were stored;
 * at normal rates (a few messages a minute) nothing waits.
 *
 * <p>Measured on two cores with 200 callbacks in flight ({@code CallbackRatioBench}): deciding an answer (parsing,
 * the report's rows, the reply's text) took 240–460 µs of CPU per message during the burst, more than storing and
 * acknowledging it (about 220 µs), and the acknowledgements reached 0.66 × the bare HTTP server's throughput; with
 * the answers held back 0.85 ×. Waiting only while requests are at the server, or until none came for a
 * few milliseconds, did not hold answering back: within one burst the server is empty for a moment again and again
 * (between the client's requests, after each garbage collection), and an answering thread that starts then holds the
 * CPU for a whole batch of answers.
 */
final class AcknowledgementsFirst {
    /** Longest an answer is held back behind acknowledgements. */
    static final Duration MAX_ANSWER_DELAY = Duration.ofSeconds(3);
    /** This many requests ... */
    static final int BURST = 16;
    /** ... arriving within this time are a burst. */
    static final Duration BURST_WINDOW = Duration.ofMillis(100);
    private static final long WINDOW_NANOS = BURST_WINDOW.toNanos();

    private final LongSupplier nanoTime;
    /** When the last {@link #BURST} requests arrived, as a ring; {@code arrivals} counts them all. */
    private final AtomicLongArray arrivedAt = new AtomicLongArray(BURST);
    private final AtomicLong arrivals = new AtomicLong();

    AcknowledgementsFirst() {
        this(System::nanoTime);
    }

    /** @param nanoTime the monotonic time arrivals and the answers' deadlines are measured on */
    AcknowledgementsFirst(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        long longAgo = nanoTime.getAsLong() - 2 * WINDOW_NANOS;
        for (int i = 0; i < BURST; i++) {
            arrivedAt.set(i, longAgo);
        }
    }

    /** The HTTP threads, noting each request as it is handed over. */
    Executor notingArrivals(Executor httpThreads) {
        return request -> {
            arrived();
            httpThreads.execute(request);
        };
    }

    /** A request came in. */
    void arrived() {
        arrivedAt.set((int) (arrivals.getAndIncrement() % BURST), nanoTime.getAsLong());
    }

    /** When an answer stored now may be decided at the latest, as {@link #awaitBurstOver} takes it. */
    long deadlineForAnswerStoredNow() {
        return nanoTime.getAsLong() + MAX_ANSWER_DELAY.toNanos();
    }

    /**
     * Waits while requests arrive at burst rate, until {@code deadline} (a {@link #deadlineForAnswerStoredNow}
     * value) at the latest. Returns at once when they do not.
     */
    void awaitBurstOver(long deadline) throws InterruptedException {
        long wait;
        while ((wait = Math.min(burstOverAt(), deadline) - nanoTime.getAsLong()) > 0) {
            LockSupport.parkNanos(this, wait); // woken by time only: arrivals cost no signal
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Whether requests arrive at burst rate now. */
    boolean inBurst() {
        return burstOverAt() - nanoTime.getAsLong() > 0;
    }

    /** When the burst is over unless more requests arrive: the oldest of the last {@link #BURST} plus the window. */
    private long burstOverAt() {
        return arrivedAt.get((int) (arrivals.get() % BURST)) + WINDOW_NANOS;
    }
}
