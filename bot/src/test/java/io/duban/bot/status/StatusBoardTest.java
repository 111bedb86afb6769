package io.duban.bot.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import io.duban.plan.WorkPlan;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colours at chosen dates of the 2023 plan (2023-07-28 to 2023-12-31, tolerance 15 points, stale after 2 weeks). */
class StatusBoardTest {
    @TempDir
    Path dir;
    TestBot bot;
    WorkPlan plan;

    @BeforeEach
    void start() {
        bot = new TestBot(dir, "2023-08-01T09:00+08:00");
        plan = bot.app.config().currentPlan();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private TaskStatus task(int n) {
        return bot.app.board().task(plan, plan.task(n).orElseThrow());
    }

    @Test
    void atTheStart_anUnreportedTaskIsGreen_twoWeeksLaterYellow() {
        assertThat(task(12).colour()).isEqualTo(Colour.GREEN);
        assertThat(task(12).reason()).contains("尚无报送");
        bot.clock.set("2023-08-14T09:00+08:00");
        assertThat(task(12).colour()).isEqualTo(Colour.YELLOW);
        assertThat(task(12).reason()).isEqualTo("尚无报送");
    }

    @Test
    void behindPace_isYellow_withTheExpectedPercent() {
        bot.say("liuyang", "wr-demo-ngk", "12 30% 进展");
        bot.clock.set("2023-10-09T09:00+08:00"); // 73 of 156 days: expected 47%
        bot.say("liuyang", "wr-demo-ngk", "12 30% 进展");
        bot.say("sunjie", "wr-demo-jzk", "12 30% 集指科部分"); // the second lead unit of task 12
        TaskStatus s = task(12);
        assertThat(s.expectedPercent()).isEqualTo(47);
        assertThat(s.colour()).isEqualTo(Colour.YELLOW);
        // two leads: the worse figure is named; ties go to the newer report
        assertThat(s.reason()).isEqualTo("集指科进度 30%，落后于应有进度 47%");
        bot.say("liuyang", "wr-demo-ngk", "更正 12 35% 进展"); // within the 15-point tolerance
        assertThat(task(12).colour()).as("the colour follows the worse lead").isEqualTo(Colour.YELLOW);
        assertThat(task(12).reason()).isEqualTo("集指科进度 30%，落后于应有进度 47%");
        bot.say("sunjie", "wr-demo-jzk", "更正 12 35% 集指科部分");
        assertThat(task(12).colour()).isEqualTo(Colour.GREEN);
    }

    @Test
    void blocked_isRed_withTheProblem_andTheLeadUnitsReportIsTheHeadline() {
        bot.say("zhengli", "wr-demo-njzx", "12 90% 农技中心部分");
        bot.say("liuyang", "wr-demo-ngk", "12 20% 受阻 合作企业退出；问题：企业资金链断裂");
        TaskStatus s = task(12);
        assertThat(s.colour()).isEqualTo(Colour.RED);
        assertThat(s.reason()).isEqualTo("受阻：企业资金链断裂");
        assertThat(s.percent()).isEqualTo(20);
        assertThat(s.headline().orElseThrow().unit()).isEqualTo("农管科");
    }

    @Test
    void withoutALeadReport_theLatestOfAnyUnitIsTheHeadline() {
        bot.say("zhengli", "wr-demo-njzx", "12 25% 农技中心部分");
        assertThat(task(12).percent()).isEqualTo(25);
        assertThat(task(12).headline().orElseThrow().unit()).isEqualTo("农技中心");
    }

    @Test
    void afterTheDeadline_anUnfinishedTaskIsRed_andAFinishedOneGreen() {
        bot.say("liuyang", "wr-demo-ngk", "12 80% 进展");
        bot.say("liuyang", "wr-demo-ngk", "15 已完成 全部完成");
        bot.clock.set("2024-01-03T09:00+08:00");
        assertThat(task(12).colour()).isEqualTo(Colour.RED);
        assertThat(task(12).reason()).isEqualTo("已逾期 3 天，进度 80%");
        assertThat(task(15).colour()).isEqualTo(Colour.GREEN);
        assertThat(task(15).reason()).contains("已完成");
    }

    @Test
    void aWeeklyTaskWhoseLeadMissedTwoOfItsWeeks_turnsYellow_andBackGreenWhenBothLeadsReport() {
        bot.clock.set("2023-08-07T09:00+08:00");   // week 32
        bot.say("liuyang", "wr-demo-ngk", "12 10% 进展");
        bot.say("sunjie", "wr-demo-jzk", "12 10% 进展");
        bot.clock.set("2023-08-21T09:00+08:00");   // Monday of week 34: only week 33 has been missed
        assertThat(task(12).missedWeeks()).isEqualTo(1);
        assertThat(task(12).colour()).isEqualTo(Colour.GREEN);
        bot.clock.set("2023-08-28T09:00+08:00"); // weeks 33 and 34 missed
        assertThat(task(12).colour()).isEqualTo(Colour.YELLOW);
        assertThat(task(12).reason()).isEqualTo("农管科已连续 2 周未报送");
        bot.say("liuyang", "wr-demo-ngk", "12 20% 进展");
        assertThat(task(12).colour()).isEqualTo(Colour.YELLOW);
        assertThat(task(12).reason()).as("a two-lead task needs both leads").isEqualTo("集指科已连续 2 周未报送");
        bot.say("sunjie", "wr-demo-jzk", "12 20% 进展");
        assertThat(task(12).colour()).isEqualTo(Colour.GREEN);
    }

    @Test
    void aMonthlyTask_isStaleAfterTwoMissedMonths_notAfterTwoWeeks() {
        bot.clock.set("2023-08-21T09:00+08:00");
        bot.say("chenlei", "wr-demo-dqk", "18 60% 进展");
        bot.say("wangfang", "wr-demo-bgs", "18 60% 进展");
        bot.clock.set("2023-10-09T09:00+08:00"); // September missed: one month, six weeks without a report
        assertThat(task(18).colour()).isEqualTo(Colour.GREEN);
        bot.clock.set("2023-11-06T09:00+08:00"); // September and October missed
        assertThat(task(18).colour()).isEqualTo(Colour.YELLOW);
        assertThat(task(18).reason()).isEqualTo("办公室已连续 2 个月未报送");
    }

    @Test
    void aTaskTheBotCarriesOut_isNotJudgedByReports() {
        bot.clock.set("2023-11-06T09:00+08:00");
        assertThat(task(5).colour()).isEqualTo(Colour.GREEN);
        assertThat(task(5).reason()).startsWith("无需报送");
    }

    @Test
    void staleness_countsCompleteWeeksOnly_soSundayEveningAndMondayMorningDifferByTheWeekThatEnded() {
        // task 15 is weekly and owed by 农管科 alone
        bot.clock.set("2023-10-10T10:00+08:00");   // week 41
        bot.say("liuyang", "wr-demo-ngk", "15 50% 调研已安排");
        bot.clock.set("2023-10-22T20:00+08:00");   // Sunday of week 42: week 42 is not over
        assertThat(task(15).missedWeeks()).isZero();
        assertThat(task(15).colour()).isEqualTo(Colour.GREEN);
        bot.clock.set("2023-10-23T09:00+08:00");   // Monday of week 43: one week (42) missed
        assertThat(task(15).missedWeeks()).isEqualTo(1);
        assertThat(task(15).colour()).isEqualTo(Colour.GREEN);
        bot.clock.set("2023-10-29T23:59+08:00");
        assertThat(task(15).missedWeeks()).isEqualTo(1);
        bot.clock.set("2023-10-30T00:00+08:00");   // week 43 ended: two missed
        assertThat(task(15).missedWeeks()).isEqualTo(2);
        assertThat(task(15).colour()).isEqualTo(Colour.YELLOW);
        assertThat(task(15).reason()).isEqualTo("农管科已连续 2 周未报送");
    }

    @Test
    void aReportOnSundayEvening_coversItsWeek_soMondaysDigestCountsNoMissedWeek() {
        bot.clock.set("2023-10-22T20:00+08:00");   // Sunday of week 42
        bot.say("liuyang", "wr-demo-ngk", "15 60% 推进中");
        bot.clock.set("2023-10-23T09:00+08:00");   // the digest's Monday morning
        assertThat(task(15).missedWeeks()).isZero();
        assertThat(task(15).colour()).isEqualTo(Colour.GREEN);
    }

    @Test
    void expectedPercent_isTheShareOfThePeriodElapsed() {
        LocalDate start = LocalDate.of(2023, 7, 28);
        LocalDate end = LocalDate.of(2023, 12, 31);
        assertThat(StatusBoard.expectedPercent(start, end, start)).isZero();
        assertThat(StatusBoard.expectedPercent(start, end, end)).isEqualTo(100);
        assertThat(StatusBoard.expectedPercent(start, end, LocalDate.of(2024, 2, 1))).isEqualTo(100);
        assertThat(StatusBoard.expectedPercent(start, end, LocalDate.of(2023, 7, 1))).isZero();
    }
}
