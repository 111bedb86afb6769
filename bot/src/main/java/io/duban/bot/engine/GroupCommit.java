package io.duban.bot.engine;

import io.duban.bot.message.InboundMessage;
import io.duban.storage.Storage;
import io.duban.storage.StorageFault;
import io.duban.storage.model.OutboxEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit in front of the engine's {@link #accept}: HTTP threads hand their messages to one writer thread, which
 * stores everything waiting (at most {@link #MAX_BATCH} messages) in one transaction and then completes each
 * caller's future ({@link #acceptLater}) — so each callback is acknowledged only once its message is durable, and 200
 * callbacks in flight cost a handful of commits instead of 200. The HTTP threads do not wait for it: the callback's
 * acknowledgement runs where the future completes, so batches grow with the requests in flight, not with the number
 * of HTTP threads. SQLite has one writer at a time anyway; one thread that writes is faster than many that
 * queue for the lock. Answering ({@link PendingAnswer#answer()}) and {@link #receive} go to the engine directly.
 *
 * <p>While one batch commits, the next one gathers by itself; only under load does a small batch wait
 * {@link #LINGER} for more. An earlier 2 ms window for every batch, when the HTTP threads still waited for the writer,
 * capped throughput at (HTTP threads) / (window + commit) — about 2,000 callbacks a second with 8 HTTP threads — and
 * added 2 ms to every acknowledgement.
 */
public final class GroupCommit implements InboundPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Largest batch: keeps one transaction short even when thousands wait. */
    static final int MAX_BATCH = 128;
    /**
     * Under load (the previous batch had company) a batch smaller than {@link #LINGER_UNTIL} waits this long for more
     * before it commits: measured with 200 callbacks in flight, batches grow from ~2.5 to ~5 messages and the writer's
     * CPU per callback falls by about a quarter (0.35 → 0.28 of the client's). It costs an acknowledgement at most
     * 1 ms, and a message on its own nothing. The HTTP threads do not wait for the writer ({@link #acceptLater}), so
     * waiting here does not cap throughput as an earlier 2 ms window did when they did.
     */
    static final Duration LINGER = Duration.ofMillis(1);
    static final int LINGER_UNTIL = 8;
    /** A caller gives up after this (WeCom gives up after 5 s and retries). */
    public static final Duration CALLER_WAIT = Duration.ofSeconds(4);

    private record Request(InboundMessage message, CompletableFuture<Optional<PendingAnswer>> done, long queuedAt) {
    }

    private final InboundPort engine;
    private final Storage storage;
    private final Duration callerWait;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ScheduledExecutorService watch;
    /** The batch the writer is storing, for the watch. */
    private volatile List<Request> writing = List.of();
    private volatile boolean running = true;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong storedAlone = new AtomicLong();

    public GroupCommit(InboundPort engine, Storage storage) {
        this(engine, storage, CALLER_WAIT);
    }

    /** @param callerWait how long a message may wait to be stored before its caller is told it was not */
    public GroupCommit(InboundPort engine, Storage storage, Duration callerWait) {
        this.engine = engine;
        this.storage = storage;
        this.callerWait = callerWait;
        this.writer = new Thread(this::writeLoop, "group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
        this.watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "group-commit-watch");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, Math.min(250, callerWait.toMillis() / 4));
        this.watch.scheduleWithFixedDelay(this::giveUpOverdue, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<PendingAnswer> accept(InboundMessage message) {
        try {
            return acceptLater(message).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof TimeoutException t) {
                throw new IllegalStateException(t.getMessage());
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing message " + message.messageId());
        }
    }

    /**
     * Queues the message for the writer and returns at once; the writer completes the future when the batch holding
     * it is durable (or failed). It fails with a {@link TimeoutException} when the writer has not stored it within
     * the caller wait ({@link #giveUpOverdue}): the callback is answered 500 and WeCom retries.
     */
    @Override
    public CompletableFuture<Optional<PendingAnswer>> acceptLater(InboundMessage message) {
        Request request = new Request(message, new CompletableFuture<>(), System.nanoTime());
        queue.add(request);
        return request.done();
    }

    /**
     * Fails the callers waiting longer than the caller wait, queued or in a batch that the writer is stuck on (a
     * long lock on the database): their callbacks are answered 500 and WeCom retries. Runs every 250 ms (a quarter
     * of a shorter wait); a timer per message (CompletableFuture.orTimeout) cost about 20 µs of CPU per callback.
     */
    private void giveUpOverdue() {
        long overdue = System.nanoTime() - callerWait.toNanos();
        Request head;
        while ((head = queue.peek()) != null && head.queuedAt() - overdue < 0) {
            if (queue.remove(head)) {
                giveUp(head);
            }
        }
        for (Request r : writing) {
            if (r.queuedAt() - overdue < 0) {
                giveUp(r); // the writer's later completion is ignored; a stored message is answered by recovery
            }
        }
    }

    private void giveUp(Request r) {
        r.done().completeExceptionally(new TimeoutException("message " + r.message().messageId()
                + " not stored within " + callerWait.toMillis() + " ms"));
    }

    @Override
    public Optional<OutboxEntry> receive(InboundMessage message) {
        return engine.receive(message);
    }

    @Override
    public int answerTogether(List<PendingAnswer> pending) {
        return engine.answerTogether(pending);
    }

    private void writeLoop() {
        List<Request> batch = new ArrayList<>();
        int lastBatch = 0;
        while (running) {
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    lastBatch = 0;
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (lastBatch > 1 && batch.size() < LINGER_UNTIL) {
                    LockSupport.parkNanos(this, LINGER.toNanos()); // not woken by arrivals: no signal per message
                    queue.drainTo(batch, MAX_BATCH - batch.size());
                }
                lastBatch = batch.size();
                writing = List.copyOf(batch);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                writing = List.of();
                batch.clear();
            }
        }
        for (Request r : queue) {
            r.done().completeExceptionally(new IllegalStateException("stopping: message not stored"));
        }
    }

    /** How many batches (transactions) the writer has committed or tried. */
    public long batches() {
        return batches.get();
    }

    /** How many callers are waiting for the writer to take their message. */
    int waiting() {
        return queue.size();
    }

    /** How many messages were stored one by one after their batch failed (each such batch is logged). */
    public long storedAlone() {
        return storedAlone.get();
    }

    /** One transaction for the batch; if it fails, each message alone, so that one bad message fails only itself. */
    private void write(List<Request> batch) {
        List<Optional<PendingAnswer>> results;
        batches.incrementAndGet();
        try {
            results = storage.inTransaction(() -> {
                List<Optional<PendingAnswer>> out = new ArrayList<>(batch.size());
                for (Request r : batch) {
                    out.add(engine.accept(r.message()));
                }
                return out;
            });
        } catch (StorageFault e) {
            batch.forEach(r -> r.done().completeExceptionally(e));
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            LOG.warn("storing a batch of {} messages failed ({}); storing them one by one", batch.size(), e.toString());
            for (Request r : batch) {
                storedAlone.incrementAndGet();
                try {
                    r.done().complete(engine.accept(r.message()));
                } catch (RuntimeException one) {
                    r.done().completeExceptionally(one);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    @Override
    public void close() {
        running = false;
        watch.shutdownNow();
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
