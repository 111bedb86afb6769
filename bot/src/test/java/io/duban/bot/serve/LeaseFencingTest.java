package io.duban.bot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.duban.bot.App;
import io.duban.bot.schedule.RunOutcome;
import io.duban.bot.schedule.Scheduler;
import io.duban.bot.testing.FakeWeCom;
import io.duban.bot.testing.ManualScheduler;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.bot.wecom.LogCapture;
import io.duban.bot.wecom.ws.ConnectionState;
import io.duban.bot.wecom.ws.LongConnection;
import io.duban.bot.wecom.ws.LongConnectionConfig;
import io.duban.config.ConfigDirectory;
import io.duban.storage.Storage;
import io.duban.storage.model.JobRun;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.3, the fencing token: an active instance that is paused (its lease runs out on the shared clock while it
 * does nothing) and wakes up after a standby took over cannot claim a scheduled run, and cannot subscribe again over
 * the new holder. The database checks the token in the write's own transaction.
 */
class LeaseFencingTest {
    /** Thursday of week 41, 15:00: the weekly prompt is due. */
    private static final Instant DUE = OffsetDateTime.parse("2023-10-12T15:00+08:00").toInstant();

    @TempDir
    Path dir;

    @Test
    void aPausedHolderWakesAfterTheTakeover_itsJobRunClaimIsRefused_andThePromptIsSentOnce() {
        MutableClock clock = MutableClock.at("2023-10-12T14:59:50+08:00");
        try (TestBot first = new TestBot(dir, clock);
             App second = new App(dir, ConfigDirectory.load(dir.resolve("config"), name -> null),
                     Storage.open("jdbc:sqlite:" + dir.resolve("duban.db")), clock, Map.of())) {
            ConnectionLease a = new ConnectionLease(first.app.storage().leases(), clock, "host-a-1", () -> { }, () -> { });
            ConnectionLease b = new ConnectionLease(second.storage().leases(), clock, "host-b-2", () -> { }, () -> { });
            Scheduler schedulerA = first.app.rhythm().scheduler();
            Scheduler schedulerB = second.rhythm().scheduler();
            schedulerA.fencedBy(a::fence);
            schedulerB.fencedBy(b::fence);
            a.tick();
            b.tick();
            assertThat(a.role()).isEqualTo("active");
            assertThat(schedulerB.tick(clock.instant())).as("a standby claims nothing").isEmpty();

            // A pauses (a long GC, a frozen VM): it stops renewing; B takes over once the lease ran out
            clock.advance(ConnectionLease.TTL.plus(ConnectionLease.RENEW));
            b.tick();
            assertThat(b.role()).isEqualTo("active");
            assertThat(clock.instant()).isAfter(DUE);

            try (LogCapture log = new LogCapture()) {
                // A wakes with its old token in memory and runs its scheduler before its lease round notices
                List<RunOutcome> stale = schedulerA.tick(clock.instant());
                assertThat(stale).extracting(RunOutcome::kind).containsExactly(RunOutcome.Kind.FENCED);
                List<String> lines = log.text().lines().filter(l -> l.contains("not claimed by this instance"))
                        .toList();
                assertThat(lines).hasSize(1);
                assertThat(lines.get(0)).startsWith("scheduler: ")
                        .contains("token 1 of host-a-1 is no longer current");
            }
            assertThat(first.app.storage().jobRuns().find("weekly-prompt", "2023-W41")).isEmpty();

            List<RunOutcome> sent = schedulerB.tick(clock.instant());
            assertThat(sent).filteredOn(o -> o.run().job().equals("weekly-prompt") && o.run().period().equals("2023-W41"))
                    .extracting(RunOutcome::kind).containsExactly(RunOutcome.Kind.ENQUEUED);
            // A again, and once more after its lease round: nothing more is claimed or enqueued
            schedulerA.tick(clock.instant());
            a.tick();
            assertThat(a.role()).isEqualTo("standby");
            schedulerA.tick(clock.instant());

            List<OutboxEntry> prompts = first.app.storage().outbox()
                    .list(Arrays.asList(OutboxEntry.Status.values()), 10_000).stream()
                    .filter(e -> e.message().dedupeKey().orElse("").startsWith("job:weekly-prompt:2023-W41:"))
                    .toList();
            assertThat(prompts).isNotEmpty();
            assertThat(prompts.stream().map(e -> e.message().dedupeKey().orElseThrow()).distinct().count())
                    .as("each group's prompt once").isEqualTo(prompts.size());
            assertThat(first.app.storage().jobRuns().find("weekly-prompt", "2023-W41")).get()
                    .extracting(JobRun::status).isEqualTo(JobRun.Status.DONE);
        }
    }

    @Test
    void aPausedHolderWhoseLinkDropped_doesNotSubscribeOverTheNewHolder() throws Exception {
        MutableClock clock = MutableClock.at("2023-10-09T09:00+08:00");
        FakeWeCom wecom = FakeWeCom.startOnLoopback();
        try (Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("lease.db"))) {
            ConnectionLease a = new ConnectionLease(storage.leases(), clock, "host-a-1", () -> { }, () -> { });
            ConnectionLease b = new ConnectionLease(storage.leases(), clock, "host-b-2", () -> { }, () -> { });
            a.tick();
            ManualScheduler timers = new ManualScheduler(clock);
            LongConnection connection = new LongConnection(LongConnectionConfig.standard(wecom.url(),
                    FakeWeCom.BOT_ID, FakeWeCom.SECRET, Optional.empty()), new LongConnection.Listener() {
                        @Override
                        public void onMessage(io.duban.bot.wecom.ws.WsFrame callback) {
                        }

                        @Override
                        public void onEvent(io.duban.bot.wecom.ws.WsFrame callback) {
                        }
                    }, timers, clock);
            connection.gatedBy(a::stillHolds);
            connection.start();
            await().until(() -> connection.state() == ConnectionState.ONLINE);
            assertThat(wecom.subscriptions.get()).isEqualTo(1);

            clock.set(clock.instant().plus(ConnectionLease.TTL.plus(ConnectionLease.RENEW)));
            b.tick();
            assertThat(b.role()).isEqualTo("active");
            try (LogCapture log = new LogCapture()) {
                wecom.dropConnection();
                await().until(() -> connection.state() == ConnectionState.WAITING_TO_RECONNECT);
                timers.advance(java.time.Duration.ofMinutes(1)); // the backoff, on the manual scheduler
                await().until(() -> connection.state() == ConnectionState.STOPPED);
                assertThat(log.text()).contains("this instance no longer holds the connection lease; not subscribing");
            }
            assertThat(wecom.subscriptions.get()).as("no subscribe over the new holder").isEqualTo(1);
            connection.close();
        } finally {
            wecom.stop(1000);
        }
    }
}
