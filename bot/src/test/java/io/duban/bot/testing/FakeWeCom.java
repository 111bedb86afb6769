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
    /** As WeCom does: a subscribe with the bot's id kicks the connection subscribed before (disconnected_event). */
    public volatile boolean kickOnSubscribe;
    /** Connections kicked by a later subscribe (only with {@link #kickOnSubscribe}). */
    public final AtomicInteger kicks = new AtomicInteger();
    private volatile WebSocket subscribed;
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

    public URI url() {
        return URI.create("ws://127.0.0.1:" + getPort());
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
                if (ok) {
                    WebSocket before = subscribed;
                    subscribed = conn;
                    if (kickOnSubscribe && before != null && before != conn && before.isOpen()) {
                        kicks.incrementAndGet();
                        ObjectNode event = JSON.createObjectNode().put("msgid", "ev-kick-" + System.nanoTime())
                                .put("aibotid", BOT_ID).put("chattype", "single").put("msgtype", "event");
                        event.putObject("event").put("eventtype", "disconnected_event");
                        ObjectNode kick = JSON.createObjectNode().put("cmd", "aibot_event_callback");
                        kick.putObject("headers").put("req_id", "aibot_event_callback_kick_" + kicks.get());
                        kick.set("body", event);
                        before.send(kick.toString());
                    }
                }
            }
            case "ping" -> {
                if (answerPings) {
                    ack(conn, reqId, 0, "ok");
                }
            }
            case "aibot_upload_media_init", "aibot_upload_media_chunk", "aibot_upload_media_finish" -> {
                List<Integer> codes = errcodes.get(cmd);
                int code = codes == null || codes.isEmpty() ? 0 : codes.remove(0);
                if (code != 0) {
                    ack(conn, reqId, code, "error " + code);
                    return;
                }
                upload(conn, cmd, reqId, frame.path("body"));
            }
            default -> {
                List<Integer> codes = errcodes.get(cmd);
                int code = codes == null || codes.isEmpty() ? 0 : codes.remove(0);
                ack(conn, reqId, code, code == 0 ? "ok" : "error " + code);
            }
        }
    }

    private static void ack(WebSocket conn, String reqId, int errcode, String errmsg) {
        ack(conn, reqId, errcode, errmsg, null);
    }

    private static void ack(WebSocket conn, String reqId, int errcode, String errmsg, ObjectNode body) {
        ObjectNode ack = JSON.createObjectNode();
        ack.putObject("headers").put("req_id", reqId);
        ack.put("errcode", errcode).put("errmsg", errmsg);
        if (body != null) {
            ack.set("body", body);
        }
        conn.send(ack.toString());
    }

    /** The robot's chunked upload: ≤ 512 KB a chunk before base64, ≤ 100 chunks, more than 5 bytes, md5 checked. */
    public static final int CHUNK_LIMIT = 512 * 1024;
    public static final int MAX_CHUNKS = 100;

    /** A finished upload of the robot: its media id, type, file name and bytes. */
    public record Upload(String mediaId, String type, String fileName, byte[] bytes) {
    }

    private record Pending(String type, String fileName, int totalSize, int totalChunks, String md5,
                           Map<Integer, byte[]> chunks) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Finished uploads by media id. */
    public final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger uploadIds = new AtomicInteger();

    private void upload(WebSocket conn, String cmd, String reqId, JsonNode body) {
        switch (cmd) {
            case "aibot_upload_media_init" -> {
                String type = body.path("type").asText();
                int size = body.path("total_size").asInt(-1);
                int chunks = body.path("total_chunks").asInt(-1);
                if (!List.of("file", "image", "voice", "video").contains(type)) {
                    ack(conn, reqId, 40004, "invalid media type");
                } else if (size <= 5 || size > (type.equals("file") ? 20 * 1024 * 1024 : 10 * 1024 * 1024)) {
                    ack(conn, reqId, 40006, "invalid file size");
                } else if (chunks < 1 || chunks > MAX_CHUNKS) {
                    ack(conn, reqId, 40058, "invalid total_chunks");
                } else {
                    String id = "up-" + uploadIds.incrementAndGet();
                    pending.put(id, new Pending(type, body.path("filename").asText(), size, chunks,
                            body.path("md5").asText(), new ConcurrentHashMap<>()));
                    ack(conn, reqId, 0, "ok", JSON.createObjectNode().put("upload_id", id));
                }
            }
            case "aibot_upload_media_chunk" -> {
                Pending p = pending.get(body.path("upload_id").asText());
                int index = body.path("chunk_index").asInt(-1);
                byte[] data = java.util.Base64.getDecoder().decode(body.path("base64_data").asText(""));
                if (p == null) {
                    ack(conn, reqId, 40058, "invalid upload_id");
                } else if (index < 0 || index >= p.totalChunks() || data.length == 0 || data.length > CHUNK_LIMIT) {
                    ack(conn, reqId, 40058, "invalid chunk");
                } else {
                    p.chunks().put(index, data);
                    ack(conn, reqId, 0, "ok");
                }
            }
            default -> {
                Pending p = pending.remove(body.path("upload_id").asText());
                if (p == null || p.chunks().size() != p.totalChunks()) {
                    ack(conn, reqId, 40058, "upload incomplete");
                    return;
                }
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < p.totalChunks(); i++) {
                    all.writeBytes(p.chunks().get(i));
                }
                byte[] bytes = all.toByteArray();
                String md5;
                try {
                    md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
                if (bytes.length != p.totalSize() || !md5.equalsIgnoreCase(p.md5())) {
                    ack(conn, reqId, 40058, "size or md5 mismatch");
                    return;
                }
                String mediaId = "aibot-media-" + uploadIds.incrementAndGet();
                uploads.put(mediaId, new Upload(mediaId, p.type(), p.fileName(), bytes));
                ack(conn, reqId, 0, "ok", JSON.createObjectNode().put("type", p.type()).put("media_id", mediaId)
                        .put("created_at", System.currentTimeMillis() / 1000));
            }
        }
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

    /** Sends a picture message callback; returns its req_id. */
    public String sendImage(String msgid, String chatType, String chatId, String userId) {
        ObjectNode body = JSON.createObjectNode()
                .put("msgid", msgid).put("aibotid", BOT_ID).put("chattype", chatType).put("msgtype", "image");
        if (chatId != null) {
            body.put("chatid", chatId);
        }
        body.putObject("from").put("userid", userId);
        body.putObject("image").put("url", "https://example.invalid/picture.png");
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
