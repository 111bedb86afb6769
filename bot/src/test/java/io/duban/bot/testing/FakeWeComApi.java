package io.duban.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeCom's HTTP API on 127.0.0.1, as wecom-protocol.md and WeCom's pages describe it, for tests: the message-push
 * robot's {@code webhook/send} and {@code webhook/upload_media}, and the self-built app's {@code gettoken},
 * {@code media/upload} and {@code message/send}. Uploads keep WeCom's limits (more than 5 bytes; a file at most
 * 20 MB; an app image at most 10 MB and JPG/PNG) and answer its errcodes (93000 bad webhook key, 40006 bad file
 * size, 40005 bad file type, 40007 unknown media_id, 40014 bad token). Tests read what arrived and steer errors.
 */
public final class FakeWeComApi implements AutoCloseable {
    public static final String CORP_ID = "wwcorp0001";
    public static final String APP_SECRET = "app-secret-0001";
    public static final long FILE_LIMIT = 20L * 1024 * 1024;
    public static final long APP_IMAGE_LIMIT = 10L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One uploaded media file. {@code owner} is the webhook key or {@code app}: ids only work for their owner. */
    public record Upload(String mediaId, String owner, String type, String fileName, byte[] bytes) {
    }

    /** One message received by {@code webhook/send} ({@code owner} = key) or {@code message/send} ({@code app}). */
    public record Sent(String owner, JsonNode body) {
        public String msgtype() {
            return body.path("msgtype").asText();
        }
    }

    private final HttpServer server;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    /** path (e.g. {@code /cgi-bin/webhook/upload_media}) → errcodes to answer with, one per request, then normal. */
    public final Map<String, List<Integer>> errcodes = new ConcurrentHashMap<>();
    public final AtomicInteger uploadCalls = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String token = "token-1";

    public FakeWeComApi(String... webhookKeys) throws IOException {
        keys.addAll(Arrays.asList(webhookKeys));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}: the API base for the clients. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes the current app token invalid (as after WeCom expired it): the next call gets 40014. */
    public void expireToken() {
        token = "token-" + ids.incrementAndGet();
    }

    public Optional<Upload> upload(String mediaId) {
        return Optional.ofNullable(uploads.get(mediaId));
    }

    /** The bytes of the media a sent file/image message points at. */
    public Upload uploadOf(Sent message) {
        String type = message.msgtype();
        String mediaId = message.body().path(type).path("media_id").asText();
        return upload(mediaId).orElseThrow(() -> new AssertionError("no upload " + mediaId));
    }

    public List<Sent> sent(String msgtype) {
        return sent.stream().filter(s -> s.msgtype().equals(msgtype)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            byte[] body = ex.getRequestBody().readAllBytes();
            List<Integer> injected = errcodes.get(path);
            if (injected != null && !injected.isEmpty()) {
                int code = injected.remove(0);
                answer(ex, error(code, "injected error " + code));
                return;
            }
            ObjectNode out = switch (path) {
                case "/cgi-bin/webhook/send" -> webhookSend(query, body);
                case "/cgi-bin/webhook/upload_media" -> webhookUpload(query, ex, body);
                case "/cgi-bin/gettoken" -> getToken(query);
                case "/cgi-bin/media/upload" -> appUpload(query, ex, body);
                case "/cgi-bin/message/send" -> appSend(query, body);
                default -> error(404, "no such API in the fake: " + path);
            };
            answer(ex, out);
        }
    }

    private ObjectNode webhookSend(Map<String, String> query, byte[] body) throws IOException {
        String key = query.getOrDefault("key", "");
        if (!keys.contains(key)) {
            return error(93000, "invalid webhook url");
        }
        JsonNode message = JSON.readTree(body);
        String type = message.path("msgtype").asText();
        if (type.equals("file")) {
            Upload u = uploads.get(message.path("file").path("media_id").asText());
            if (u == null || !u.owner().equals(key)) {
                return error(40007, "invalid media_id");
            }
        }
        if (type.equals("image")) {
            byte[] png = java.util.Base64.getDecoder().decode(message.path("image").path("base64").asText());
            if (png.length > 2 * 1024 * 1024) {
                return error(40009, "invalid image size");
            }
        }
        sent.add(new Sent(key, message));
        return ok();
    }

