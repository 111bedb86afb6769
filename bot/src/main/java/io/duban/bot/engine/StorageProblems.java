package io.duban.bot.engine;

import io.duban.storage.StorageFault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest storage fault the bot ran into (disk full, read-only, database file deleted or replaced, server
 * unreachable), for the log and for {@code ./duban status}. Each distinct fault is logged as one plain line, again at
 * most once a minute while it lasts, so that a flood of messages does not flood the log.
 */
public final class StorageProblems {
    private static final Logger LOG = LoggerFactory.getLogger(StorageProblems.class);
    private static final Duration RELOG = Duration.ofMinutes(1);

    /** What the sender is told when their message could not be stored. */
    public static final String CANNOT_STORE = "系统暂时无法保存您的消息，请稍后重发。";

    /** A fault as one line, and when it was last seen. */
    public record Problem(String line, Instant lastSeen) {
    }

    private final Clock clock;
    private volatile Problem last;
    private volatile Instant lastLogged = Instant.MIN;

    public StorageProblems(Clock clock) {
        this.clock = clock;
    }

    /** Notes a fault; logs it as one line (the first time, and once a minute while it lasts). */
    public synchronized void report(StorageFault fault) {
        Instant now = clock.instant();
        Problem before = last;
        last = new Problem(fault.getMessage(), now);
        if (before == null || !before.line().equals(fault.getMessage()) || now.isAfter(lastLogged.plus(RELOG))) {
            LOG.error("storage: {} — messages are answered with “{}” until this is fixed", fault.getMessage(),
                    CANNOT_STORE);
            lastLogged = now;
        }
    }

    /** The latest fault, if there was one. */
    public Optional<Problem> last() {
        return Optional.ofNullable(last);
    }
}
