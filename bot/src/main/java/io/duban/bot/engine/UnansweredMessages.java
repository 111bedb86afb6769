package io.duban.bot.engine;

import io.duban.storage.Storage;
import io.duban.storage.StorageFault;
import io.duban.storage.model.StoredInbound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds stored messages that have no answer — the bot stopped between storing and answering, an answer failed, or
 * another instance died holding them — and answers them, oldest first: on start at once, then every few seconds for
 * messages older than a grace period (younger ones are still being answered by the transport that heard them).
 * Each pass claims its messages like outbox rows, and the engine answers a message only while it has no answer, so
 * a message is answered at most once across passes, restarts and instances.
 *
 * <p>Within WeCom's reply window (24 h) the answer is an ordinary reply. Past it, it goes into the same conversation
 * as a new message beginning with {@value BotEngine#LATE_PREFIX}. A message older than {@link #GIVE_UP_AFTER}, or one
 * heard on a transport that cannot send a message on its own, is marked {@code expired} and logged instead; {@code
 * ./duban status} counts those.
 */
public final class UnansweredMessages {
    private static final Logger LOG = LoggerFactory.getLogger(UnansweredMessages.class);

    /** WeCom accepts a reply up to 24 h after the message. */
    public static final Duration REPLY_WINDOW = Duration.ofHours(24);
    /** Past this, an answer would confuse more than help: the message is marked expired. */
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(7);
    /** Messages younger than this are left to the transport that is answering them right now. */
    public static final Duration GRACE = Duration.ofSeconds(10);
    /** The outcome of a message given up on. */
    public static final String EXPIRED = "expired";

    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final int BATCH = 50;
    /** Transports that can send a message into a conversation without a fresh request to answer. */
    private static final Set<String> PROACTIVE = Set.of("wecom-ws", "wecom-callback", "wecom-app");

    private final BotEngine engine;
    private final Storage storage;
    private final Clock clock;
    private final String owner;
    private final AtomicLong passes = new AtomicLong();

    /** @param owner names this instance in claims (no {@code %} or {@code _}) */
    public UnansweredMessages(BotEngine engine, Storage storage, Clock clock, String owner) {
        this.engine = engine;
        this.storage = storage;
        this.clock = clock;
        this.owner = owner;
    }

    /** What one pass did. */
    public record Pass(int answered, int late, int expired, int skipped) {
        public int total() {
            return answered + late + expired + skipped;
        }
    }

    /** Answers every unanswered message that arrived at least {@code grace} ago, in batches, oldest first. */
    public Pass answerDue(Duration grace) {
        int answered = 0;
        int late = 0;
        int expired = 0;
        int skipped = 0;
        while (true) {
            Instant now = clock.instant();
            List<StoredInbound> batch = storage.inbound().claimUnanswered(owner + "/" + passes.incrementAndGet(), now,
                    CLAIM, now.minus(grace), BATCH);
            for (StoredInbound m : batch) {
                Duration age = Duration.between(m.message().receivedAt(), now);
                boolean pastWindow = age.compareTo(REPLY_WINDOW) > 0;
                if (age.compareTo(GIVE_UP_AFTER) > 0 || (pastWindow && !PROACTIVE.contains(m.message().transport()))) {
                    if (storage.inbound().markAnswered(m.id(), EXPIRED, now)) {
                        LOG.warn("message {} from {} ({} ago) expired without an answer: too late to answer it",
                                m.message().messageId(), m.message().senderId(), age);
                        expired++;
                    }
                    continue;
                }
                var outcome = engine.answerStored(m, pastWindow ? BotEngine.Lateness.PAST_REPLY_WINDOW
                        : BotEngine.Lateness.ON_TIME);
                if (outcome.isEmpty()) {
                    skipped++;
                } else if (pastWindow) {
                    late++;
                } else {
                    answered++;
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        Pass pass = new Pass(answered, late, expired, skipped);
        if (pass.answered + pass.late + pass.expired > 0) {
            LOG.info("answered {} stored message(s) that had no answer yet ({} past the reply window, {} expired)",
                    pass.answered + pass.late, pass.late, pass.expired);
        }
        return pass;
    }

    /**
     * Runs a first pass at once (nothing else answers the messages a stopped process left), then one every
     * {@code every} for messages older than {@link #GRACE}.
     *
     * @param afterPass runs after a pass that enqueued answers (e.g. wakes the outbox)
     */
    public AutoCloseable startInBackground(ScheduledExecutorService executor, Duration every, Runnable afterPass) {
        executor.execute(() -> pass(Duration.ZERO, afterPass));
        ScheduledFuture<?> ticking = executor.scheduleWithFixedDelay(() -> pass(GRACE, afterPass), every.toMillis(),
                every.toMillis(), TimeUnit.MILLISECONDS);
        return () -> ticking.cancel(false);
    }

    private void pass(Duration grace, Runnable afterPass) {
        try {
            Pass pass = answerDue(grace);
            if (pass.answered + pass.late > 0) {
                afterPass.run();
            }
        } catch (StorageFault e) {
            engine.storageProblems().report(e);
        } catch (RuntimeException e) {
            LOG.error("answering stored messages failed, will try again: {}", e.toString(), e);
        }
    }
}
