package io.duban.bot.bench;

import io.duban.bot.message.InboundMessage;
import io.duban.bot.message.Reply;
import io.duban.bot.wecom.callback.CallbackServer;
import io.duban.bot.wecom.crypto.WeComCrypto;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answer time of the callback under load: a fixed number of signed, encrypted robot callbacks posted to a callback
 * server on 127.0.0.1 with {@code inFlight} requests outstanding at all times. Bounded: it sends
 * {@code warmup + count} requests (each with its own msgid) and stops. Prints p50/p90/p99/max and throughput.
 *
 * <p>Run: see {@code bot/bench.sh} (arguments: count, inFlight; defaults 20000 and 200).
 */
public final class CallbackLoadBench {
    private CallbackLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmup = Math.min(5_000, count / 4);
        System.out.println(run(count, inFlight, warmup));
    }

    static String run(int count, int inFlight, int warmup) throws Exception {
        WeComCrypto crypto = new WeComCrypto("benchToken", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "");
        AtomicInteger handled = new AtomicInteger();
        try (CallbackServer server = CallbackServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .robot("/wecom/robot", crypto)
                .clock(Clock.systemUTC())
                .inbound(m -> java.util.Optional.of(() -> {
                    handled.incrementAndGet();
                    return java.util.Optional.empty();
                }))
                .build()
                .start()) {
            String base = "http://127.0.0.1:" + server.address().getPort() + "/wecom/robot";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest[] requests = new HttpRequest[warmup + count];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = request(crypto, base, i);
            }
            send(http, Arrays.copyOfRange(requests, 0, warmup), inFlight);
            long start = System.nanoTime();
            long[] latencies = send(http, Arrays.copyOfRange(requests, warmup, requests.length), inFlight);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            return String.format("callback POST, %d requests, %d in flight, %d cores: p50 %.2f ms, p90 %.2f ms, "
                            + "p99 %.2f ms, max %.2f ms, %.0f requests/s (%d handled incl. %d warm-up)",
                    count, inFlight, Runtime.getRuntime().availableProcessors(), ms(latencies, 0.50),
                    ms(latencies, 0.90), ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6,
                    count / seconds, handled.get(), warmup);
        }
    }

    static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static HttpRequest request(WeComCrypto crypto, String base, int i) {
        String plain = "{\"msgid\":\"bench-" + i + "\",\"aibotid\":\"AIBOTID\",\"chatid\":\"wr-demo-ngk\","
                + "\"chattype\":\"group\",\"from\":{\"userid\":\"liuyang\"},"
                + "\"response_url\":\"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=abc\","
                + "\"msgtype\":\"text\",\"text\":{\"content\":\"@督办助手 第3项 本周完成80%，资金未到位。\"}}";
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = String.valueOf(1_000_000 + i);
        String encrypt = crypto.encrypt(plain);
        String query = "?msg_signature=" + crypto.signature(timestamp, nonce, encrypt) + "&timestamp=" + timestamp
                + "&nonce=" + nonce;
        return HttpRequest.newBuilder(URI.create(base + query))
                .POST(HttpRequest.BodyPublishers.ofString("{\"encrypt\":\"" + encrypt + "\"}"))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    /** Sends every request keeping {@code inFlight} outstanding; returns each answer time in nanoseconds. */
    static long[] send(HttpClient http, HttpRequest[] requests, int inFlight) throws Exception {
        long[] latencies = new long[requests.length];
        Semaphore slots = new Semaphore(inFlight);
        AtomicLong failures = new AtomicLong();
        CompletableFuture<?>[] all = new CompletableFuture<?>[requests.length];
        for (int i = 0; i < requests.length; i++) {
            slots.acquire();
            int n = i;
            long t0 = System.nanoTime();
            all[i] = http.sendAsync(requests[i], HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                latencies[n] = System.nanoTime() - t0;
                if (e != null || r.statusCode() != 200) {
                    failures.incrementAndGet();
                }
                slots.release();
            });
        }
        CompletableFuture.allOf(all).join();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
        return latencies;
    }
}
