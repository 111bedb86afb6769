package io.duban.bot.wecom.callback;

import io.duban.bot.engine.InboundMessage;
import io.duban.bot.engine.Reply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work after the 200: de-duplicate the delivery, let the engine answer, and hand each answer to the
 * {@link ReplySink}. Runs on its own executor so that WeCom gets its answer at once.
 */
final class CallbackProcessor {
    static final String UNSUPPORTED_TEXT = "抱歉，目前只能读懂文字消息。请直接输入文字，例如：帮助";
    private static final Logger LOG = LoggerFactory.getLogger(CallbackProcessor.class);

    private final InboundHandler handler;
    private final ReplySink sink;
    private final Executor executor;
    private final RecentDeliveries recent;

    CallbackProcessor(InboundHandler handler, ReplySink sink, Executor executor, RecentDeliveries recent) {
        this.handler = handler;
        this.sink = sink;
        this.executor = executor;
        this.recent = recent;
    }

    /**
     * Runs before the 200: drops a repeated delivery and stores a text message durably, so that an acknowledged
     * message is never lost. Throws when storing fails (the endpoint then answers 500 and WeCom retries).
     *
     * @return the work to queue after the 200, or empty for a repeat
     */
    Optional<Runnable> prepare(String transport, CallbackEvent event) {
        if (!recent.firstTime(transport + ":" + event.dedupeKey())) {
            LOG.info("callback {}: repeated delivery ignored", transport);
            return Optional.empty();
        }
        Optional<Supplier<List<Reply>>> work = Optional.empty();
        if (event instanceof CallbackEvent.UserText t) {
            try {
                work = handler.store(t.message());
            } catch (RuntimeException e) {
                recent.forget(transport + ":" + event.dedupeKey());
                throw e;
            }
            if (work.isEmpty()) {
                LOG.info("callback {}: message already stored and answered", transport);
                return Optional.empty();
            }
        }
        Optional<Supplier<List<Reply>>> stored = work;
        return Optional.of(() -> process(transport, event, stored));
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

    private void process(String transport, CallbackEvent event, Optional<Supplier<List<Reply>>> stored) {
        try {
            if (event instanceof CallbackEvent.UserText t) {
                answer(transport, t.message(), t.responseUrl(), stored.orElseThrow().get());
            } else if (event instanceof CallbackEvent.Unsupported u) {
                LOG.info("callback {}: unsupported message type {}", transport, u.kind());
                answer(transport, u.message(), u.responseUrl(), List.of(Reply.of(UNSUPPORTED_TEXT)));
            } else if (event instanceof CallbackEvent.Ignored i) {
                LOG.debug("callback {}: {} acknowledged", transport, i.kind());
            }
        } catch (RuntimeException e) {
            LOG.error("callback {}: handling a message failed", transport, e);
        }
    }

    private void answer(String transport, InboundMessage message, Optional<String> responseUrl, List<Reply> replies) {
        if (replies.isEmpty()) {
            return;
        }
        if (responseUrl.isPresent()) {
            sink.replyViaResponseUrl(message, responseUrl.get(), merge(replies));
        } else if (AppCallbackFormat.TRANSPORT.equals(transport)) {
            for (Reply reply : replies) {
                sink.replyToUser(message, message.senderId(), reply);
            }
        } else {
            LOG.warn("callback {}: message without response_url, {} replies cannot be sent", transport, replies.size());
        }
    }

    /** The robot's response_url takes one reply: several become one, paragraphs in order. */
    static Reply merge(List<Reply> replies) {
        if (replies.size() == 1) {
            return replies.get(0);
        }
        List<String> texts = new ArrayList<>();
        Set<String> mentions = new LinkedHashSet<>();
        for (Reply r : replies) {
            texts.add(r.text());
            mentions.addAll(r.mentions());
        }
        return new Reply(String.join("\n\n", texts), List.copyOf(mentions));
    }
}
