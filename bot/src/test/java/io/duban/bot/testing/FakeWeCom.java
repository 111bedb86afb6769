package io.duban.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * WeCom's long-connection server on 127.0.0.1, speaking the frames of wecom-protocol.md: acks
 * {@code {"headers":{"req_id"},"errcode","errmsg"}}, callbacks {@code {"cmd","headers":{"req_id"},"body"}}.
 * Tests steer it: refuse pings, answer a command with an errcode, push callbacks, kick, drop the link.
 */
public final class FakeWeCom extends WebSocketServer {
    public static final String BOT_ID = "aibTestBot01";
    public static final String SECRET = "s3cr3t-s3cr3t-s3cr3t";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every frame received, parsed, in order. */
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();
    public final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicInteger pushes = new AtomicInteger();
    public volatile boolean answerPings = true;
    /** Print every frame received (for {@link FakeWeComMain}). */
    public volatile boolean echo;
    /** cmd → errcodes to answer with, one per request, then 0. */
    public final Map<String, List<Integer>> errcodes = new ConcurrentHashMap<>();
    private volatile WebSocket current;
    final CountDownLatch started = new CountDownLatch(1);

    public FakeWeCom() {
        this(0);
    }

    public FakeWeCom(int port) {
        super(new InetSocketAddress("127.0.0.1", port));
        setReuseAddr(true);
    }

    public static FakeWeCom startOnLoopback() throws InterruptedException {
        return startOnLoopback(0);
    }

    /** Starts on a given port (e.g. the port of a fake that was stopped) and waits until it listens. */
    public static FakeWeCom startOnLoopback(int port) throws InterruptedException {
        FakeWeCom fake = new FakeWeCom(port);
        fake.start();
        if (!fake.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake WeCom did not start");
        }
        return fake;
    }

    /** A fake speaking wss:// with the given server certificate (a private deployment's own CA). */
    public static FakeWeCom startTlsOnLoopback(javax.net.ssl.SSLContext context) throws InterruptedException {
        FakeWeCom fake = new FakeWeCom(0);
        fake.tls = true;
        fake.setWebSocketFactory(new org.java_websocket.server.DefaultSSLWebSocketServerFactory(context));
        fake.start();
        if (!fake.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake WeCom did not start");
        }
        return fake;
    }

    private boolean tls;

    public URI url() {
        return URI.create((tls ? "wss" : "ws") + "://127.0.0.1:" + getPort());
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connections.incrementAndGet();
        current = conn;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode frame;
        try {
            frame = JSON.readTree(message);
        } catch (Exception e) {
            return;
        }
        received.add(frame);
        if (echo) {
            System.out.println("<< " + message);
        }
        String cmd = frame.path("cmd").asText();
        String reqId = frame.path("headers").path("req_id").asText();
        switch (cmd) {
            case "aibot_subscribe" -> {
                boolean ok = BOT_ID.equals(frame.path("body").path("bot_id").asText())
                        && SECRET.equals(frame.path("body").path("secret").asText());
                if (ok) {
                    subscriptions.incrementAndGet();
                }
                ack(conn, reqId, ok ? 0 : 853000, ok ? "ok" : "invalid bot_id or secret");
            }
            case "ping" -> {
                if (answerPings) {
                    ack(conn, reqId, 0, "ok");
                }
            }
            default -> {
                List<Integer> codes = errcodes.get(cmd);
                int code = codes == null || codes.isEmpty() ? 0 : codes.remove(0);
                ack(conn, reqId, code, code == 0 ? "ok" : "error " + code);
            }
        }
    }

    private static void ack(WebSocket conn, String reqId, int errcode, String errmsg) {
        ObjectNode ack = JSON.createObjectNode();
        ack.putObject("headers").put("req_id", reqId);
        ack.put("errcode", errcode).put("errmsg", errmsg);
        conn.send(ack.toString());
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (echo) {
            System.out.println("! " + ex);
        }
    }

    /** Frames received with this cmd. */
    public List<JsonNode> frames(String cmd) {
        return received.stream().filter(f -> cmd.equals(f.path("cmd").asText())).toList();
    }

    /** Sends a text message callback; returns its req_id. */
    public String sendText(String msgid, String chatType, String chatId, String userId, String text, String quote) {
        ObjectNode body = JSON.createObjectNode()
                .put("msgid", msgid).put("aibotid", BOT_ID).put("chattype", chatType).put("msgtype", "text");
        if (chatId != null) {
            body.put("chatid", chatId);
        }
        body.putObject("from").put("userid", userId);
        body.putObject("text").put("content", text);
        if (quote != null) {
            ObjectNode q = body.putObject("quote").put("msgtype", "text");
            q.putObject("text").put("content", quote);
        }
        return push("aibot_msg_callback", body);
    }

    public String sendEvent(String eventType, String userId) {
        ObjectNode body = JSON.createObjectNode().put("msgid", "ev-" + System.nanoTime()).put("aibotid", BOT_ID)
                .put("chattype", "single").put("msgtype", "event");
        body.putObject("from").put("userid", userId);
        body.putObject("event").put("eventtype", eventType);
        return push("aibot_event_callback", body);
    }

    private String push(String cmd, ObjectNode body) {
        // unique like WeCom's: a body hash alone repeats for similar messages sent within one millisecond
        String reqId = cmd + "_" + System.currentTimeMillis() + "_" + Integer.toHexString(body.hashCode())
                + Integer.toHexString(pushes.incrementAndGet());
        ObjectNode frame = JSON.createObjectNode().put("cmd", cmd);
        frame.putObject("headers").put("req_id", reqId);
        frame.set("body", body);
        current.send(frame.toString());
        return reqId;
    }

    /** Drops the current connection without a close handshake, as a crashed server would. */
    public void dropConnection() {
        current.closeConnection(1006, "server went away");
    }

    public boolean hasOpenConnection() {
        WebSocket c = current;
        return c != null && c.isOpen();
    }
}
