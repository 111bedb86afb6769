package io.duban.bot.outbox;

import static java.util.Objects.requireNonNull;

import io.duban.storage.OutboxRepository;
import io.duban.storage.model.ClaimedEntry;
import io.duban.storage.model.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: returns expired leases to pending, claims due rows under a lease, routes each to its channel,
 * keeps every destination within its rate limits, retries transient failures with backoff and parks permanent ones
 * as failed. A message is marked sent only after the channel confirmed it, so a crash mid-send means at most one
 * part is sent again; a sender that lost its lease never marks the row.
 */
public final class OutboxDrainer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);

    /** How long to wait before trying a channel again that said it is unavailable. */
    static final Duration UNAVAILABLE_WAIT = Duration.ofSeconds(5);

    private final OutboxRepository outbox;
    private final ChannelRouter router;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Clock clock;
    private final String sender;
    private final Duration lease;
    private final int batch;

    public OutboxDrainer(OutboxRepository outbox, ChannelRouter router, RateLimiter limiter, RetryPolicy retry,
                         Clock clock, String sender, Duration lease, int batch) {
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.router = requireNonNull(router, "router is null");
        this.limiter = requireNonNull(limiter, "limiter is null");
        this.retry = requireNonNull(retry, "retry is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.sender = requireNonNull(sender, "sender is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.batch = batch;
    }

    /** What one pass did. {@code claimed == batch} means there may be more due rows. */
    public record Pass(int released, int claimed, int sent, int retried, int deferred, int failed) {
        public boolean mayHaveMore() {
            return claimed > 0 && sent + failed > 0;
        }
    }

    public Pass drainOnce() {
        Instant now = clock.instant();
        int released = outbox.releaseExpiredLeases(now);
        if (released > 0) {
            LOG.warn("outbox: {} message(s) whose sender stopped mid-send are pending again", released);
        }
        List<ClaimedEntry> claimed = outbox.claim(sender, now, lease, batch);
        int sent = 0;
        int retried = 0;
        int deferred = 0;
        int failed = 0;
        for (ClaimedEntry c : claimed) {
            switch (deliver(c)) {
                case SENT -> sent++;
                case RETRY -> retried++;
                case DEFERRED -> deferred++;
                case FAILED -> failed++;
            }
        }
        return new Pass(released, claimed.size(), sent, retried, deferred, failed);
    }

    private enum Outcome { SENT, RETRY, DEFERRED, FAILED }

    private Outcome deliver(ClaimedEntry c) {
        OutboxEntry entry = c.entry();
        if (clock.instant().isAfter(c.leaseUntil().minus(lease.dividedBy(4)))) {
            outbox.defer(c, clock.instant()); // the lease is nearly over: give the row back untouched
            return Outcome.DEFERRED;
        }
        Optional<OutboundChannel> channel = router.channelFor(entry.message().address());
        if (channel.isEmpty()) {
            return fail(c, "no channel configured for " + entry.message().address().kind().key() + " messages");
        }
        if (channel.get().sendsElsewhere(entry)) {
            outbox.defer(c, clock.instant()); // another instance sends it: back at once, untouched
            return Outcome.DEFERRED;
        }
        List<String> parts;
        Destination destination;
        try {
            parts = channel.get().parts(entry);
            destination = channel.get().destination(entry);
        } catch (RuntimeException e) {
            return fail(c, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        for (int i = c.partsSent(); i < parts.size(); i++) {
            Optional<Instant> freeAt = limiter.tryAcquire(destination);
            if (freeAt.isPresent()) {
                LOG.debug("outbox #{}: {} is at its rate limit, next slot {}", entry.id(), destination.key(),
                        freeAt.get());
                outbox.defer(c, freeAt.get());
                return Outcome.DEFERRED;
            }
            SendResult result;
            try {
                result = channel.get().send(entry, new OutboundChannel.Part(i + 1, parts.size(), parts.get(i)));
            } catch (RuntimeException e) {
                result = SendResult.retry(e.toString());
            }
            limiter.sent(destination); // the window of this message starts when WeCom can have seen it
            if (result instanceof SendResult.Unavailable u) {
                LOG.debug("outbox #{} to {}: {}; waiting", entry.id(), destination.key(), u.reason());
                outbox.defer(c, clock.instant().plus(UNAVAILABLE_WAIT));
                return Outcome.DEFERRED;
            }
            if (result instanceof SendResult.Retry r) {
                int attempts = entry.attempts() + 1;
                if (retry.exhausted(attempts)) {
                    return fail(c, "gave up after " + attempts + " attempts: " + r.reason());
                }
                Duration wait = retry.delayAfter(attempts);
                LOG.warn("outbox #{} to {}: {} (attempt {}, retry in {} s)", entry.id(), destination.key(),
                        r.reason(), attempts, wait.toSeconds());
                outbox.markRetry(c, clock.instant().plus(wait), r.reason());
                return Outcome.RETRY;
            }
            if (result instanceof SendResult.Failed f) {
                return fail(c, f.reason());
            }
            if (i + 1 < parts.size()) {
                outbox.markPartsSent(c, i + 1);
            }
        }
        if (!outbox.markSent(c, clock.instant())) {
            LOG.warn("outbox #{}: sent, but the lease had run out; another sender may repeat it", entry.id());
        } else {
            LOG.info("outbox #{} sent to {}{}", entry.id(), destination.key(),
                    parts.size() > 1 ? " in " + parts.size() + " parts" : "");
        }
        return Outcome.SENT;
    }

    private Outcome fail(ClaimedEntry c, String reason) {
        LOG.error("outbox #{} to {} {} failed for good: {} (see ./duban outbox; retry with ./duban outbox retry {})",
                c.id(), c.entry().message().address().kind().key(), c.entry().message().address().value(), reason,
                c.id());
        outbox.markFailed(c, reason, clock.instant());
        return Outcome.FAILED;
    }
}
