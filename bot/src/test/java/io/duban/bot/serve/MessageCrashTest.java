package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.SentMessages;
import io.duban.bot.testing.ServeChild;
import io.duban.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
    /** req_id of every delivery → its message id. */

    @Test
    void sigkilledAtRandomMoments_everyMessageIsStoredOnceAndAnsweredOnce() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("duban.db");
        Random random = new Random(1313);
        FakeWeCom fake = FakeWeCom.startOnLoopback();
        SentMessages sent = new SentMessages(fake);
        int n = 0;
        try {
            for (int round = 0; round <= KILLS; round++) {
                Process child = ServeChild.start(url, fake, dir, dir.resolve("serve.log"));
                int subscriptions = round + 1;
                await().atMost(Duration.ofSeconds(90)).until(() -> fake.subscriptions.get() >= subscriptions
                        && fake.hasOpenConnection());
                sent.redeliverUnanswered();
                if (round == KILLS) {
                    for (int i = 0; i < 20; i++) {
                        send(sent, n++);
                    }
                    await().atMost(Duration.ofSeconds(90)).until(() -> sent.unanswered().isEmpty());
                    child.destroy(); // a clean stop at the end
                    child.waitFor(30, TimeUnit.SECONDS);
                    break;
                }
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(1800));
                while (System.nanoTime() < killAt) {
                    send(sent, n++);
                    awaitPause(random.nextInt(30));
                }
                child.destroyForcibly(); // SIGKILL
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isEqualTo(137);
            }
        } catch (Throwable t) {
            Path log = dir.resolve("serve.log");
            List<String> open = sent.unanswered();
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
                    sent.deliveriesOf(id).forEach(req -> System.out.println("  delivered with req_id " + req));
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

        Map<String, Integer> answers = sent.answersPerMessage();
        long duplicates = answers.values().stream().mapToLong(a -> Math.max(0, a - 1)).sum();
        System.out.printf("CRASH %d kills, %d messages, %d deliveries, %d answers, %d duplicate(s)%n", KILLS,
                sent.count(), sent.deliveryCount(), answers.values().stream().mapToInt(Integer::intValue).sum(),
                duplicates);
        assertThat(sent.ids()).allSatisfy(id -> assertThat(answers.getOrDefault(id, 0)).as(id).isPositive());
        assertThat(duplicates).as("at most the reply in flight at each kill goes out twice").isLessThanOrEqualTo(KILLS);
        try (Storage storage = Storage.open(url)) {
            assertThat(storage.inbound().count()).isEqualTo(sent.count());
            assertThat(storage.inbound().countUnanswered()).isZero();
            List<String> integrity = storage.database().jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check")
                    .mapTo(String.class).list());
            assertThat(integrity).containsExactly("ok");
            // for the note: how long the messages waited from stored to answered, kills included
            System.out.println("CRASH waited for an answer: " + storage.inbound().waitTimes("expired").line());
            long replies = storage.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM outbox WHERE address_kind = 'reply'").mapTo(Long.class).one());
            assertThat(replies).as("one reply row per message").isEqualTo(sent.count());
        }
    }

    /**
     * Every 25th message is a progress report in a unit's group; the others come from many one-to-one chats, since
     * WeCom allows 30 answers a minute per conversation (the bot keeps to it, so one busy group would be slow).
     */
    private static void send(SentMessages sent, int i) {
        String id = "crash-" + i;
        sent.send(id, i % 25 == 0
                ? new SentMessages.Sent("group", "wr-demo-ngk", "liuyang", "@督办助手 12 " + (i % 100) + "% 进展" + i)
                : new SentMessages.Sent("single", null, "visitor" + (i % 97), "你好 " + i));
    }





    /** Spaces the messages out a little (real I/O pacing, not a wait for a schedule). */
    private static void awaitPause(int millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(1)).until(() -> System.nanoTime() >= until);
    }

}