    private ObjectNode webhookUpload(Map<String, String> query, HttpExchange ex, byte[] body) {
        uploadCalls.incrementAndGet();
        String key = query.getOrDefault("key", "");
        if (!keys.contains(key)) {
            return error(93000, "invalid webhook url");
        }
        if (!"file".equals(query.get("type")) && !"voice".equals(query.get("type"))) {
            return error(40004, "invalid media type");
        }
        return store(key, query.get("type"), ex, body, FILE_LIMIT);
    }

    private ObjectNode getToken(Map<String, String> query) {
        if (!CORP_ID.equals(query.get("corpid"))) {
            return error(40013, "invalid corpid");
        }
        if (!APP_SECRET.equals(query.get("corpsecret"))) {
            return error(40001, "invalid credential");
        }
        return ok().put("access_token", token).put("expires_in", 7200);
    }

    private ObjectNode appUpload(Map<String, String> query, HttpExchange ex, byte[] body) {
        uploadCalls.incrementAndGet();
        if (!token.equals(query.get("access_token"))) {
            return error(40014, "invalid access_token");
        }
        String type = query.getOrDefault("type", "");
        return switch (type) {
            case "file" -> store("app", type, ex, body, FILE_LIMIT);
            case "image" -> store("app", type, ex, body, APP_IMAGE_LIMIT);
            default -> error(40004, "invalid media type");
        };
    }

    private ObjectNode appSend(Map<String, String> query, byte[] body) throws IOException {
        if (!token.equals(query.get("access_token"))) {
            return error(40014, "invalid access_token");
        }
        JsonNode message = JSON.readTree(body);
        String type = message.path("msgtype").asText();
        if (type.equals("file") || type.equals("image")) {
            Upload u = uploads.get(message.path(type).path("media_id").asText());
            if (u == null || !u.owner().equals("app")) {
                return error(40007, "invalid media_id");
            }
        }
        sent.add(new Sent("app", message));
        return ok();
    }

    private ObjectNode store(String owner, String type, HttpExchange ex, byte[] body, long limit) {
        Optional<Part> part = Part.media(ex.getRequestHeaders().getFirst("Content-Type"), body);
        if (part.isEmpty()) {
            return error(41005, "media data missing");
        }
        byte[] bytes = part.get().bytes();
        if (bytes.length <= 5 || bytes.length > limit) {
            return error(40006, "invalid file size");
        }
        if (type.equals("image") && !(startsWith(bytes, 0x89, 'P', 'N', 'G') || startsWith(bytes, 0xFF, 0xD8))) {
            return error(40005, "invalid file type");
        }
        String id = owner.substring(0, Math.min(4, owner.length())) + "-media-" + ids.incrementAndGet();
        uploads.put(id, new Upload(id, owner, type, part.get().fileName(), bytes));
        return ok().put("type", type).put("media_id", id).put("created_at", String.valueOf(System.currentTimeMillis() / 1000));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The {@code media} part of a multipart/form-data body. */
    record Part(String fileName, byte[] bytes) {
        static Optional<Part> media(String contentType, byte[] body) {
            if (contentType == null || !contentType.contains("boundary=")) {
                return Optional.empty();
            }
            String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").strip();
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int at = indexOf(body, delimiter, 0);
            while (at >= 0) {
                int headersStart = at + delimiter.length + 2;
                int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
                if (headersEnd < 0) {
                    return Optional.empty();
                }
                String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
                int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd);
                if (next < 0) {
                    return Optional.empty();
                }
                if (headers.contains("name=\"media\"")) {
                    String fileName = "";
                    int f = headers.indexOf("filename=\"");
                    if (f >= 0) {
                        fileName = headers.substring(f + 10, headers.indexOf('"', f + 10));
                    }
                    return Optional.of(new Part(fileName, Arrays.copyOfRange(body, headersEnd + 4, next)));
                }
                at = next + 2;
            }
            return Optional.empty();
        }

        private static int indexOf(byte[] hay, byte[] needle, int from) {
            outer:
            for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
    }

    private static ObjectNode error(int code, String msg) {
        return JSON.createObjectNode().put("errcode", code).put("errmsg", msg);
    }

    private static void answer(HttpExchange ex, ObjectNode out) throws IOException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
