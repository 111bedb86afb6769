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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.3 under a restart-always supervisor: two {@code serve} instances on one PostgreSQL database, each in a
 * loop that starts it again the moment it exits, whatever the exit code, for {@code LOOP}. The fake WeCom kicks an
 * older connection when a newer one subscribes, as WeCom does, and counts the kicks. A third of the way in, the active
 * instance is SIGKILLed (its supervisor restarts it at once). Without the lease the two kicked each other (4
 * subscribes, 3 kicks in 60 s); with it: no kick, two subscribes (the first and the takeover), one exit (the kill),
 * and every message sent during the loop is answered once.
 *
 * <p>{@code LOOP} is the system property {@code duban.restartLoop.seconds}, default 60 (the check). The loop
 * ends by itself. Skipped without {@code DUBAN_TEST_PG_URL}.
 */
class RestartAlwaysLoopTest {
    private static final Duration LOOP = Duration.ofSeconds(Long.getLong("duban.restartLoop.seconds", 60));

    @TempDir
    Path dir;


    @Test
    void twoInstancesRestartedOnEveryExit_neverKickEachOther_andAnswerEveryMessageOnce() throws Exception {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        FakeWeCom fake = FakeWeCom.startOnLoopback();
        fake.kickOnSubscribe = true;
        SentMessages sent = new SentMessages(fake);
        Supervisor a = new Supervisor("a", url, fake);
        Supervisor b = new Supervisor("b", url, fake);
        try (Storage storage = Storage.open(url)) {
            a.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> fake.subscriptions.get() == 1 && fake.hasOpenConnection());
            b.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> storage.instances().all().stream()
                    .filter(i -> i.role().equals("standby")).count() == 1);
            Instant up = Instant.now();
            Instant kill = up.plus(LOOP.dividedBy(3));
            Instant end = up.plus(LOOP);
            boolean killed = false;
            Supervisor victim = null;
            int i = 0;
            while (Instant.now().isBefore(end)) {
                sent.sendPrivately("loop-" + i, "你好 " + i++);
                if (!killed && !Instant.now().isBefore(kill)) {
                    Lease lease = storage.leases().current("wecom-connection").orElseThrow();
                    victim = lease.holder().endsWith("-" + a.process.pid()) ? a : b;
                    victim.process.destroyForcibly(); // SIGKILL; the supervisor starts it again at once
                    killed = true;
                }
                awaitPause(2000); // real I/O pacing between messages, not a wait for a schedule
            }
            a.stopRestarting();
            b.stopRestarting();
            assertThat(killed).isTrue();
            // the link may be down at the end of the loop only if the takeover is still under way
            await().atMost(Duration.ofSeconds(30)).until(fake::hasOpenConnection);
            for (String id : sent.unanswered()) {
                sent.deliver(id); // WeCom delivers again what got no answer
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> sent.unanswered().isEmpty());

            Map<String, Integer> answers = sent.answersPerMessage();
            long duplicates = answers.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
            System.out.printf("RESTART-LOOP %d s: %d subscribes, %d kicks, exits a=%s b=%s, %d messages, "
                            + "%d duplicate answer(s)%n", LOOP.toSeconds(), fake.subscriptions.get(), fake.kicks.get(),
                    a.exits, b.exits, sent.count(), duplicates);
            System.out.println("RESTART-LOOP waited for an answer: " + storage.inbound().waitTimes("expired").line());
            assertThat(fake.kicks.get()).as("no instance ever kicked another").isZero();
            assertThat(fake.subscriptions.get()).as("the first holder, then the one that took over").isEqualTo(2);
            assertThat(victim.exits).as("the victim exited once, by the kill").containsExactly(137);
            assertThat((victim == a ? b : a).exits).as("the other never exited").isEmpty();
            assertThat(duplicates).isLessThanOrEqualTo(1);
            assertThat(storage.inbound().count()).isEqualTo(sent.count());
            assertThat(storage.inbound().countUnanswered()).isZero();
        } catch (Throwable t) {
            ServeChild.printLogTails(dir, List.of("a", "b"));
            throw t;
        } finally {
            a.stopRestarting();
            b.stopRestarting();
            a.kill();
            b.kill();
            fake.stop(1000);
        }
    }

    /** A restart-always supervisor for one instance: starts it again the moment it exits, until told to stop. */
    private final class Supervisor {
        final String name;
        final String url;
        final FakeWeCom fake;
        final List<Integer> exits = new CopyOnWriteArrayList<>();
        volatile boolean restarting = true;
        volatile Process process;

        Supervisor(String name, String url, FakeWeCom fake) {
            this.name = name;
            this.url = url;
            this.fake = fake;
        }

        synchronized void start() throws Exception {
            Process p = ServeChild.start(url, fake, dir.resolve(name), dir.resolve(name + ".log"));
            process = p;
            p.onExit().thenAccept(done -> {
                if (restarting) {
                    exits.add(done.exitValue());
                    try {
                        start();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }

        void stopRestarting() {
            restarting = false;
        }

        void kill() throws InterruptedException {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }





    private static void awaitPause(int millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(10))
                .until(() -> System.nanoTime() >= until);
    }

}
