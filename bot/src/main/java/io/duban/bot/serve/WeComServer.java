package io.duban.bot.serve;

import io.duban.bot.engine.InboundPort;
import io.duban.bot.engine.StorageProblems;
import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.OutboxDrainer;
import io.duban.bot.outbox.OutboxPump;
import io.duban.bot.outbox.RateLimiter;
import io.duban.bot.outbox.RetryPolicy;
import io.duban.bot.settings.BotSettings;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.app.AppSettings;
import io.duban.bot.wecom.callback.CallbackServer;
import io.duban.bot.wecom.callback.CallbackSettings;
import io.duban.bot.wecom.ws.ConnectionState;
import io.duban.bot.wecom.ws.LongConnection;
import io.duban.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on WeCom, as it runs: the long connection for conversation, the HTTP callbacks, the outbox pump that sends
 * everything, and the {@link Housekeeping} (status file, heartbeat). Which channel delivers what is wired in
 * {@link WeComChannels}; {@link #router()} lets another channel take over an address kind.
 */
public final class WeComServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WeComServer.class);
    private static final Duration LEASE = Duration.ofSeconds(120);

    private final Clock clock;
    private final WeComSettings settings;
    private final ScheduledExecutorService timers;
    private final ScheduledExecutorService outboxThread;
    /** The status file, the instance heartbeat and the pruning, apart from the connection's timers. */
    private final Housekeeping housekeeping;
    private final ExecutorService worker;
    private final ChannelRouter router = new ChannelRouter();
    private final OutboxPump pump;
    private final Optional<LongConnection> connection;
    private final InboundPort callbackInbound;
    private final Optional<CallbackSettings> callback;
    private final Optional<String> corpId;
    private Optional<CallbackServer> callbackServer = Optional.empty();
    private final String instance;
    private final StorageProblems problems;

    public WeComServer(Storage storage, Clock clock, WeComSettings settings, InboundPort inbound,
                       Path statusFile) {
        this(storage, clock, settings, Optional.empty(), inbound, statusFile);
    }

    /**
     * @param app the self-built app's settings, when private messages should go through it (enabled, no problems)
     */
    public WeComServer(Storage storage, Clock clock, WeComSettings settings, Optional<AppSettings> app,
                       InboundPort inbound, Path statusFile) {
        this(storage, clock, settings, app, inbound, statusFile, "serve-" + ProcessHandle.current().pid(),
                new StorageProblems(clock));
    }

    /**
     * @param instance names this process in outbox leases and in the instance list of {@code ./duban status}
     * @param problems the storage faults the engine met, for the status file
     */
    public WeComServer(Storage storage, Clock clock, WeComSettings settings, Optional<AppSettings> app,
                       InboundPort inbound, Path statusFile, String instance, StorageProblems problems) {
        this(storage, clock, settings, app, Optional.empty(), Optional.empty(), inbound, inbound, statusFile, instance,
                problems);
    }

    /** Everything {@code serve} runs on WeCom, as the settings say (checked with {@link BotSettings#serveProblems}). */
    public static WeComServer of(Storage storage, Clock clock, BotSettings settings, InboundPort inbound,
                                 Path statusFile) {
        return of(storage, clock, settings, inbound, inbound, statusFile, "serve-" + ProcessHandle.current().pid(),
                new StorageProblems(clock));
    }

    /**
     * @param callbackInbound where the HTTP callback hands its messages (serve batches their commits)
     */
    public static WeComServer of(Storage storage, Clock clock, BotSettings settings, InboundPort inbound,
                                 InboundPort callbackInbound, Path statusFile, String instance,
                                 StorageProblems problems) {
        return new WeComServer(storage, clock, settings.wecom(),
                settings.app().enabled() ? Optional.of(settings.app()) : Optional.empty(),
                settings.callback().anyEnabled() ? Optional.of(settings.callback()) : Optional.empty(),
                settings.app().corpId(), inbound, callbackInbound, statusFile, instance, problems);
    }

    /**
     * @param app      the self-built app's settings, when private messages should go through it (enabled, no problems)
     * @param callback the HTTP callback's settings, when WeCom should also reach the bot through callbacks (checked)
     * @param corpId   the CorpID, the app callback's receive id
     */
    public WeComServer(Storage storage, Clock clock, WeComSettings settings, Optional<AppSettings> app,
                       Optional<CallbackSettings> callback, Optional<String> corpId, InboundPort inbound,
                       InboundPort callbackInbound, Path statusFile, String instance, StorageProblems problems) {
        this.callbackInbound = callbackInbound;
        this.callback = callback;
        this.corpId = corpId;
        this.instance = instance;
        this.problems = problems;
        this.clock = clock;
        this.settings = settings;
        this.timers = Executors.newScheduledThreadPool(1, daemon("wecom-timers"));
        this.outboxThread = Executors.newSingleThreadScheduledExecutor(daemon("outbox"));
        this.worker = Executors.newSingleThreadExecutor(daemon("conversation"));
        OutboxDrainer drainer = new OutboxDrainer(storage.outbox(), router, new RateLimiter(clock, RateLimiter.SAFETY_MARGIN),
                RetryPolicy.DEFAULT, clock, instance, LEASE, 10);
        this.pump = new OutboxPump(drainer, outboxThread);
        this.connection = WeComChannels.wire(router, storage, clock, settings, app, inbound, pump::nudge, worker,
                timers);
        this.housekeeping = new Housekeeping(storage, clock, settings, statusFile, instance, problems, connection);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Plug in another channel for an address kind (e.g. private reminders through a self-built app). */
    public ChannelRouter router() {
        return router;
    }

    public Optional<LongConnection> connection() {
        return connection;
    }

    /** Where the HTTP callback listens, once started (empty without callbacks). */
    public Optional<java.net.InetSocketAddress> callbackAddress() {
        return callbackServer.map(CallbackServer::address);
    }

    public OutboxPump pump() {
        return pump;
    }

    /** The name of this process in outbox leases and the instance list. */
    public String instance() {
        return instance;
    }

    /** Starts everything: the outbox, the status, and the long connection. */
    public void start() {
        startWithoutConnection();
        startConnection();
    }

    /** Starts the long connection (an active instance; on PostgreSQL only the lease holder). */
    public void startConnection() {
        connection.ifPresent(LongConnection::start);
    }

    /** Gates every subscribe of the long connection (see {@link LongConnection#gatedBy}). */
    public void gateConnection(java.util.function.BooleanSupplier maySubscribe) {
        connection.ifPresent(c -> c.gatedBy(maySubscribe));
    }

    /** Stops holding the long connection (an instance that lost the lease). */
    public void stopConnection() {
        connection.ifPresent(LongConnection::close);
    }

    /** What {@code ./duban status} lists as this instance's role; {@code active} unless set. */
    public void role(java.util.function.Supplier<String> role) {
        housekeeping.role(role);
    }

    /** Starts the outbox, the status file and the instance heartbeat, but not the long connection (a standby). */
    public void startWithoutConnection() {
        LOG.info("WeCom: {}; webhook robots for {} group(s) in duban.yml", settings.describe(),
                settings.webhooks().size());
        housekeeping.releaseRepliesOfDeadSenders();
        pump.start(Duration.ofSeconds(1));
        // the HTTP callback (standby instances answer it too): stores each message before the 200, and its
        // answer goes out through this outbox
        callbackServer = callback.map(c -> CallbackServer.builder()
                .settings(c, corpId)
                .inbound(callbackInbound)
                .onStorageFault(problems::report)
                .afterAnswer(pump::nudge)
                .clock(clock)
                .build()
                .start());
        housekeeping.start();
    }

    /**
     * Blocks until the connection stands down for good (kicked, bad credentials, stopped); without a long connection
     * (webhooks only) until the process is stopped.
     */
    public ConnectionState awaitFinalState() throws InterruptedException {
        if (connection.isEmpty()) {
            new java.util.concurrent.CountDownLatch(1).await();
        }
        LongConnection ws = connection.get();
        while (!ws.state().isFinal()) {
            synchronized (this) {
                wait(1000);
            }
        }
        return ws.state();
    }

    @Override
    public void close() {
        callbackServer.ifPresent(CallbackServer::close);
        connection.ifPresent(LongConnection::close);
        pump.close();
        housekeeping.leave();
        outboxThread.shutdown();
        worker.shutdown();
        timers.shutdownNow();
        housekeeping.stop();
        try {
            outboxThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
