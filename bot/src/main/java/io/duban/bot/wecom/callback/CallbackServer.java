package io.duban.bot.wecom.callback;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import io.duban.bot.engine.InboundPort;
import io.duban.bot.wecom.crypto.WeComCrypto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeCom's encrypted HTTP callbacks on the JDK's built-in server: one path for the intelligent robot (JSON) and/or
 * one for a self-built app (XML). The HTTP threads check, decrypt and hand each message over to be stored; the 200
 * goes out once it is durable (from the group commit's writer), and the engine answers afterwards on its own executor
 * (after a burst of callbacks is over, see {@link AcknowledgementsFirst}).
 *
 * <pre>{@code
 * CallbackServer server = CallbackServer.builder()
 *         .bind(new InetSocketAddress("0.0.0.0", 8080))
 *         .robot("/wecom/robot", new WeComCrypto(robotToken, robotKey, ""))
 *         .app("/wecom/app", new WeComCrypto(appToken, appKey, corpId))
 *         .inbound(app.engine())
 *         .afterAnswer(pump::nudge)
 *         .clock(app.clock())
 *         .build();
 * server.start();
 * }</pre>
 */
public final class CallbackServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackServer.class);
    /** The transport name of messages heard on the intelligent robot's callback. */
    public static final String ROBOT_TRANSPORT = RobotJsonFormat.TRANSPORT;
    /** The transport name of messages heard on a self-built app's callback. */
    public static final String APP_TRANSPORT = AppCallbackFormat.TRANSPORT;

    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final ExecutorService processing;
    private final boolean ownsProcessing;

    private CallbackServer(Builder b) {
        try {
            this.http = HttpServer.create(b.bind, b.backlog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + b.bind, e);
        }
        this.httpThreads = Executors.newFixedThreadPool(b.httpThreads, named("wecom-callback-http"));
        this.ownsProcessing = b.processing == null;
        this.processing = ownsProcessing ? Executors.newFixedThreadPool(b.processingThreads,
                named("wecom-callback-work")) : b.processing;
        AcknowledgementsFirst acknowledgementsFirst = new AcknowledgementsFirst();
        CallbackProcessor processor = new CallbackProcessor(b.inbound, b.afterAnswer, processing, b.processingThreads,
                new RecentDeliveries(b.clock, b.dedupeTtl, b.dedupeCapacity), acknowledgementsFirst);
        for (Map.Entry<String, CallbackFormat> r : b.receivers.entrySet()) {
            http.createContext(r.getKey(), new CallbackEndpoint(r.getKey(), b.cryptos.get(r.getKey()), r.getValue(),
                    b.clock, b.timestampWindow, b.maxBodyBytes, processor, b.onStorageFault));
        }
        if (!b.receivers.containsKey("/")) {
            http.createContext("/", exchange -> {
                try (exchange) {
                    LOG.warn("callback: {} {} from {} rejected: unknown path", exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(), CallbackEndpoint.client(exchange));
                    exchange.sendResponseHeaders(404, -1);
                }
            });
        }
        http.setExecutor(acknowledgementsFirst.notingArrivals(httpThreads));
    }

    public static Builder builder() {
        return new Builder();
    }

    public CallbackServer start() {
        http.start();
        LOG.info("callback server listening on {}", address());
        return this;
    }

    /** The bound address (the real port when built with port 0). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** Stops listening, lets queued messages finish for up to five seconds. */
    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdown();
        if (ownsProcessing) {
            processing.shutdown();
            try {
                if (!processing.awaitTermination(5, TimeUnit.SECONDS)) {
                    processing.shutdownNow();
                }
            } catch (InterruptedException e) {
                processing.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings of a {@link CallbackServer}; {@code inbound} and one receiver are required. */
    public static final class Builder {
        private InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 8080);
        private final Map<String, CallbackFormat> receivers = new LinkedHashMap<>();
        private final Map<String, WeComCrypto> cryptos = new LinkedHashMap<>();
        private InboundPort inbound;
        private Runnable afterAnswer = () -> { };
        private java.util.function.Consumer<io.duban.storage.StorageFault> onStorageFault = f -> { };
        private Clock clock = Clock.systemUTC();
        private Duration timestampWindow = Duration.ofMinutes(5);
        private int maxBodyBytes = 64 * 1024;
        private Duration dedupeTtl = Duration.ofMinutes(10);
        private int dedupeCapacity = 100_000;
        private int httpThreads = 8;
        private int processingThreads = 2;
        private int backlog = 512;
        private ExecutorService processing;

        private Builder() {
        }

        public Builder bind(InetSocketAddress address) {
            this.bind = requireNonNull(address, "address is null");
            return this;
        }

        /** The intelligent robot's callback (JSON envelope, receive id {@code ""}). */
        public Builder robot(String path, WeComCrypto crypto) {
            return receiver(path, crypto, new RobotJsonFormat());
        }

        /** A self-built app's callback (XML or JSON envelope, receive id = CorpID). */
        public Builder app(String path, WeComCrypto crypto) {
            return receiver(path, crypto, new AppCallbackFormat());
        }

        private Builder receiver(String path, WeComCrypto crypto, CallbackFormat format) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("a callback path starts with /, got " + path);
            }
            if (receivers.containsKey(path)) {
                throw new IllegalArgumentException("two receivers on " + path);
            }
            receivers.put(path, format);
            cryptos.put(path, requireNonNull(crypto, "crypto is null"));
            return this;
        }

        /**
         * Everything {@link CallbackSettings} says: listen address and port, replay window, body limit, and the
         * receivers that are on (the app's with {@code corpId} as its receive id). Check
         * {@link CallbackSettings#problems} first.
         */
        public Builder settings(CallbackSettings settings, Optional<String> corpId) {
            bind(new InetSocketAddress(settings.listen(), settings.port()));
            timestampWindow(settings.timestampWindow());
            maxBodyBytes(settings.maxBodyBytes());
            settings.robotCrypto().ifPresent(c -> robot(settings.robotPath(), c));
            if (settings.appEnabled()) {
                String corp = corpId.orElseThrow(() -> new IllegalStateException("the app callback needs the CorpID"));
                settings.appCrypto(corp).ifPresent(c -> app(settings.appPath(), c));
            }
            return this;
        }

        /** The engine: it stores each message before the 200 and puts the answer into the outbox after it. */
        public Builder inbound(InboundPort port) {
            this.inbound = requireNonNull(port, "port is null");
            return this;
        }

        /** Runs after an answer was enqueued (wakes the outbox so that it goes out at once). */
        /** Where a message that could not be stored reports the fault (for {@code ./duban status}). */
        public Builder onStorageFault(java.util.function.Consumer<io.duban.storage.StorageFault> onStorageFault) {
            this.onStorageFault = requireNonNull(onStorageFault, "onStorageFault is null");
            return this;
        }

        public Builder afterAnswer(Runnable afterAnswer) {
            this.afterAnswer = requireNonNull(afterAnswer, "afterAnswer is null");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /** How far a request's timestamp may be from now (replay protection); default five minutes. */
        public Builder timestampWindow(Duration window) {
            this.timestampWindow = requireNonNull(window, "window is null");
            return this;
        }

        /** Largest accepted POST body; default 64 KiB (WeCom's bodies are a few KiB). */
        public Builder maxBodyBytes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = max;
            return this;
        }

        /** How long a delivered message id is remembered against retries; default ten minutes. */
        public Builder dedupe(Duration ttl, int capacity) {
            this.dedupeTtl = requireNonNull(ttl, "ttl is null");
            this.dedupeCapacity = capacity;
            return this;
        }

        public Builder httpThreads(int threads) {
            this.httpThreads = threads;
            return this;
        }

        /** Where messages are processed after the 200; default a pool of two daemon threads owned by the server. */
        public Builder processing(ExecutorService executor) {
            this.processing = requireNonNull(executor, "executor is null");
            return this;
        }

        public CallbackServer build() {
            if (receivers.isEmpty()) {
                throw new IllegalStateException("no callback receiver configured (robot or app)");
            }
            requireNonNull(inbound, "inbound is not set");
            return new CallbackServer(this);
        }
    }
}
