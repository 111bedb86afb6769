package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.bot.Main;
import io.duban.bot.testing.FakeWeCom;
import io.duban.storage.Storage;
import io.duban.storage.model.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, String> deliveries = new ConcurrentHashMap<>();

    @Test
    void twoInstancesRestartedOnEveryExit_neverKickEachOther_andAnswerEveryMessageOnce() throws Exception {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        FakeWeCom fake = FakeWeCom.startOnLoopback();
        fake.kickOnSubscribe = true;
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
                send(fake, i++);
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
            for (String id : unanswered(fake)) {
                deliver(fake, id); // WeCom delivers again what got no answer
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> unanswered(fake).isEmpty());

            Map<String, Integer> answers = answersPerMessage(fake);
            long duplicates = answers.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
            System.out.printf("RESTART-LOOP %d s: %d subscribes, %d kicks, exits a=%s b=%s, %d messages, "
                            + "%d duplicate answer(s)%n", LOOP.toSeconds(), fake.subscriptions.get(), fake.kicks.get(),
                    a.exits, b.exits, texts.size(), duplicates);
            System.out.println("RESTART-LOOP waited for an answer: " + storage.inbound().waitTimes("expired").line());
            assertThat(fake.kicks.get()).as("no instance ever kicked another").isZero();
            assertThat(fake.subscriptions.get()).as("the first holder, then the one that took over").isEqualTo(2);
            assertThat(victim.exits).as("the victim exited once, by the kill").containsExactly(137);
            assertThat((victim == a ? b : a).exits).as("the other never exited").isEmpty();
            assertThat(duplicates).isLessThanOrEqualTo(1);
            assertThat(storage.inbound().count()).isEqualTo(texts.size());
            assertThat(storage.inbound().countUnanswered()).isZero();
        } catch (Throwable t) {
            for (String name : List.of("a", "b")) {
                Path log = dir.resolve(name + ".log");
                if (Files.exists(log)) {
                    List<String> lines = Files.readAllLines(log);
                    System.out.println(name + ".log:\n" + String.join("\n",
                            lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
            }
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
            Process p = child(url, fake, name);
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

    private void send(FakeWeCom fake, int i) {
        String id = "loop-" + i;
        texts.put(id, "你好 " + i);
        deliver(fake, id);
    }

    private void deliver(FakeWeCom fake, String id) {
        try {
            deliveries.put(fake.sendText(id, "single", null, "visitor" + id, texts.get(id), null), id);
        } catch (RuntimeException e) {
            // no live connection: delivered again at the end
        }
    }

    private List<String> unanswered(FakeWeCom fake) {
        Map<String, Integer> answers = answersPerMessage(fake);
        return texts.keySet().stream().filter(id -> answers.getOrDefault(id, 0) == 0).toList();
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

    private static void awaitPause(int millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(10))
                .until(() -> System.nanoTime() >= until);
    }

    private Process child(String url, FakeWeCom fake, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path home = Files.createDirectories(dir.resolve(name));
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "-Dfile.encoding=UTF-8",
                Main.class.getName(), "serve", "--db", url, "--config", Path.of("../config").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()));
        pb.environment().put("WECOM_WS_URL", fake.url().toString());
        pb.environment().put("WECOM_BOT_ID", FakeWeCom.BOT_ID);
        pb.environment().put("WECOM_BOT_SECRET", FakeWeCom.SECRET);
        pb.environment().put("DUBAN_STATUS_FILE", home.resolve("status.json").toString());
        pb.environment().put("DUBAN_HOME", home.toString());
        return pb.start();
    }
}
