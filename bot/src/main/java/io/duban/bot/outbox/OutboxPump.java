package io.duban.bot.outbox;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the drainer on one thread: every {@code interval}, and at once after {@link #nudge} (a new message was
 * enqueued). Passes never overlap.
 */
public final class OutboxPump implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPump.class);

    private final OutboxDrainer drainer;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private ScheduledFuture<?> ticking;

    public OutboxPump(OutboxDrainer drainer, ScheduledExecutorService executor) {
        this.drainer = drainer;
        this.executor = executor;
    }

    public synchronized void start(Duration interval) {
        ticking = executor.scheduleWithFixedDelay(this::drainSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a pass soon; several nudges before it runs make one pass. */
    public void nudge() {
        if (nudged.compareAndSet(false, true)) {
            executor.execute(() -> {
                nudged.set(false);
                drainSafely();
            });
        }
    }

    private void drainSafely() {
        try {
            OutboxDrainer.Pass pass;
            do {
                pass = drainer.drainOnce();
            } while (pass.mayHaveMore());
        } catch (RuntimeException e) {
            LOG.error("outbox: a pass failed, will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
