package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.ServeChild;
import io.duban.bot.wecom.crypto.WeComCrypto;
import io.duban.storage.Storage;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's crash test for the HTTP callback: a real {@code duban serve} in a child JVM takes robot callbacks, 32 in
 * flight, and is SIGKILLed at random moments. Every message whose callback was answered 200 is in the database
 * afterwards (the 200 goes out only once its group commit is durable), and the database passes its integrity check.
 * (That stored messages are answered after a restart is {@link MessageCrashTest}'s part: a killed instance's claims
 * on the messages it was answering run out after a minute, which would make this test wait that long.)
 */
class CallbackCrashTest {
    private static final int KILLS = 5;
    private static final int IN_FLIGHT = 32;
    private static final String TOKEN = "crashToken";
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    @TempDir
    Path dir;

    private final WeComCrypto crypto = new WeComCrypto(TOKEN, AES_KEY, "");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @Test
    void sigkilledWhileCallbacksArrive_everyMessageAnswered200IsStored() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("duban.db");
        Random random = new Random(1414);
        FakeWeCom fake = FakeWeCom.startOnLoopback();
        int port = freePort();
        Map<String, String> env = Map.of("WECOM_CALLBACK_LISTEN", "127.0.0.1",
                "WECOM_CALLBACK_PORT", String.valueOf(port),
                "WECOM_ROBOT_CALLBACK_TOKEN", TOKEN, "WECOM_ROBOT_CALLBACK_AES_KEY", AES_KEY);
        String endpoint = "http://127.0.0.1:" + port + "/wecom/robot";
        int sent = 0;
        int kills = 0;
        try {
            for (int round = 0; round < KILLS; round++) {
                Process child = ServeChild.start(url, fake, dir, dir.resolve("serve.log"), env);
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> listening(port));
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(1500));
                List<CompletableFuture<?>> inFlight = new ArrayList<>();
                Semaphore slots = new Semaphore(IN_FLIGHT);
                while (System.nanoTime() < killAt) {
                    if (slots.tryAcquire(5, TimeUnit.MILLISECONDS)) {
                        inFlight.add(send(endpoint, "crash-" + sent++).whenComplete((r, e) -> slots.release()));
                    }
                }
                child.destroyForcibly(); // SIGKILL, callbacks in flight
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isEqualTo(137);
                kills++;
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                        .handle((v, e) -> null).get(30, TimeUnit.SECONDS);
            }
        } catch (Throwable t) {
            Path log = dir.resolve("serve.log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                System.out.println("serve.log (last lines):\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            throw t;
        } finally {
            fake.stop(1000);
        }

        try (Storage storage = Storage.open(url)) {
            Set<String> stored = Set.copyOf(storage.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT message_id FROM inbound_message").mapTo(String.class).list()));
            System.out.printf("CRASH callbacks: %d kills, %d sent, %d answered 200, %d stored%n", kills, sent,
                    acknowledged.size(), stored.size());
            assertThat(acknowledged).as("callbacks answered 200 before the kills").hasSizeGreaterThan(KILLS * 10);
            assertThat(stored).as("every message answered 200 is stored").containsAll(acknowledged);
            List<String> integrity = storage.database().jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check")
                    .mapTo(String.class).list());
            assertThat(integrity).containsExactly("ok");
        }
    }

    /** One robot callback (a report in a unit's group); its id counts as acknowledged when the answer is a 200. */
    private CompletableFuture<HttpResponse<Void>> send(String endpoint, String id) {
        String plain = "{\"msgid\":\"" + id + "\",\"aibotid\":\"AIBOTID\",\"chatid\":\"wr-demo-ngk\","
                + "\"chattype\":\"group\",\"from\":{\"userid\":\"liuyang\"},"
                + "\"response_url\":\"http://127.0.0.1:9/aibot/response\","
                + "\"msgtype\":\"text\",\"text\":{\"content\":\"@督办助手 12 60% 进展 " + id + "\"}}";
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = id;
        String encrypt = crypto.encrypt(plain);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?msg_signature="
                        + crypto.signature(timestamp, nonce, encrypt) + "&timestamp=" + timestamp + "&nonce=" + nonce))
                .POST(HttpRequest.BodyPublishers.ofString("{\"encrypt\":\"" + encrypt + "\"}"))
                .timeout(Duration.ofSeconds(10))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e == null && r.statusCode() == 200) {
                acknowledged.add(id);
            }
        });
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
