package io.duban.bot.serve;

import io.duban.bot.outbox.ChannelRouter;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.OutboxDrainer;
import io.duban.bot.outbox.OutboxPump;
import io.duban.bot.outbox.RateLimiter;
import io.duban.bot.outbox.ReplyChannel;
import io.duban.bot.outbox.RetryPolicy;
import io.duban.bot.wecom.TrustStores;
import io.duban.bot.wecom.WeComHttp;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.app.AppChannel;
import io.duban.bot.wecom.app.AppSettings;
import io.duban.bot.wecom.app.WeComAppClient;
import io.duban.bot.wecom.media.MediaCache;
import io.duban.bot.engine.InboundPort;
import io.duban.bot.wecom.callback.CallbackServer;
import io.duban.bot.settings.BotSettings;
import io.duban.bot.wecom.callback.CallbackSettings;
import io.duban.bot.wecom.callback.ResponseUrlChannel;
import io.duban.bot.wecom.callback.ResponseUrlClient;
import io.duban.bot.wecom.webhook.WebhookChannel;
import io.duban.bot.wecom.webhook.WebhookClient;
import io.duban.bot.wecom.ws.CallbackMapper;
import io.duban.bot.wecom.ws.ConnectionState;
import io.duban.bot.wecom.ws.LongConnection;
import io.duban.bot.wecom.ws.LongConnectionChannel;
import io.duban.bot.wecom.ws.LongConnectionConfig;
import io.duban.bot.wecom.ws.LongConnectionInbound;
import io.duban.bot.wecom.ws.Scheduler;
import io.duban.bot.engine.StorageProblems;
import io.duban.storage.Storage;
import io.duban.storage.StorageFault;
import io.duban.storage.model.ServeInstance;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on WeCom, built in one place: the long connection for conversation, the HTTP callbacks, webhooks for group
 * pushes, the self-built app for private messages, the outbox pump that sends everything, and the status file. {@link #router()} lets another channel (e.g. a self-built app for private
 * reminders) take over an address kind.
 */
