package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.SentMessages;
import io.duban.bot.testing.ServeChild;
import io.duban.storage.Storage;
import io.duban.storage.model.Lease;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.3 on PostgreSQL: two real {@code serve} processes on one database; only the lease holder subscribes to
 * the (fake) WeCom long connection. The active one is SIGKILLed: the standby subscribes within 15 s, and the messages
 * sent before and during the switch are all answered, once, and the weekly prompt that falls due during the switch
 * (after the kill, before the standby takes over) goes to each unit's group once.
 *
 * <p>The bots share one rehearsal clock ({@code --now} Thursday 15:00, {@code --now-runs-from} a real moment
 * {@code DUE_AFTER} after the test starts): the prompt is due at that real moment. The test kills the active
 * instance three seconds before it; the standby cannot take over in less than the lease's remaining life (at least
 * {@code TTL − RENEW} = 7 s), so the due moment always falls inside the switch. {@code DUE_AFTER} (system property
 * {@code duban.failover.dueAfterSeconds}, default 90) leaves the two JVMs time to start on a busy machine.
 * Skipped without {@code DUBAN_TEST_PG_URL}.
 */
class FailoverTest {
    private static final Duration DUE_AFTER = Duration.ofSeconds(
            Long.getLong("duban.failover.dueAfterSeconds", 90));
    /** When the weekly prompt is due: Thursday of week 41, 15:00, on the bots' clock. */
    private static final String DUE = "2023-10-12T15:00+08:00";
    private Instant dueAt;
    @TempDir
    Path dir;


    @Test
    void theActiveInstanceKilled_theStandbySubscribesWithin15s_andEveryMessageIsAnsweredOnce() throws Exception {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        FakeWeCom fake = FakeWeCom.startOnLoopback();
        SentMessages sent = new SentMessages(fake);
        dueAt = Instant.now().plus(DUE_AFTER);
        List<Process> children = new ArrayList<>();
        try (Storage storage = Storage.open(url)) {
            Process a = child(url, fake, "a");
            children.add(a);
            await().atMost(Duration.ofSeconds(90)).until(() -> fake.subscriptions.get() == 1 && fake.hasOpenConnection());
            Process b = child(url, fake, "b");
            children.add(b);
            await().atMost(Duration.ofSeconds(90)).until(() -> storage.instances().all().stream()
                    .filter(i -> i.role().equals("standby")).count() == 1);
            assertThat(fake.subscriptions.get()).as("the standby never subscribes").isEqualTo(1);

            for (int i = 0; i < 10; i++) {
                sent.sendPrivately("fo-" + i, "你好 " + i);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> sent.unanswered().isEmpty());

            assertThat(prompts(fake)).as("the weekly prompt is not due yet").isEmpty();
            assertThat(Instant.now()).as("the instances started in time; raise duban.failover.dueAfterSeconds")
                    .isBefore(dueAt.minusSeconds(4));
            // real I/O pacing: the kill comes three seconds before the prompt falls due
            await().atMost(DUE_AFTER).pollInterval(Duration.ofMillis(20))
                    .until(() -> !Instant.now().isBefore(dueAt.minusSeconds(3)));
            Lease lease = storage.leases().current("wecom-connection").orElseThrow();
            Process active = lease.holder().endsWith("-" + a.pid()) ? a : b;
            active.destroyForcibly(); // SIGKILL
            Instant killed = Instant.now();
            assertThat(prompts(fake)).as("the killed instance did not send the prompt").isEmpty();
            for (int i = 10; i < 20; i++) {
                sent.sendPrivately("fo-" + i, "你好 " + i); // the link is gone: WeCom keeps them and delivers when the bot is back
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> fake.subscriptions.get() == 2 && fake.hasOpenConnection());
            Instant tookOver = Instant.now();
            Duration takeover = Duration.between(killed, tookOver);
            assertThat(killed).as("killed before the prompt was due").isBefore(dueAt);
            assertThat(tookOver).as("the standby took over after the prompt fell due").isAfter(dueAt);
            for (String id : sent.unanswered()) {
                sent.deliver(id);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> sent.unanswered().isEmpty());

            Map<String, Integer> answers = sent.answersPerMessage();
            long duplicates = answers.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
            System.out.printf("FAILOVER takeover after SIGKILL of the active instance: %d ms; %d messages, "
                    + "%d duplicate answer(s)%n", takeover.toMillis(), sent.count(), duplicates);
            assertThat(takeover).isLessThanOrEqualTo(Duration.ofSeconds(15));
            assertThat(duplicates).isLessThanOrEqualTo(1);
            assertThat(storage.inbound().count()).isEqualTo(sent.count());
            assertThat(storage.inbound().countUnanswered()).isZero();
            System.out.println("FAILOVER waited for an answer: " + storage.inbound().waitTimes("expired").line());
            await().atMost(Duration.ofSeconds(30)).until(() -> !prompts(fake).isEmpty());
            Map<String, Long> perGroup = new HashMap<>();
            prompts(fake).forEach(chat -> perGroup.merge(chat, 1L, Long::sum));
            System.out.printf("FAILOVER weekly prompt frames per group: %s%n", perGroup);
            assertThat(perGroup.values()).as("the weekly prompt once per group").allMatch(n -> n == 1);
            assertThat(storage.leases().current("wecom-connection").orElseThrow().token())
                    .as("a new holder, a new fencing token").isGreaterThan(lease.token());
            // the instance list shows the new active one at its next heartbeat (every 5 s)
            long survivor = (active == a ? b : a).pid();
            await().atMost(Duration.ofSeconds(15)).until(() -> storage.instances().all().stream()
                    .anyMatch(i -> i.pid() == survivor && i.role().equals("active")));
        } catch (Throwable t) {
            ServeChild.printLogTails(dir, List.of("a", "b"));
            throw t;
        } finally {
            for (Process p : children) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            fake.stop(1000);
        }
    }

    /** The chat ids the weekly prompt (【每周进展填报】) was pushed to, one entry per frame. */
    private static List<String> prompts(FakeWeCom fake) {
        return fake.frames("aibot_send_msg").stream()
                .filter(f -> f.path("body").path("markdown").path("content").asText().contains("每周进展填报"))
                .map(f -> f.path("body").path("chatid").asText())
                .toList();
    }





    private Process child(String url, FakeWeCom fake, String name) throws Exception {
        return ServeChild.start(url, fake, dir.resolve(name), dir.resolve(name + ".log"), "--now", DUE,
                "--now-runs-from", dueAt.toString());
    }
}
