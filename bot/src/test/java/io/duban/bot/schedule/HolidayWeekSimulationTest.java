package io.duban.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import io.duban.storage.model.JobRun;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated time from Thursday 2023-09-28 through Monday 2023-10-09, across 中秋/国庆 and its 调休 weekend, ticking
 * every 30 simulated minutes with a restart in the middle: each message lands in the outbox exactly once, and only
 * at times when pushing is allowed.
 */
class HolidayWeekSimulationTest {
    @TempDir
    Path dir;

    @Test
    void fromThursdayThroughMondayAcrossGuoqing_eachMessageIsEnqueuedOnce() {
        TestBot bot = new TestBot(dir, "2023-09-28T08:00+08:00");
        RhythmService rhythm = bot.app.rhythm();
        List<String> enqueued = new ArrayList<>();
        boolean restarted = false;
        Instant end = OffsetDateTime.parse("2023-10-09T10:00+08:00").toInstant();
        while (!bot.clock.instant().isAfter(end)) {
            if (!restarted && bot.clock.instant().isAfter(OffsetDateTime.parse("2023-10-07T12:00+08:00").toInstant())) {
                bot = bot.restart();
                rhythm = bot.app.rhythm();
                restarted = true;
            }
            for (RunOutcome o : rhythm.scheduler().tick(bot.clock.instant())) {
                if (o.kind() == RunOutcome.Kind.ENQUEUED) {
                    enqueued.add(o.run().job() + "|" + o.run().period() + "|" + Texts.console(o.run().at()));
                }
            }
            bot.clock.advance(Duration.ofMinutes(30));
        }

        assertThat(enqueued).containsExactly(
                "weekly-prompt|2023-W39|2023-09-28 15:00 周四",
                "weekly-summary|2023-W39|2023-10-07 09:00 周六",
                "weekly-prompt|2023-W40|2023-10-07 15:00 周六",
                "private-nudge|2023-W40|2023-10-08 10:00 周日",
                "group-reminder|2023-W40|2023-10-08 14:00 周日",
                "weekly-summary|2023-W40|2023-10-09 09:00 周一");

        List<OutboxEntry> outbox = bot.app.storage().outbox()
                .list(Arrays.asList(OutboxEntry.Status.values()), 100_000);
        assertThat(outbox).extracting(e -> e.message().dedupeKey().orElseThrow()).doesNotHaveDuplicates();
        // Only units that owe something that week are prompted, nudged and reminded (nobody reports in this run):
        // week 39: 办公室, 党群科 (monthly tasks asked in week 37 still open, and 17–19), 农管科, 集指科 (weekly 12/15),
        // the three unions (16, before 中秋/国庆), the two party branches (17) and 援外干部 (8) = 10 units;
        // week 40: 办公室 (13) and 农发科 (14) every two weeks, 农管科 and 集指科 weekly = 4 units.
        assertThat(outbox).hasSize(10 + 1 + 4 + 4 + 4 + 1);
        assertThat(outbox).filteredOn(e -> e.message().dedupeKey().orElseThrow().startsWith("job:weekly-prompt:2023-W40:"))
                .extracting(e -> e.message().address().value())
                .containsExactlyInAnyOrder("wr-demo-bgs", "wr-demo-ngk", "wr-demo-jzk", "wr-demo-nfk");
        Scheduler scheduler = rhythm.scheduler();
        assertThat(outbox).allSatisfy(e -> assertThat(scheduler.pushAllowed(e.createdAt()))
                .as("%s at %s", e.message().dedupeKey().orElseThrow(), e.createdAt()).isTrue());

        // Runs that fell due while the bot was not running yet were recorded as skipped, not sent.
        assertThat(bot.app.storage().jobRuns().find("holiday-reminder", "2023-09-29").orElseThrow().status())
                .isEqualTo(JobRun.Status.SKIPPED);
        assertThat(bot.app.storage().jobRuns().find("weekly-summary", "2023-W38").orElseThrow().status())
                .isEqualTo(JobRun.Status.SKIPPED);

        String prompt40 = outbox.stream()
                .filter(e -> e.message().dedupeKey().orElseThrow().equals("job:weekly-prompt:2023-W40:wr-demo-ngk"))
                .findFirst().orElseThrow().message().content();
        assertThat(prompt40).contains("第40周（10月2日—10月8日）", "农管科请在 10月8日（周日）17:00 前报送以下 2 项：",
                "· 12 推动产业发展：尚无报送", "· 15 促进农特产品销售：尚无报送");
        String prompt39 = outbox.stream()
                .filter(e -> e.message().dedupeKey().orElseThrow().equals("job:weekly-prompt:2023-W39:wr-demo-ngk"))
                .findFirst().orElseThrow().message().content();
        assertThat(prompt39).contains("请在 9月28日（周四）17:00 前报送以下 2 项");   // the last working day before the break
        bot.close();
    }
}
