package io.duban.bot.testing;

import io.duban.bot.wecom.ws.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler on a {@link MutableClock}: nothing runs until the test calls {@link #advance}. */
public final class ManualScheduler implements Scheduler {
    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    private final class Task implements Cancellable {
        Instant due;
        final Duration period;
        final Runnable run;
        final long seq = sequence++;
        boolean cancelled;

        Task(Instant due, Duration period, Runnable run) {
            this.due = due;
            this.period = period;
            this.run = run;
        }

        @Override
        public void cancel() {
            synchronized (ManualScheduler.this) {
                cancelled = true;
                tasks.remove(this);
            }
        }
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(clock.instant().plus(delay), null, task);
        tasks.add(t);
        return t;
    }

    @Override
    public synchronized Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        Task t = new Task(clock.instant().plus(initialDelay), period, task);
        tasks.add(t);
        return t;
    }

    /** Moves the clock forward, running every task that falls due on the way, in order, on this thread. */
    public void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.due.isAfter(end))
                        .min(Comparator.<Task, Instant>comparing(t -> t.due).thenComparingLong(t -> t.seq))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                if (next.due.isAfter(clock.instant())) {
                    clock.set(next.due);
                }
                if (next.period == null) {
                    tasks.remove(next);
                } else {
                    next.due = next.due.plus(next.period);
                }
            }
            if (!next.cancelled) {
                next.run.run();
            }
        }
        clock.set(end);
    }

    /** How many timers are waiting (pending reconnects, heartbeats, ack timeouts). */
    public synchronized int waiting() {
        return tasks.size();
    }
}