public final class WeComServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WeComServer.class);
    private static final Duration LEASE = Duration.ofSeconds(120);

    private final Storage storage;
    private final Clock clock;
    private final WeComSettings settings;
    private final Path statusFile;
    private final ScheduledExecutorService timers;
    private final ScheduledExecutorService outboxThread;
    /** Status and housekeeping, apart from the connection's timers so that a slow database cannot delay a ping. */
    private final ScheduledExecutorService housekeeping;
    private final ExecutorService worker;
    private final ChannelRouter router = new ChannelRouter();
    private final OutboxPump pump;
    private final Optional<LongConnection> connection;
    private final InboundPort callbackInbound;
    private final Optional<CallbackSettings> callback;
    private final Optional<String> corpId;
    private Optional<CallbackServer> callbackServer = Optional.empty();
    private String lastDepth = "";
    private final String instance;
    private final StorageProblems problems;
    private final Instant started = Instant.now();
    private volatile java.util.function.Supplier<String> role = () -> "active";

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
        this.storage = storage;
        this.instance = instance;
        this.problems = problems;
        this.clock = clock;
        this.settings = settings;
        this.statusFile = statusFile;
        this.timers = Executors.newScheduledThreadPool(1, daemon("wecom-timers"));
        this.outboxThread = Executors.newSingleThreadScheduledExecutor(daemon("outbox"));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("status"));
        this.worker = Executors.newSingleThreadExecutor(daemon("conversation"));

        Optional<TrustStores.Trust> trust = settings.trustStore()
                .map(p -> TrustStores.load(p, settings.trustStorePassword().orElse(null)));
        OkHttpClient http = WeComHttp.client(trust);
        // uploaded files' media ids, reused while WeCom keeps them (three days)
        Optional<MediaCache> media = Optional.of(new MediaCache(storage.mediaUploads(), clock));
        WebhookChannel webhooks = new WebhookChannel(new WebhookClient(http, settings.apiBase()),
                settings::webhookKey, WebhookChannel.LIMITS, media);
        ResponseUrlChannel callbackReplies = new ResponseUrlChannel(new ResponseUrlClient(http,
                ResponseUrlClient.wecomHosts(HttpUrl.get(settings.apiBase()))), storage.replyRoutes());
        Optional<OutboundChannel> appChannel = app.map(a -> new AppChannel(
                new WeComAppClient(http, a.apiBaseUrl(), a.credentials(), clock), media,
                "app:" + a.credentials().corpId()));

        OutboxDrainer drainer = new OutboxDrainer(storage.outbox(), router, new RateLimiter(clock, RateLimiter.SAFETY_MARGIN),
                RetryPolicy.DEFAULT, clock, instance, LEASE, 10);
        this.pump = new OutboxPump(drainer, outboxThread);

        // every answer is addressed reply:<message id>; its route names the transport that delivers it
        ReplyChannel replies = new ReplyChannel(storage.replyRoutes())
                .on(CallbackServer.ROBOT_TRANSPORT, callbackReplies);
        Optional<OutboundChannel> toPerson;
        if (settings.hasBotCredentials()) {
            LongConnection[] holder = new LongConnection[1];
            LongConnectionInbound listener = new LongConnectionInbound(inbound, pump::nudge, clock, worker,
                    () -> holder[0]);
            LongConnection ws = new LongConnection(LongConnectionConfig.standard(settings.wsUrl(),
                    settings.botId().orElseThrow(), settings.botSecret().orElseThrow(),
                    trust.map(t -> t.context().getSocketFactory())), listener, Scheduler.of(timers), clock);
            holder[0] = ws;
            LongConnectionChannel wsChannel = new LongConnectionChannel(ws, storage.replyRoutes(), clock,
                    Duration.ofSeconds(7), media);
            replies.on(CallbackMapper.TRANSPORT, wsChannel);
            toPerson = Optional.of(appChannel.orElse(wsChannel));
            router.route(Address.Kind.GROUP, new GroupChannel(webhooks, Optional.of(wsChannel)));
            this.connection = Optional.of(ws);
        } else {
            toPerson = appChannel;
            router.route(Address.Kind.GROUP, webhooks);
            this.connection = Optional.empty();
        }
        toPerson.ifPresent(c -> {
            router.route(Address.Kind.PERSON, c);
            replies.toSender(CallbackServer.APP_TRANSPORT, c);
        });
        router.route(Address.Kind.REPLY, replies);
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
        this.role = role;
    }

    /** Starts the outbox, the status file and the instance heartbeat, but not the long connection (a standby). */
    public void startWithoutConnection() {
        LOG.info("WeCom: {}; webhook robots for {} group(s) in duban.yml", settings.describe(),
                settings.webhooks().size());
        releaseRepliesOfDeadSenders();
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
        housekeeping.scheduleWithFixedDelay(this::report, 0, 5, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(this::forgetOldRoutes, 1, 60, TimeUnit.MINUTES);
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
            new ServeStatus(ProcessHandle.current().pid(), now.toString(),
                    connection.map(c -> c.state().name()).orElse("NOT_CONFIGURED"),
                    connection.map(c -> c.stateSince().toString()).orElse(now.toString()),
                    connection.map(LongConnection::reconnects).orElse(0),
                    connection.map(LongConnection::lastProblem).orElse(""),
                    settings.botId().orElse(""), settings.webhooks().size(), depth,
                    problems.last().filter(p -> p.lastSeen().isAfter(now.minus(Duration.ofMinutes(2))))
                            .map(StorageProblems.Problem::line).orElse("")).write(statusFile);
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
            Instant now = clock.instant();
            new ServeStatus(ProcessHandle.current().pid(), now.toString(),
                    connection.map(c -> c.state().name()).orElse("NOT_CONFIGURED"),
                    connection.map(c -> c.stateSince().toString()).orElse(now.toString()),
                    connection.map(LongConnection::reconnects).orElse(0),
                    connection.map(LongConnection::lastProblem).orElse(""),
                    settings.botId().orElse(""), settings.webhooks().size(), Map.of(), line).write(statusFile);
        } catch (RuntimeException e) {
            LOG.warn("status: {}", e.toString());
        }
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
     * Replies a sender was delivering when its process died go out again at once, not after their lease. On SQLite
     * this process is the only sender (the serve lock), so every lease but its own is a dead one's; on PostgreSQL the
     * live senders are the instances with a recent heartbeat.
     */
    private void releaseRepliesOfDeadSenders() {
        try {
            java.util.Set<String> live = new java.util.HashSet<>();
            live.add(instance);
            if (storage.database().dialect() == io.duban.storage.Database.Dialect.POSTGRESQL) {
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

    /** An instance silent for this long is taken for dead. */
    static final Duration INSTANCE_SILENT = Duration.ofSeconds(15);

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

    @Override
    public void close() {
        callbackServer.ifPresent(CallbackServer::close);
        connection.ifPresent(LongConnection::close);
        pump.close();
        report();
        try {
            storage.instances().remove(instance);
        } catch (RuntimeException e) {
            LOG.debug("instance list: {}", e.toString());
        }
        outboxThread.shutdown();
        worker.shutdown();
        timers.shutdownNow();
        housekeeping.shutdownNow();
        try {
            outboxThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
