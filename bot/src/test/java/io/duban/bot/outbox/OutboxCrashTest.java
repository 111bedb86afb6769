package io.duban.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.storage.Storage;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.io.File;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL a real sender process mid-send: nothing is lost, and nothing marked sent goes out again. */
class OutboxCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGES = 40;

    @TempDir
    Path dir;

    @Test
    void givenASenderKilledWithSigkillMidSend_whenStartedAgain_thenEveryMessageArrivesAndSentOnesAreNotResent()
            throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("duban.db");
        try (Storage storage = Storage.open(url)) {
            for (int i = 0; i < MESSAGES; i++) {
                storage.outbox().enqueue(OutboundMessage.markdown(Address.group("chat-" + (i % 4)), "消息-" + i, null),
                        Instant.now());
            }
        }
        List<String> received = new CopyOnWriteArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    try {
                        received.add(JSON.readTree(request.getBody().utf8()).path("markdown").path("content").asText());
                    } catch (Exception e) {
                        received.add("unreadable");
                    }
                    // slow answers, so that the kill lands while a request is in flight
                    return new MockResponse.Builder().headersDelay(60, TimeUnit.MILLISECONDS)
                            .body("{\"errcode\":0,\"errmsg\":\"ok\"}").build();
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            String apiBase = server.url("/").toString();

            Process first = child(url, apiBase, "first");
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 12);
            first.destroyForcibly(); // SIGKILL on Unix
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isEqualTo(137);

            Set<String> sentBeforeKill;
            Map<OutboxEntry.Status, Long> atKill;
            try (Storage storage = Storage.open(url)) {
                atKill = storage.outbox().countByStatus();
                sentBeforeKill = storage.outbox().list(List.of(OutboxEntry.Status.SENT), 1000).stream()
                        .map(e -> e.message().content()).collect(Collectors.toSet());
            }
            assertThat(atKill.getOrDefault(OutboxEntry.Status.PENDING, 0L)).isPositive();
            int receivedAtKill = received.size();

            Process second = child(url, apiBase, "second");
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isZero();

            Map<String, Long> times = received.stream().collect(Collectors.groupingBy(s -> s, HashMap::new,
                    Collectors.counting()));
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(times.getOrDefault("消息-" + i, 0L)).as("消息-%d arrived", i).isPositive();
            }
            for (String s : sentBeforeKill) {
                assertThat(times.get(s)).as("%s was marked sent before the kill", s).isEqualTo(1L);
            }
            long duplicates = times.values().stream().mapToLong(n -> n - 1).sum();
            System.out.printf("SIGKILL after %d requests (%d rows sent, %s); after restart %d requests, %d duplicate(s)%n",
                    receivedAtKill, sentBeforeKill.size(), atKill, received.size(), duplicates);
            assertThat(duplicates).as("only the message in flight at the kill may arrive twice").isLessThanOrEqualTo(1);
            assertThat(received.size()).isGreaterThan(receivedAtKill);
            try (Storage storage = Storage.open(url)) {
                assertThat(storage.outbox().countByStatus()).containsOnlyKeys(OutboxEntry.Status.SENT)
                        .containsEntry(OutboxEntry.Status.SENT, (long) MESSAGES);
            }
        }
    }

    private Process child(String url, String apiBase, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve(name + ".log").toFile();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dfile.encoding=UTF-8",
                OutboxChild.class.getName(), url, apiBase, "2")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }
}
