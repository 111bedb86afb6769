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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit in front of the engine's {@link #accept}: HTTP threads hand their messages to one writer thread, which
 * stores everything waiting (at most {@link #MAX_BATCH} messages) in one transaction and then releases each caller —
 * so each callback is acknowledged only once its message is durable, and 200 callbacks in flight cost a handful of
 * commits instead of 200. SQLite has one writer at a time anyway; one thread that writes is faster than many that
 * queue for the lock. Answering ({@link PendingAnswer#answer()}) and {@link #receive} go to the engine directly.
 *
 * <p>The writer does not wait for more messages before a commit: while one batch commits, the next one gathers by
 * itself. An earlier 2 ms gathering window capped throughput at (HTTP threads) / (window + commit) — about 2,000
 * callbacks a second with 8 HTTP threads, all of them waiting — and added 2 ms to every acknowledgement.
 */
public final class GroupCommit implements InboundPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Largest batch: keeps one transaction short even when thousands wait. */
    static final int MAX_BATCH = 128;
    /** A caller gives up after this (WeCom gives up after 5 s and retries). */
    private static final Duration CALLER_WAIT = Duration.ofSeconds(4);

    private record Request(InboundMessage message, CompletableFuture<Optional<PendingAnswer>> done) {
    }

    private final InboundPort engine;
    private final Storage storage;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong storedAlone = new AtomicLong();

    public GroupCommit(InboundPort engine, Storage storage) {
        this.engine = engine;
        this.storage = storage;
        this.writer = new Thread(this::writeLoop, "group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public Optional<PendingAnswer> accept(InboundMessage message) {
        Request request = new Request(message, new CompletableFuture<>());
        queue.add(request);
        try {
            return request.done().get(CALLER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("message " + message.messageId() + " not stored within "
                    + CALLER_WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing message " + message.messageId());
        }
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
        while (running) {
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
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
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
