package io.duban.bot.wecom.callback;

import io.duban.bot.engine.InboundPort;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the 200: drops a repeated delivery and hands the message to the engine's port, which stores it. After the
 * 200, on its own executor: lets the engine decide and enqueue the answer, then wakes the outbox. The answer goes
 * out through the outbox like every other ({@link ResponseUrlChannel} for the robot, the app channel for the app).
 */
final class CallbackProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackProcessor.class);

    private final InboundPort port;
    private final Runnable afterAnswer;
    private final Executor executor;
    private final RecentDeliveries recent;

    CallbackProcessor(InboundPort port, Runnable afterAnswer, Executor executor, RecentDeliveries recent) {
        this.port = port;
        this.afterAnswer = afterAnswer;
        this.executor = executor;
        this.recent = recent;
    }

    /**
     * Runs before the 200: drops a repeated delivery and stores the message durably, so that an acknowledged
     * message is never lost. Throws when storing fails (the endpoint then answers 500 and WeCom retries).
     *
     * @return the work to queue after the 200, or empty for a repeat or an ignored event
     */
    Optional<Runnable> prepare(String transport, CallbackEvent event) {
        if (!recent.firstTime(transport + ":" + event.dedupeKey())) {
            LOG.info("callback {}: repeated delivery ignored", transport);
            return Optional.empty();
        }
        if (event instanceof CallbackEvent.Ignored i) {
            LOG.debug("callback {}: {} acknowledged", transport, i.kind());
            return Optional.empty();
        }
        CallbackEvent.Message m = (CallbackEvent.Message) event;
        Optional<InboundPort.PendingAnswer> pending;
        try {
            pending = port.accept(m.message());
        } catch (RuntimeException e) {
            recent.forget(transport + ":" + event.dedupeKey());
            throw e;
        }
        if (pending.isEmpty()) {
            LOG.info("callback {}: message already stored and answered", transport);
            return Optional.empty();
        }
        return Optional.of(() -> answer(transport, pending.get()));
    }

    /** Queues prepared work after the 200. */
    void submit(String transport, Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.error("callback {}: processing queue refused a stored message (shutting down?); it stays stored", transport);
        }
    }

    /** Prepares and queues in one step. {@code false} for a repeat. */
    boolean accept(String transport, CallbackEvent event) {
        Optional<Runnable> work = prepare(transport, event);
        work.ifPresent(w -> submit(transport, w));
        return work.isPresent();
    }

    private void answer(String transport, InboundPort.PendingAnswer pending) {
        try {
            if (pending.answer().isPresent()) {
                afterAnswer.run();
            }
        } catch (io.duban.storage.StorageFault e) {
            // the engine noted the cause (one line); stored, so the recovery pass answers it once storage works
            LOG.warn("callback {}: a stored message is answered once storage works again", transport);
        } catch (RuntimeException e) {
            LOG.error("callback {}: answering a stored message failed: {}", transport, e.toString(), e);
        }
    }
}
