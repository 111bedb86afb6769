package io.duban.bot.wecom.callback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.duban.bot.engine.InboundPort.PendingAnswer;
import io.duban.bot.engine.StorageProblems;
import io.duban.bot.wecom.crypto.WeComCrypto;
import io.duban.bot.wecom.crypto.WeComCryptoException;
import io.duban.storage.StorageFault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receiver's URL. {@code GET} answers WeCom's URL verification with the bare plaintext; {@code POST} checks the
 * request (timestamp window, size, envelope, signature, receive id, message), stores the message, answers an empty
 * 200 and queues it; when it cannot be stored, the 200 carries a passive reply telling the sender so. Everything
 * refused gets a 4xx and a log line without secrets, and never reaches the engine.
 */
final class CallbackEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackEndpoint.class);

    private final String path;
    private final WeComCrypto crypto;
    private final CallbackFormat format;
    private final Clock clock;
    private final Duration timestampWindow;
    private final int maxBodyBytes;
    private final CallbackProcessor processor;
    private final java.util.function.Consumer<StorageFault> onStorageFault;

    CallbackEndpoint(String path, WeComCrypto crypto, CallbackFormat format, Clock clock, Duration timestampWindow,
                     int maxBodyBytes, CallbackProcessor processor,
                     java.util.function.Consumer<StorageFault> onStorageFault) {
        this.path = path;
        this.crypto = crypto;
        this.format = format;
        this.clock = clock;
        this.timestampWindow = timestampWindow;
        this.maxBodyBytes = maxBodyBytes;
        this.processor = processor;
        this.onStorageFault = onStorageFault;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean handedOver = false;
        try {
            if (!path.equals(exchange.getRequestURI().getPath())) {
                throw new CallbackRejection(404, "unknown path");
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> verifyUrl(exchange);
                case "POST" -> handedOver = receive(exchange);
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, POST");
                    throw new CallbackRejection(405, "method not allowed");
                }
            }
        } catch (CallbackRejection r) {
            LOG.warn("callback {} {} {} from {} rejected: {}", format.transport(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), client(exchange), r.getMessage());
            respond(exchange, r.status(), r.getMessage().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.error("callback {}: could not take a request; answering 500", format.transport(), e);
            respond(exchange, 500, "temporarily unavailable".getBytes(StandardCharsets.UTF_8));
        } finally {
            if (!handedOver) {
                exchange.close();
            }
        }
    }

    private void verifyUrl(HttpExchange exchange) throws IOException {
        QueryParameters q = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        String signature = q.require("msg_signature");
        String timestamp = checkedTimestamp(q.require("timestamp"));
        String nonce = q.require("nonce");
        String echostr = q.require("echostr");
        String plain = decrypt(signature, timestamp, nonce, echostr);
        LOG.info("callback {}: URL verified", format.transport());
        respond(exchange, 200, plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks and decodes the request, then hands the message over to be stored. The 200 is sent where storing
     * completes (the group commit's writer, once the message is durable), not by this thread, which goes back to
     * take the next request. @return {@code true}: the exchange is answered and closed by {@link #acknowledge}
     */
    private boolean receive(HttpExchange exchange) throws IOException {
        QueryParameters q = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        String signature = q.require("msg_signature");
        String timestamp = checkedTimestamp(q.require("timestamp"));
        String nonce = q.require("nonce");
        byte[] body = readBody(exchange);
        String encrypt = format.encryptedPayload(body);
        String plain = decrypt(signature, timestamp, nonce, encrypt);
        CallbackEvent event = format.decode(plain, clock.instant());
        // Stored before the 200: WeCom does not retry an acknowledged message, so it must already be durable.
        processor.prepare(format.transport(), event).whenComplete((pending, error) ->
                acknowledge(exchange, new Delivery(event, body, plain, timestamp, nonce), pending, error));
        return true;
    }

    /** What a stored-or-not message needs for its acknowledgement. */
    private record Delivery(CallbackEvent event, byte[] body, String plain, String timestamp, String nonce) {
    }

    /**
     * Answers the request once its message is stored (an empty 200, then its answer is queued) or could not be
     * (a passive reply telling the sender, or 500 so that WeCom retries). Runs on whichever thread completed the
     * store; never throws.
     */
    private void acknowledge(HttpExchange exchange, Delivery delivery, Optional<PendingAnswer> pending,
                             Throwable error) {
        try (exchange) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause == null) {
                respond(exchange, 200, new byte[0]);
            } else if (cause instanceof StorageFault fault && delivery.event() instanceof CallbackEvent.Message) {
                tellCannotStore(exchange, delivery, fault);
            } else {
                // Not stored, so not acknowledged: WeCom retries the delivery.
                if (cause instanceof StorageFault || cause instanceof TimeoutException) {
                    LOG.error("callback {}: message {} not stored ({}); answering 500 so that WeCom retries",
                            format.transport(), delivery.event().dedupeKey(), cause instanceof TimeoutException
                                    ? "no write within the wait, the database is busy or stuck" : cause.getMessage());
                } else {
                    LOG.error("callback {}: could not store message {}; answering 500 so that WeCom retries",
                            format.transport(), delivery.event().dedupeKey(), cause);
                }
                respond(exchange, 500, "temporarily unavailable".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("callback {}: could not send the acknowledgement of message {}: {}", format.transport(),
                    delivery.event().dedupeKey(), e.toString());
        }
        // stored: answered even when the 200 did not reach WeCom (its retry is recognised as a repeat)
        if (pending != null) {
            pending.ifPresent(p -> processor.submit(format.transport(), p));
        }
    }

    /**
     * The message cannot be stored (disk full, read-only, database file missing or replaced, server unreachable): the
     * sender is told so at once in the 200's encrypted passive reply, and the message is not stored.
     *
     * <p>Why not first answer 500 and let WeCom retry? WeCom retries only three times within a few seconds, while the
     * faults behind a {@link StorageFault} last until an operator acts; a retry would almost always fail the same
     * way, and after the last one the sender hears nothing. Holding a "first delivery failed" mark in memory to
     * answer only the retry would also tell nobody when this process is not the one that gets the retry (several
     * instances behind a proxy) or restarts in between. So the honest answer goes out on the first delivery; the
     * sender sends again when the bot can store it, and nothing was stored that the bot must answer later.
     * The fault is noted in {@link io.duban.bot.engine.StorageProblems} (its one log line, at most once a minute, and
     * {@code ./duban status}); here one plain line per message says what the sender was told.
     */
    private void tellCannotStore(HttpExchange exchange, Delivery delivery, StorageFault fault) throws IOException {
        // noted for ./duban status also when the fault came from the group commit around the engine
        onStorageFault.accept(fault);
        LOG.error("callback {}: message {} not stored ({}); the sender was told in the passive reply to send again",
                format.transport(), delivery.event().dedupeKey(), fault.getMessage());
        CallbackFormat.PassiveReply reply = format.passiveText(delivery.body(), delivery.plain(),
                StorageProblems.CANNOT_STORE, crypto, delivery.timestamp(), delivery.nonce());
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String decrypt(String signature, String timestamp, String nonce, String encrypt) {
        try {
            return crypto.verifyAndDecrypt(signature, timestamp, nonce, encrypt);
        } catch (WeComCryptoException e) {
            int status = switch (e.reason()) {
                case BAD_SIGNATURE -> 401;
                case WRONG_RECEIVE_ID -> 403;
                case MALFORMED_CIPHERTEXT, MALFORMED_PLAINTEXT -> 400;
            };
            throw new CallbackRejection(status, e.getMessage());
        }
    }

    /** A replayed or forged request carries an old timestamp: refuse outside the window around now. */
    private String checkedTimestamp(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw CallbackRejection.badRequest("timestamp is not a number");
        }
        Instant now = clock.instant();
        long skew = Math.abs(now.getEpochSecond() - seconds);
        if (skew > timestampWindow.toSeconds()) {
            throw new CallbackRejection(403, "timestamp outside the " + timestampWindow.toSeconds()
                    + " s window (off by " + skew + " s)");
        }
        return timestamp;
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > maxBodyBytes) {
                    throw new CallbackRejection(413, "body over " + maxBodyBytes + " bytes");
                }
            } catch (NumberFormatException e) {
                throw CallbackRejection.badRequest("bad Content-Length");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new CallbackRejection(413, "body over " + maxBodyBytes + " bytes");
            }
            if (body.length == 0) {
                throw CallbackRejection.badRequest("empty body");
            }
            return body;
        }
    }

    /** The peer, and the client a reverse proxy names in X-Forwarded-For (informational, cut to 64 chars). */
    static String client(HttpExchange exchange) {
        String peer = exchange.getRemoteAddress().getAddress().getHostAddress();
        String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String cleaned = forwarded.replaceAll("[^0-9A-Fa-f.:, ]", "");
        return peer + " (for " + (cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned) + ")";
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
