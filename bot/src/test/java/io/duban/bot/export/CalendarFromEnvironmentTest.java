package io.duban.bot.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.chart.WeeklyData;
import io.duban.bot.status.Colour;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.testing.MutableClock;
import io.duban.bot.testing.TestBot;
import io.duban.plan.WorkPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 台账 and the chart count due weeks on the calendar {@code serve} and {@code config check} read: a local
 * holiday whose dates come from the environment ({@code ${LOCAL_OFF_FIRST}}, {@code ${LOCAL_OFF_LAST}}) is a week
 * nothing is due in, for the chat's status board, the ledger's colours and reasons and the chart's counts alike.
 */
class CalendarFromEnvironmentTest {
    @TempDir
    Path dir;

    private TestBot bot(Path home, String first, String last) throws IOException {
        Path config = TestBot.copyConfig(home);
        Files.writeString(config.resolve("calendar/local.yaml"), """
                # a local week off, its dates set per installation
                years:
                  2023:
                    holidays:
                      - {name: 本地休假, first: "${LOCAL_OFF_FIRST}", last: "${LOCAL_OFF_LAST}"}
                """);
        return new TestBot(home, MutableClock.at("2023-10-12T10:00+08:00"), List.of(),
                Map.of("LOCAL_OFF_FIRST", first, "LOCAL_OFF_LAST", last));
    }

    /** Task 15 (weekly, 农管科) reported at 80% in W41; four weeks on, W42 and W43 have passed without a report. */
    private record Seen(TaskStatus board, String chat, List<Ledger.Cell> ledgerRow, WeeklyData chart,
                        List<TaskStatus> allOnBoard) {
    }

    private Seen run(String first, String last) throws IOException {
        try (TestBot bot = bot(dir.resolve(first), first, last)) {
            assertThat(bot.sayIn("wr-demo-ngk", "liuyang", "15 80% 本周进展")).startsWith("已记录 农管科 对任务 15 的报送");
            bot.advance(Duration.ofDays(22)); // Friday 3 November, W44
            WorkPlan plan = bot.app().plans().get();
            Instant now = bot.clock().instant();
            // the calendar the app runs on is the one config check validates: the same settings, read once
            var checked = io.duban.bot.settings.BotSettings.calendar(bot.app().config(), bot.app().env());
            for (LocalDate d = LocalDate.of(2023, 10, 1); d.isBefore(LocalDate.of(2023, 12, 1)); d = d.plusDays(1)) {
                assertThat(bot.app().dutyRules().calendar().isWorkingDay(d)).as(d.toString())
                        .isEqualTo(checked.isWorkingDay(d));
            }
            List<Ledger.Cell> row = bot.app().ledger().ledger(plan, now).sheet(LedgerBuilder.MAIN_SHEET).rows()
                    .stream().filter(r -> r.get(0).asText().equals("15")).findFirst().orElseThrow();
            return new Seen(bot.app().board().task(plan, plan.task(15).orElseThrow()), bot.say("liuyang", "任务 15"),
                    row, bot.app().chart().data(plan, now), bot.app().board().tasks(plan));
        }
    }

    private static void allAgree(Seen seen) {
        TaskStatus t = seen.board();
        assertThat(seen.chat()).contains(t.reason());
        assertThat(seen.ledgerRow().get(5).asText()).isEqualTo(t.colour().label());
        assertThat(seen.ledgerRow().get(8).asText()).isEqualTo(t.reason());
        WeeklyData.AreaCount area = seen.chart().byArea().stream()
                .filter(a -> a.area().equals(t.task().areaName())).findFirst().orElseThrow();
        for (Colour c : Colour.values()) {
            assertThat(area.count(c)).as(c.name()).isEqualTo((int) seen.allOnBoard().stream()
                    .filter(s -> s.task().areaNumber() == t.task().areaNumber() && s.colour() == c).count());
        }
    }

    @Test
    void aWeekOffFromTheEnvironment_isNoDueWeek_inTheChatTheLedgerAndTheChartAlike() throws IOException {
        Seen off = run("2023-10-16", "2023-10-20"); // W42 off: only W43 missed
        Seen control = run("2023-12-25", "2023-12-29"); // a week off much later: W42 and W43 missed
        allAgree(off);
        allAgree(control);
        assertThat(control.board().colour()).isEqualTo(Colour.YELLOW);
        assertThat(control.board().reason()).isEqualTo("农管科已连续 2 周未报送");
        assertThat(off.board().colour()).isEqualTo(Colour.GREEN);
        assertThat(off.ledgerRow().get(8).asText()).doesNotContain("未报送");
    }
}
