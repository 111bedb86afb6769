package io.duban.bot.wecom.callback;

import io.duban.bot.engine.InboundPort;
import io.duban.bot.engine.InboundPort.PendingAnswer;
import io.duban.storage.StorageFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the 200: drops a repeated delivery and hands the message to the engine's port, which stores it (the 200 is
 * sent when that completes). After the 200, on its own executor: lets the engine decide and enqueue the answers, then
 * wakes the outbox. The answer goes
 * out through the outbox like every other ({@link ResponseUrlChannel} for the robot, the app channel for the app).
 *
 * <p>Answers waiting when an answering thread comes round are handed to the engine together, at most
 * {@link #MAX_BATCH} ({@link InboundPort#answerTogether}), which decides them in one transaction: after a burst of
 * callbacks the commit was about a third of each answer's CPU. During a burst of callbacks the answers wait until it
 * is over, three seconds at most ({@link AcknowledgementsFirst}); when they must be decided during one, the engine
 * commits after each answer, so that storing callbacks before their 200 never waits behind a batch. A lone message is
 * answered alone, as soon as it is stored.
 */
final class CallbackProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackProcessor.class);

    /** Most answers decided in one transaction: keeps the write lock short (an answer takes about 0.3 ms). */
    static final int MAX_BATCH = 16;

    /** @param deadline when it is answered at the latest, even while callbacks wait (see {@link AcknowledgementsFirst}) */
    private record Waiting(String transport, PendingAnswer pending, long deadline) {
    }

    private final InboundPort port;
    private final Runnable afterAnswer;
    private final Executor executor;
    private final int maxAnswering;
    private final RecentDeliveries recent;
    private final AcknowledgementsFirst acknowledgementsFirst;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answering = new AtomicInteger();

    /**
     * @param maxAnswering how many threads of {@code executor} may answer at once
     * @param acknowledgementsFirst what answering waits for during a burst of callbacks
     */
    CallbackProcessor(InboundPort port, Runnable afterAnswer, Executor executor, int maxAnswering,
                      RecentDeliveries recent, AcknowledgementsFirst acknowledgementsFirst) {
        this.port = port;
        this.afterAnswer = afterAnswer;
        this.executor = executor;
        this.maxAnswering = maxAnswering;
        this.recent = recent;
        this.acknowledgementsFirst = acknowledgementsFirst;
    }

    /**
     * Runs before the 200: drops a repeated delivery and hands the message to the port to be stored durably, so that
     * an acknowledged message is never lost. The future fails when storing fails (the endpoint then answers 500 and
     * WeCom retries, or tells the sender); the delivery is then forgotten, so that the retry is not taken for a repeat.
     *
     * @return the answer to queue after the 200, or empty for a repeat or an ignored event, once it is stored
     */
    CompletableFuture<Optional<PendingAnswer>> prepare(String transport, CallbackEvent event) {
        String delivery = transport + ":" + event.dedupeKey();
        if (!recent.firstTime(delivery)) {
            LOG.info("callback {}: repeated delivery ignored", transport);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (event instanceof CallbackEvent.Ignored i) {
            LOG.debug("callback {}: {} acknowledged", transport, i.kind());
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CallbackEvent.Message m = (CallbackEvent.Message) event;
        CompletableFuture<Optional<PendingAnswer>> stored;
        try {
            stored = port.acceptLater(m.message());
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.whenComplete((pending, error) -> {
            if (error != null) {
                recent.forget(delivery);
            } else if (pending.isEmpty()) {
                LOG.info("callback {}: message already stored and answered", transport);
            }
        });
    }

    /** Queues a stored message's answer after the 200. */
    void submit(String transport, PendingAnswer pending) {
        waiting.add(new Waiting(transport, pending, acknowledgementsFirst.deadlineForAnswerStoredNow()));
        startAnswering();
    }

    /** Prepares, waits until stored and queues, in one step. {@code false} for a repeat. */
    boolean accept(String transport, CallbackEvent event) {
        Optional<PendingAnswer> pending;
        try {
            pending = prepare(transport, event).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        pending.ifPresent(p -> submit(transport, p));
        return pending.isPresent();
    }

    /** Puts one more thread to answering, unless enough are at it or nothing waits. */
    private void startAnswering() {
        while (!waiting.isEmpty()) {
            int now = answering.get();
            if (now >= maxAnswering) {
                return; // a thread at work takes it; one that is finishing looks again after it stopped counting
            }
            if (answering.compareAndSet(now, now + 1)) {
                try {
                    executor.execute(this::answerWaiting);
                } catch (RejectedExecutionException e) {
                    answering.decrementAndGet();
                    LOG.error("callback: processing queue refused {} stored messages (shutting down?); they stay "
                            + "stored and are answered after the restart", waiting.size());
                }
                return;
            }
        }
    }

    private void answerWaiting() {
        try {
            List<Waiting> batch = new ArrayList<>(MAX_BATCH);
            while (true) {
                fillUp(batch);
                if (batch.isEmpty()) {
                    return;
                }
                acknowledgementsFirst.awaitBurstOver(batch.get(0).deadline());
                fillUp(batch); // those stored meanwhile
                batch.subList(0, answer(batch)).clear(); // those not reached go with the next ones
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: what waits stays stored, answered after the restart
        } finally {
            answering.decrementAndGet();
            startAnswering(); // a message queued after the last look, while this thread still counted
        }
    }

    /** Takes waiting answers into the batch, up to {@link #MAX_BATCH}. */
    private void fillUp(List<Waiting> batch) {
        Waiting w;
        while (batch.size() < MAX_BATCH && (w = waiting.poll()) != null) {
            batch.add(w);
        }
    }

    /**
     * In one transaction, which the engine may end early; when it fails, each alone, so that one message's failure
     * fails only its own answer. @return how many of the batch, from the first, are done with
     */
    private int answer(List<Waiting> batch) {
        if (batch.size() > 1) {
            try {
                int answered = port.answerTogether(batch.stream().map(Waiting::pending).toList());
                afterAnswer.run();
                return Math.max(1, answered);
            } catch (StorageFault e) {
                // the engine noted the cause (one line); stored, so the recovery pass answers them once storage works
                LOG.warn("callback: {} stored messages are answered once storage works again", batch.size());
                return batch.size();
            } catch (RuntimeException e) {
                LOG.warn("callback: answering {} stored messages together failed ({}); answering them one by one",
                        batch.size(), e.toString());
            }
        }
        for (Waiting w : batch) {
            answerAlone(w);
        }
        return batch.size();
    }

    private void answerAlone(Waiting w) {
        try {
            if (w.pending().answer().isPresent()) {
                afterAnswer.run();
            }
        } catch (StorageFault e) {
            LOG.warn("callback {}: a stored message is answered once storage works again", w.transport());
        } catch (RuntimeException e) {
            LOG.error("callback {}: answering a stored message failed: {}", w.transport(), e.toString(), e);
        }
    }
}
