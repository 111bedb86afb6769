package io.duban.bot.serve;

import io.duban.bot.engine.StorageProblems;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.ws.LongConnection;
import io.duban.bot.wecom.ws.LongConnectionChannel;
import io.duban.storage.Database;
import io.duban.storage.Storage;
import io.duban.storage.StorageFault;
import io.duban.storage.model.OutboxEntry;
import io.duban.storage.model.ServeInstance;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a serve process does beside the conversation, on its own thread so that a slow database cannot delay a ping:
 * the status file and the instance heartbeat every five seconds (read by {@code ./duban status}), the old reply
 * routes pruned hourly, and at start the replies of senders that died handed back to the outbox.
 */
final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    /** An instance silent for this long is taken for dead. */
    static final Duration INSTANCE_SILENT = Duration.ofSeconds(15);

    private final Storage storage;
    private final Clock clock;
    private final WeComSettings settings;
    private final Path statusFile;
    private final String instance;
    private final StorageProblems problems;
    private final Optional<LongConnection> connection;
    private final ScheduledExecutorService thread;
    private final Instant started = Instant.now();
    private volatile Supplier<String> role = () -> "active";
    private String lastDepth = "";

    Housekeeping(Storage storage, Clock clock, WeComSettings settings, Path statusFile, String instance,
                 StorageProblems problems, Optional<LongConnection> connection) {
        this.storage = storage;
        this.clock = clock;
        this.settings = settings;
        this.statusFile = statusFile;
        this.instance = instance;
        this.problems = problems;
        this.connection = connection;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status");
            t.setDaemon(true);
            return t;
        });
    }

    /** What {@code ./duban status} lists as this instance's role. */
    void role(Supplier<String> role) {
        this.role = role;
    }

    /** Starts the status every five seconds and the hourly pruning of reply routes. */
    void start() {
        thread.scheduleWithFixedDelay(this::report, 0, 5, TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(this::forgetOldRoutes, 1, 60, TimeUnit.MINUTES);
    }

    /** Writes the status a last time and leaves the instance list. */
    void leave() {
        report();
        try {
            storage.instances().remove(instance);
        } catch (RuntimeException e) {
            LOG.debug("instance list: {}", e.toString());
        }
    }

    void stop() {
        thread.shutdownNow();
    }

    private void report() {
        try {
            Map<String, Long> depth = new TreeMap<>();
            storage.outbox().countByStatus().forEach((s, n) -> depth.put(s.key(), n));
            long pending = depth.getOrDefault(OutboxEntry.Status.PENDING.key(), 0L)
                    + depth.getOrDefault(OutboxEntry.Status.SENDING.key(), 0L);
            long failed = depth.getOrDefault(OutboxEntry.Status.FAILED.key(), 0L);
            String line = pending + " waiting, " + failed + " failed";
            if (!line.equals(lastDepth)) {
                LOG.info("outbox: {}", line);
                lastDepth = line;
            }
            Instant now = clock.instant();
            heartbeat(now);
            if (storage.database().dialect() == Database.Dialect.POSTGRESQL) {
                releaseRepliesOfDeadSenders(); // another instance that died after this one started
            }
            status(now, depth, problems.last().filter(p -> p.lastSeen().isAfter(now.minus(Duration.ofMinutes(2))))
                    .map(StorageProblems.Problem::line).orElse(""));
        } catch (StorageFault e) {
            problems.report(e);
            writeStorageProblem(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("status: {}", e.toString());
        }
    }

    /** When the database fails, the status file still tells {@code ./duban status} why. */
    private void writeStorageProblem(String line) {
        try {
            status(clock.instant(), Map.of(), line);
        } catch (RuntimeException e) {
            LOG.warn("status: {}", e.toString());
        }
    }

    private void status(Instant now, Map<String, Long> depth, String storageProblem) {
        new ServeStatus(ProcessHandle.current().pid(), now.toString(),
                connection.map(c -> c.state().name()).orElse("NOT_CONFIGURED"),
                connection.map(c -> c.stateSince().toString()).orElse(now.toString()),
                connection.map(LongConnection::reconnects).orElse(0),
                connection.map(LongConnection::lastProblem).orElse(""),
                settings.botId().orElse(""), settings.webhooks().size(), depth, storageProblem).write(statusFile);
    }

    /** This instance in the database's instance list (host, pid, role, last heartbeat) for {@code ./duban status}. */
    private void heartbeat(Instant now) {
        Optional<StorageFault> fault = storage.health();
        if (fault.isPresent()) {
            throw fault.get();
        }
        storage.instances().heartbeat(new ServeInstance(instance, host(), ProcessHandle.current().pid(), role.get(),
                started, now, connection.map(c -> c.state().name()).orElse("")));
    }

    /**
     * Replies a sender was delivering when its process died go out again soon, not after their 120 s lease: at start
     * and, on PostgreSQL, at every status round (an instance that died after this one started, e.g. one killed and
     * restarted by its supervisor while a reply was on its way, is found silent {@link #INSTANCE_SILENT} later). On
     * SQLite this process is the only sender (the serve lock), so every lease but its own is a dead one's; on
     * PostgreSQL the live senders are the instances with a recent heartbeat. (A process id is not asked: two
     * containers on one host may share a host name and not see each other's processes.)
     */
    void releaseRepliesOfDeadSenders() {
        try {
            Set<String> live = new HashSet<>();
            live.add(instance);
            if (storage.database().dialect() == Database.Dialect.POSTGRESQL) {
                Instant recent = clock.instant().minus(INSTANCE_SILENT);
                storage.instances().all().stream().filter(i -> i.heartbeatAt().isAfter(recent))
                        .forEach(i -> live.add(i.instanceId()));
            }
            int released = storage.outbox().releaseLeasesOfOthers(live);
            if (released > 0) {
                LOG.info("outbox: {} message(s) a stopped process was sending are due again now", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox: could not release the leases of stopped senders: {}", e.toString());
        }
    }

    static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private void forgetOldRoutes() {
        try {
            storage.replyRoutes().forgetBefore(clock.instant().minus(LongConnectionChannel.REPLY_WINDOW)
                    .minus(Duration.ofHours(1)));
        } catch (RuntimeException e) {
            LOG.warn("reply routes: {}", e.toString());
        }
    }
}
