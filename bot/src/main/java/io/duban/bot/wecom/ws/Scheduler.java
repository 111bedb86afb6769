package io.duban.bot.wecom.ws;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Timers for the long connection (heartbeat, ack timeouts, reconnects), injectable so tests can drive time. */
public interface Scheduler {

    Cancellable schedule(Duration delay, Runnable task);

    Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);

    interface Cancellable {
        void cancel();
    }

    /** The production scheduler on a {@link ScheduledExecutorService}. */
    static Scheduler of(ScheduledExecutorService executor) {
        return new Scheduler() {
            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                var f = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
                var f = executor.scheduleAtFixedRate(task, initialDelay.toMillis(), period.toMillis(),
                        TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }
        };
    }
}
