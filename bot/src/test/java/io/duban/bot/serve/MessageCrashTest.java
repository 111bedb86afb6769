package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.bot.Main;
import io.duban.bot.testing.FakeWeCom;
import io.duban.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's crash test: a real {@code duban serve} in a child JVM on SQLite, talking to a fake WeCom over a loopback
 * long connection, is SIGKILLed at random moments while messages arrive. WeCom repeats a message that got no answer
 * (as it does); after the last restart every message is stored once and answered, a reply repeats at most once per
 * kill (the one in flight), and the database passes its integrity check.
 */
class MessageCrashTest {
    private static final int KILLS = 10;

    @TempDir
    Path dir;

    /** message id → (chat type, chat id, sender, text) */
    private final Map<String, String[]> texts = new LinkedHashMap<>();
    /** req_id of every delivery → its message id. */
    private final Map<String, String> deliveries = new ConcurrentHashMap<>();

    @Test
    void sigkilledAtRandomMoments_everyMessageIsStoredOnceAndAnsweredOnce() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("duban.db");
        Random random = new Random(1313);
        FakeWeCom fake = FakeWeCom.startOnLoopback();
        int n = 0;
        try {
            for (int round = 0; round <= KILLS; round++) {
                Process child = child(url, fake, round);
                int subscriptions = round + 1;
                await().atMost(Duration.ofSeconds(90)).until(() -> fake.subscriptions.get() >= subscriptions
                        && fake.hasOpenConnection());
                redeliverUnanswered(fake);
                if (round == KILLS) {
                    for (int i = 0; i < 20; i++) {
                        send(fake, n++);
                    }
                    await().atMost(Duration.ofSeconds(90)).until(() -> unanswered(fake).isEmpty());
                    child.destroy(); // a clean stop at the end
                    child.waitFor(30, TimeUnit.SECONDS);
                    break;
                }
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(1800));
                while (System.nanoTime() < killAt) {
                    send(fake, n++);
                    awaitPause(random.nextInt(30));
                }
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isEqualTo(137);
            }
        } catch (Throwable t) {
            Path log = dir.resolve("serve.log");
            List<String> open = unanswered(fake);
            System.out.println("unanswered: " + open);
            try (Storage storage = Storage.open(url)) {
                for (String id : open.subList(0, Math.min(5, open.size()))) {
                    storage.database().jdbi().useHandle(h -> {
                        h.createQuery("SELECT id, status, attempts, last_error, lease_owner, dedupe_key, address FROM outbox "
                                + "WHERE address = :id").bind("id", id).mapToMap()
                                .forEach(r -> System.out.println("  outbox " + r));
                        h.createQuery("SELECT * FROM reply_route WHERE message_id = :id").bind("id", id).mapToMap()
                                .forEach(r -> System.out.println("  route " + r));
                        h.createQuery("SELECT id, handled_at, outcome FROM inbound_message WHERE message_id = :id")
                                .bind("id", id).mapToMap().forEach(r -> System.out.println("  inbound " + r));
                    });
                    deliveries.forEach((req, mid) -> {
                        if (mid.equals(id)) {
                            System.out.println("  delivered with req_id " + req);
                        }
                    });
                }
            }
            if (java.nio.file.Files.exists(log)) {
                List<String> lines = java.nio.file.Files.readAllLines(log);
                for (String id : open.subList(0, Math.min(5, open.size()))) {
                    lines.stream().filter(l -> l.contains(id + " ") || l.contains(id + ":"))
                            .forEach(l -> System.out.println("  " + l));
                }
                System.out.println("serve.log (last lines):\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            throw t;
        } finally {
            fake.stop(1000);
        }

        Map<String, Integer> answers = answersPerMessage(fake);
        long duplicates = answers.values().stream().mapToLong(a -> Math.max(0, a - 1)).sum();
        System.out.printf("CRASH %d kills, %d messages, %d deliveries, %d answers, %d duplicate(s)%n", KILLS,
                texts.size(), deliveries.size(), answers.values().stream().mapToInt(Integer::intValue).sum(),
                duplicates);
        assertThat(texts.keySet()).allSatisfy(id -> assertThat(answers.getOrDefault(id, 0)).as(id).isPositive());
        assertThat(duplicates).as("at most the reply in flight at each kill goes out twice").isLessThanOrEqualTo(KILLS);
        try (Storage storage = Storage.open(url)) {
            assertThat(storage.inbound().count()).isEqualTo(texts.size());
            assertThat(storage.inbound().countUnanswered()).isZero();
            List<String> integrity = storage.database().jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check")
                    .mapTo(String.class).list());
            assertThat(integrity).containsExactly("ok");
            // for the note: how long the messages waited from stored to answered, kills included
            System.out.println("CRASH waited for an answer: " + storage.inbound().waitTimes("expired").line());
            long replies = storage.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM outbox WHERE address_kind = 'reply'").mapTo(Long.class).one());
            assertThat(replies).as("one reply row per message").isEqualTo(texts.size());
        }
    }

    /**
     * Every 25th message is a progress report in a unit's group; the others come from many one-to-one chats, since
     * WeCom allows 30 answers a minute per conversation (the bot keeps to it, so one busy group would be slow).
     */
    private void send(FakeWeCom fake, int i) {
        String id = "crash-" + i;
        String[] message = i % 25 == 0
                ? new String[] {"group", "wr-demo-ngk", "liuyang", "@督办助手 12 " + (i % 100) + "% 进展" + i}
                : new String[] {"single", null, "visitor" + (i % 97), "你好 " + i};
        texts.put(id, message);
        deliver(fake, id, message);
    }

    private void deliver(FakeWeCom fake, String id, String[] m) {
        try {
            deliveries.put(fake.sendText(id, m[0], m[1], m[2], m[3], null), id);
        } catch (RuntimeException e) {
            // the connection died with the child: WeCom delivers it again later
        }
    }

    /** WeCom repeats a message that got no answer. */
    private void redeliverUnanswered(FakeWeCom fake) {
        for (String id : unanswered(fake)) {
            deliver(fake, id, texts.get(id));
        }
    }

    private List<String> unanswered(FakeWeCom fake) {
        Map<String, Integer> answers = answersPerMessage(fake);
        List<String> open = new ArrayList<>();
        for (String id : texts.keySet()) {
            if (answers.getOrDefault(id, 0) == 0) {
                open.add(id);
            }
        }
        return open;
    }

    private Map<String, Integer> answersPerMessage(FakeWeCom fake) {
        Map<String, Integer> answers = new HashMap<>();
        for (JsonNode frame : fake.frames("aibot_respond_msg")) {
            String id = deliveries.get(frame.path("headers").path("req_id").asText());
            if (id != null) {
                answers.merge(id, 1, Integer::sum);
            }
        }
        return answers;
    }

    /** Spaces the messages out a little (real I/O pacing, not a wait for a schedule). */
    private static void awaitPause(int millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(1)).until(() -> System.nanoTime() >= until);
    }

    private Process child(String url, FakeWeCom fake, int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "-Dfile.encoding=UTF-8",
                Main.class.getName(), "serve", "--db", url, "--config", Path.of("../config").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("serve.log").toFile()));
        pb.environment().put("WECOM_WS_URL", fake.url().toString());
        pb.environment().put("WECOM_BOT_ID", FakeWeCom.BOT_ID);
        pb.environment().put("WECOM_BOT_SECRET", FakeWeCom.SECRET);
        pb.environment().put("DUBAN_STATUS_FILE", dir.resolve("status.json").toString());
        pb.environment().put("DUBAN_HOME", dir.toString());
        return pb.start();
    }
}
