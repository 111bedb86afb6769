package io.duban.bot.wecom.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.wecom.Secrets;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intelligent robot's long connection (WeCom doc 101463): connects, subscribes with the bot id and secret,
 * pings every 30 s, reconnects with backoff after two unanswered pings or a dropped link, matches acks to requests
 * by req_id (5 s timeout), and hands message and event callbacks to a {@link Listener}. It stands down for good when
 * WeCom refuses the credentials or another instance takes the connection ({@code disconnected_event}).
 */
public final class LongConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LongConnection.class);

    public static final String SUBSCRIBE = "aibot_subscribe";
    public static final String PING = "ping";
    public static final String MSG_CALLBACK = "aibot_msg_callback";
    public static final String EVENT_CALLBACK = "aibot_event_callback";

    /** Receives what WeCom sends. Called on the connection's thread: hand long work to another thread. */
    public interface Listener {
        void onMessage(WsFrame callback);

        void onEvent(WsFrame callback);

        default void onStateChange(ConnectionState state) {
        }
    }

    /** A request failed before WeCom answered (not connected, link lost, no ack in time). */
    public static final class NotDelivered extends Exception {
        private static final long serialVersionUID = 1L;

        public NotDelivered(String message) {
            super(message);
        }
    }

    private final LongConnectionConfig config;
    private final Listener listener;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ReqIds reqIds;
    private final Map<String, CompletableFuture<WsFrame>> pending = new ConcurrentHashMap<>();
    /** Closes sockets outside this object's lock (the socket's reader thread holds its own lock and calls back in). */
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wecom-ws-closer");
        t.setDaemon(true);
        return t;
    });

    private ConnectionState state = ConnectionState.IDLE;
    private Instant stateSince;
    private Backoff backoff;
    private Heartbeat heartbeat;
    private Socket socket;
    private int generation;
    private int reconnects;
    private Scheduler.Cancellable ticking;
    private String lastProblem = "";
    /** Set when this side drops the link on purpose (dead heartbeat, no subscribe ack): the reason to report. */
    private boolean droppedOnPurpose;
    /** Asked before every subscribe, the first and each after a reconnect; false stops (see {@link #gatedBy}). */
    private volatile java.util.function.BooleanSupplier maySubscribe = () -> true;

    public LongConnection(LongConnectionConfig config, Listener listener, Scheduler scheduler, Clock clock) {
        this.config = config;
        this.listener = listener;
        this.scheduler = scheduler;
        this.clock = clock;
        this.reqIds = new ReqIds(clock);
        this.backoff = config.backoff();
        this.stateSince = clock.instant();
    }

    /**
     * Subscribes only while {@code maySubscribe} says so (on PostgreSQL: this instance still holds the connection
     * lease with its token, checked in the database). A subscribe kicks whoever holds the bot's connection, so an
     * ex-holder that was paused or cut off must not reconnect over the standby that took over: it stops instead.
     */
    public void gatedBy(java.util.function.BooleanSupplier maySubscribe) {
        this.maySubscribe = maySubscribe;
    }

    public synchronized void start() {
        if (state == ConnectionState.IDLE) {
            connect();
        }
    }

    public synchronized ConnectionState state() {
        return state;
    }

    public synchronized Instant stateSince() {
        return stateSince;
    }

    public synchronized int reconnects() {
        return reconnects;
    }

    /** The last thing that went wrong (for status output), secrets masked. */
    public synchronized String lastProblem() {
        return lastProblem;
    }

    public ReqIds reqIds() {
        return reqIds;
    }

    /**
     * Sends a command and completes with WeCom's ack (whatever its errcode), or fails with {@link NotDelivered}.
     *
     * @param reqId the req_id to use: the callback's req_id for replies, or null for a fresh one
     */
    public CompletableFuture<WsFrame> request(String cmd, String reqId, JsonNode body) {
        synchronized (this) {
            if (state != ConnectionState.ONLINE) {
                return CompletableFuture.failedFuture(new NotDelivered("long connection is " + state));
            }
            return send(cmd, reqId == null ? reqIds.next(cmd) : reqId, body);
        }
    }

    private CompletableFuture<WsFrame> send(String cmd, String reqId, JsonNode body) {
        CompletableFuture<WsFrame> ack = new CompletableFuture<>();
        CompletableFuture<WsFrame> previous = pending.put(reqId, ack);
        if (previous != null) {
            previous.completeExceptionally(new NotDelivered("superseded by a newer request with req_id " + reqId));
        }
        Scheduler.Cancellable timeout = scheduler.schedule(config.ackTimeout(), () -> {
            if (pending.remove(reqId, ack)) {
                ack.completeExceptionally(new NotDelivered(new TimeoutException(
                        "no ack for " + cmd + " within " + config.ackTimeout().toSeconds() + " s").getMessage()));
            }
        });
        ack.whenComplete((f, e) -> timeout.cancel());
        try {
            socket.send(WsFrame.command(cmd, reqId, body).toJson());
        } catch (RuntimeException e) {
            pending.remove(reqId, ack);
            ack.completeExceptionally(new NotDelivered("send failed: " + e.getMessage()));
        }
        return ack;
    }

    private void connect() {
        generation++;
        droppedOnPurpose = false;
        setState(ConnectionState.CONNECTING);
        heartbeat = new Heartbeat(2);
        socket = new Socket(config.url(), generation);
        socket.setConnectionLostTimeout(0); // WeCom's own ping decides when the link is dead
        config.socketFactory().ifPresent(socket::setSocketFactory);
        LOG.info("WeCom long connection: connecting to {}", config.url());
        socket.connect();
    }

    private synchronized void opened(int gen) {
        if (gen != generation || state.isFinal()) {
            return;
        }
        if (!maySubscribe.getAsBoolean()) {
            problem("this instance no longer holds the connection lease; not subscribing");
            LOG.error("WeCom long connection: {} (another instance took over); stopping", lastProblem);
            setState(ConnectionState.STOPPED);
            drop(socket, 1000, "lease lost", true);
            return;
        }
        setState(ConnectionState.SUBSCRIBING);
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("bot_id", config.botId())
                .put("secret", config.secret());
        send(SUBSCRIBE, reqIds.next(SUBSCRIBE), body).whenComplete((ack, error) -> subscribed(gen, ack, error));
    }

    private synchronized void subscribed(int gen, WsFrame ack, Throwable error) {
        if (gen != generation || state.isFinal()) {
            return;
        }
        if (error != null) {
            problem("subscribe got no answer: " + error.getMessage());
            LOG.warn("WeCom long connection: {}; reconnecting", lastProblem);
            droppedOnPurpose = true;
            drop(socket, 1000, "subscribe timeout", false);
            return;
        }
        if (ack.errcodeOrZero() != 0) {
            problem("WeCom refused the bot id/secret (errcode " + ack.errcodeOrZero() + ": " + ack.errmsg() + ")");
            LOG.error("WeCom long connection: {}. Check WECOM_BOT_ID ({}) and WECOM_BOT_SECRET ({}). "
                            + "Not reconnecting: fix the credentials and start again.",
                    lastProblem, config.botId(), Secrets.mask(config.secret()));
            setState(ConnectionState.AUTH_FAILED);
            drop(socket, 1000, "auth failed", true);
            return;
        }
        backoff = backoff.reset();
        lastProblem = "";
        setState(ConnectionState.ONLINE);
        LOG.info("WeCom long connection: online as bot {}", config.botId());
        ticking = scheduler.scheduleAtFixedRate(config.heartbeatInterval(), config.heartbeatInterval(),
                () -> tick(gen));
    }

    private synchronized void tick(int gen) {
        if (gen != generation || state != ConnectionState.ONLINE) {
            return;
        }
        if (heartbeat.tick() == Heartbeat.Action.DEAD) {
            problem(heartbeat.missed() + " pings unanswered");
            LOG.warn("WeCom long connection: {}; dropping the link and reconnecting", lastProblem);
            droppedOnPurpose = true;
            drop(socket, 1006, "heartbeat lost", false);
            return;
        }
        String reqId = reqIds.next(PING);
        heartbeat.sent(reqId);
        send(PING, reqId, JsonNodeFactory.instance.objectNode()).exceptionally(e -> null);
    }

    private synchronized void received(int gen, String text) {
        if (gen != generation) {
            return;
        }
        WsFrame frame;
        try {
            frame = WsFrame.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.warn("WeCom long connection: ignoring a frame that is {}", e.getMessage());
            return;
        }
        if (frame.isAck()) {
            heartbeat.acked(frame.reqId());
            CompletableFuture<WsFrame> ack = pending.remove(frame.reqId());
            if (ack != null) {
                ack.complete(frame);
            } else {
                LOG.debug("WeCom long connection: ack for unknown req_id {}", frame.reqId());
            }
            return;
        }
        String cmd = frame.cmd().orElseThrow();
        switch (cmd) {
            case MSG_CALLBACK -> dispatch(() -> listener.onMessage(frame));
            case EVENT_CALLBACK -> {
                if ("disconnected_event".equals(frame.body().path("event").path("eventtype").asText())) {
                    kicked();
                } else {
                    dispatch(() -> listener.onEvent(frame));
                }
            }
            default -> LOG.debug("WeCom long connection: ignoring command {}", cmd);
        }
    }

    private void dispatch(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("WeCom long connection: a callback failed: {}", e.toString(), e);
        }
    }

    private void kicked() {
        problem("another instance subscribed with this bot (disconnected_event)");
        LOG.error("!!! WeCom long connection: {}. This instance stops receiving and will NOT reconnect, so that the two "
                + "do not keep kicking each other. Stop the other instance, or restart this one deliberately. !!!",
                lastProblem);
        setState(ConnectionState.KICKED);
        drop(socket, 1000, "kicked", true);
    }

    private synchronized void closed(int gen, int code, String reason, boolean remote) {
        if (gen != generation || state == ConnectionState.WAITING_TO_RECONNECT) {
            return; // an old socket, or this one's close was already handled
        }
        if (ticking != null) {
            ticking.cancel();
            ticking = null;
        }
        for (String reqId : List.copyOf(pending.keySet())) {
            CompletableFuture<WsFrame> f = pending.remove(reqId);
            if (f != null) {
                f.completeExceptionally(new NotDelivered("connection closed before the ack"));
            }
        }
        if (state.isFinal()) {
            return;
        }
        if (!droppedOnPurpose && (lastProblem.isEmpty() || state == ConnectionState.ONLINE)) {
            problem("connection closed (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason)
                    + (remote ? ", by WeCom" : "") + ")");
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        var delay = backoff.delay();
        backoff = backoff.next();
        reconnects++;
        setState(ConnectionState.WAITING_TO_RECONNECT);
        LOG.warn("WeCom long connection: {}; reconnect #{} in {} s", lastProblem, reconnects, delay.toMillis() / 1000.0);
        int gen = generation;
        scheduler.schedule(delay, () -> {
            synchronized (this) {
                if (gen == generation && state == ConnectionState.WAITING_TO_RECONNECT) {
                    connect();
                }
            }
        });
    }

    private void problem(String text) {
        lastProblem = Secrets.scrub(text, List.of(config.secret()));
    }

    private void setState(ConnectionState next) {
        if (state != next) {
            state = next;
            stateSince = clock.instant();
            dispatch(() -> listener.onStateChange(next));
        }
    }

    private void drop(Socket s, int code, String reason, boolean handshake) {
        closer.execute(() -> {
            if (handshake) {
                s.close(code, reason);
            } else {
                s.closeConnection(code, reason);
            }
        });
    }

    @Override
    public void close() {
        Socket s;
        synchronized (this) {
            if (!state.isFinal()) {
                setState(ConnectionState.STOPPED);
            }
            if (ticking != null) {
                ticking.cancel();
            }
            s = socket;
        }
        if (s != null) {
            try {
                s.closeBlocking();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closer.shutdown();
    }

    private final class Socket extends WebSocketClient {
        private final int gen;

        Socket(URI uri, int gen) {
            super(uri);
            this.gen = gen;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened(gen);
        }

        @Override
        public void onMessage(String message) {
            received(gen, message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            received(gen, java.nio.charset.StandardCharsets.UTF_8.decode(bytes).toString());
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed(gen, code, reason, remote);
        }

        @Override
        public void onError(Exception ex) {
            synchronized (LongConnection.this) {
                if (gen == generation) {
                    problem("connection error: " + ex.getMessage());
                }
            }
        }
    }
}
