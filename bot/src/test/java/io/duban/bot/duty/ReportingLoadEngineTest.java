package io.duban.bot.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportingChange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proportionate reporting load, through the engine, on the shipped plan, roster and calendar. */
class ReportingLoadEngineTest {
    static final String NGK = "wr-demo-ngk";
    static final String JZK = "wr-demo-jzk";
    static final String NJZX = "wr-demo-njzx";
    static final String DQK = "wr-demo-dqk";
    static final String BGS = "wr-demo-bgs";
    static final String LEADERS = "wr-demo-leaders";

    @TempDir
    Path dir;
    TestBot bot;

    private TestBot at(String now) {
        bot = new TestBot(dir, now);
        return bot;
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    private String missing() {
        return bot.say("lizhiguo", LEADERS, "未报送");
    }

    @Test
    void aContributorsReport_showsUnderTheLeads_andContributorsAreNeverMissingOrNudged() {
        at("2023-10-10T10:00+08:00");
        bot.say("liuyang", NGK, "15 40% 上架产品4款");
        assertThat(bot.say("zhengli", NJZX, "15 20% 农技中心组织2家合作社参展")).contains("已记录 农技中心 对任务 15 的报送");
        String task = bot.say("lizhiguo", LEADERS, "任务 15");
        assertThat(task).contains("【任务 15】促进农特产品销售", "报送：每周，农管科 报送", "★农管科 40%",
                "农技中心（参与）20%");
        assertThat(task.indexOf("★农管科")).isLessThan(task.indexOf("农技中心（参与）"));
        assertThat(bot.say("lizhiguo", LEADERS, "任务 15 历史")).contains("·农技中心 20%", "农技中心组织2家合作社参展");
        // 农技中心 owes nothing: never listed as missing, never nudged, even before it says anything
        bot.clock.set("2023-10-13T09:10+08:00");
        assertThat(missing()).doesNotContain("农技中心", "执法大队", "农经站", "三农中心");
        assertThat(bot.app.rhythm().preview("private-nudge", bot.clock.instant().plusSeconds(3600)).orElseThrow()
                .messages()).noneMatch(m -> m.address().value().equals("zhengli"));
        assertThat(bot.app.rhythm().preview("group-reminder", bot.clock.instant().plusSeconds(5 * 3600)).orElseThrow()
                .messages()).noneMatch(m -> m.address().value().equals(NJZX));
    }

    @Test
    void aTaskOwedByNobody_isNeverShownAsNotYetReported() {
        at("2023-10-10T10:00+08:00");   // task 5 (the office's collecting) is set to 无需报送: the bot does it
        String card = bot.say("lizhiguo", LEADERS, "任务 5");
        assertThat(card).contains("报送：无需报送", "★办公室 暂无报送").doesNotContain("尚未报送", "办公室 报送");
        assertThat(bot.say("lizhiguo", LEADERS, "任务 5 历史")).contains("★办公室 暂无报送").doesNotContain("尚未报送");
        assertThat(bot.say("wangfang", BGS, "我的任务")).contains("★任务 5 加强跟踪督促：暂无报送｜无需报送")
                .doesNotContain("尚未报送｜无需报送");
        // a weekly task's lead unit still owes its report
        assertThat(bot.say("lizhiguo", LEADERS, "任务 15")).contains("报送：每周，农管科 报送", "★农管科 尚未报送");
    }

    @Test
    void noChange_countsAsReported_keepsTheLastPercent_andSaysSo() {
        at("2023-10-10T10:00+08:00");
        bot.say("liuyang", NGK, "12 60% 对接企业2家");
        bot.say("liuyang", NGK, "15 35% 上架产品");
        bot.clock.set("2023-10-17T10:00+08:00");   // the next week: 12 and 15 are due again
        assertThat(missing()).contains("农管科（任务 12、15）");
        String answer = bot.say("liuyang", NGK, "无变化");
        assertThat(answer).isEqualTo("已记录 农管科 本期无变化 2 项（进度沿用上次）：12 推动产业发展 60%、15 促进农特产品销售 35%。"
                + "\n如需修改：更正 12 70% …；如需撤回：撤回 12");
        assertThat(missing()).doesNotContain("农管科");
        ProgressReport kept = bot.app.storage().reports().latestEffective(2023, 12, "农管科").orElseThrow();
        assertThat(kept.noChange()).isTrue();
        assertThat(kept.percent().getAsInt()).isEqualTo(60);
        assertThat(kept.reportWeek()).isEqualTo("2023-W42");
        assertThat(bot.say("lizhiguo", LEADERS, "任务 12")).contains("★农管科 60%（无变化）");
        // one task by number, next week
        bot.clock.set("2023-10-24T10:00+08:00");
        assertThat(bot.say("liuyang", NGK, "15 同上周")).contains("本期无变化 1 项", "15 促进农特产品销售 35%");
        assertThat(missing()).contains("农管科（任务 12）").doesNotContain("农管科（任务 12、15）");
    }

    @Test
    void noChange_onATaskNeverReported_storesNothing_andAsksForTheFigure() {
        at("2023-10-10T10:00+08:00");
        bot.say("sunjie", JZK, "12 40% 集指科部分");
        long before = bot.app.storage().reports().allEffective(2023).size();
        assertThat(bot.say("liuyang", NGK, "12 无变化")).startsWith("未记录：农管科 还没有报送过 12 推动产业发展 的进度")
                .contains("12 30% 本周进展");
        assertThat(bot.app.storage().reports().allEffective(2023)).hasSize((int) before);
    }

    @Test
    void aTwoLeadTask_needsBothLeads() {
        at("2023-10-10T10:00+08:00");
        bot.say("liuyang", NGK, "12 60% 农管科部分");
        assertThat(missing()).contains("集指科（任务 12）");
        bot.say("sunjie", JZK, "12 50% 集指科部分");
        assertThat(missing()).doesNotContain("集指科");
        assertThat(bot.say("lizhiguo", LEADERS, "任务 12")).contains("★农管科 60%", "★集指科 50%");
    }

    @Test
    void aMonthlyTask_isDueOnceAMonth() {
        at("2023-10-10T10:00+08:00");   // October's second reporting week: 7–10 are asked of 党群科
        assertThat(missing()).contains("党群科（任务 7、8、9、10）");
        bot.say("chenlei", DQK, "7 40% 开展谈心谈话");
        assertThat(missing()).contains("党群科（任务 8、9、10）");
        bot.clock.set("2023-10-17T10:00+08:00");
        assertThat(missing()).contains("党群科（任务 8、9、10）");   // still owed this month
        bot.clock.set("2023-10-24T10:00+08:00");   // the month's last week: 17–19 are asked too
        assertThat(missing()).contains("党群科（任务 8、9、10、17、18、19）");
        bot.clock.set("2023-11-01T10:00+08:00");   // a new month, not yet asked
        assertThat(missing()).doesNotContain("党群科");
        bot.clock.set("2023-11-07T10:00+08:00");   // November's second reporting week: asked again
        assertThat(missing()).contains("党群科（任务 7、8、9、10）");
    }

    @Test
    void theWeeklySummary_countsOnlyUnitsThatOwedSomethingThatWeek() {
        at("2023-10-10T10:00+08:00");   // week 41: 党群科 answers its monthly tasks at once
        for (int n = 7; n <= 10; n++) {
            bot.say("chenlei", DQK, n + " 40% 本月进展");
        }
        bot.say("yuanfeng", "wr-demo-ywgb", "8 40% 前方项目推进");
        String summary = bot.app.rhythm().preview("weekly-summary",
                java.time.OffsetDateTime.parse("2023-10-23T09:00+08:00").toInstant()).orElseThrow().messages().get(0)
                .content();   // about week 42, in which 党群科 and 援外干部 owed nothing
        String silent = java.util.Arrays.stream(summary.split("\n"))
                .filter(l -> l.startsWith("上周未报送")).reduce("", String::concat);
        assertThat(silent).contains("农管科", "集指科").doesNotContain("党群科", "援外干部", "农技中心");
        // week 42 asked 办公室 (1, 2, 11 still open, 13), 农管科, 集指科 (12, 15) and 农发科 (14)
        assertThat(summary).contains("上周未报送 4 个：办公室（连续 2 周）、农管科（连续 2 周）、集指科（连续 2 周）、农发科；"
                + "0/4 个已报齐");
    }

    @Test
    void task16_isDueOnlyInTheWorkingDaysBeforeItsHolidays() {
        at("2023-09-26T10:00+08:00");   // 中秋、国庆 start on 9月29日
        assertThat(missing()).contains("委工会（任务 16）", "机关工会（任务 16）", "事业单位工会（任务 16）");
        bot.clock.set("2023-10-17T10:00+08:00");
        assertThat(missing()).doesNotContain("任务 16", "工会");
        bot.clock.set("2023-12-26T10:00+08:00");   // before 元旦
        assertThat(missing()).contains("委工会（任务 16）");
    }

    @Test
    void aOnceTask_stopsBeingDueWhenReportedDone() {
        at("2023-12-26T10:00+08:00");   // the last reporting week: 3 (形成年度计划) is asked of 办公室
        assertThat(missing()).containsPattern("办公室（任务 [^）]*\\b3\\b");
        bot.say("wangfang", BGS, "3 80% 初稿已成");
        assertThat(missing()).containsPattern("办公室（任务 [^）]*\\b3\\b");
        bot.say("wangfang", BGS, "3 100% 已印发");
        assertThat(missing()).doesNotContainPattern("办公室（任务 [^）]*\\b3\\b");
    }

    @Test
    void anAdminChangesACadenceInChat_storedWithWhoAndWhen_andItAppliesAtOnce() {
        at("2023-10-10T10:00+08:00");   // week 41
        assertThat(bot.say("liuyang", NGK, "设置 15 每两周")).contains("仅限管理员");
        assertThat(missing()).contains("农管科（任务 12、15）");
        String answer = bot.say("zhouhui", null, "设置 15 每两周");
        assertThat(answer).contains("已修改任务 15 促进农特产品销售 的报送：每两周，农管科 报送（原：每周，农管科 报送）", "周慧");
        List<ReportingChange> stored = bot.app.storage().reportingChanges().history(2023, 15);
        assertThat(bot.say("zhouhui", null, "设置 15 每两周")).as("the same setting again")
                .contains("报送已是：每两周，农管科 报送，无需修改").doesNotContain("已修改");
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.cadence()).isEqualTo("biweekly");
            assertThat(c.changedBy()).isEqualTo("zhouhui");
            assertThat(c.changedAt()).isEqualTo(bot.clock.instant());
        });
        // week 41 is the first week of a two-week period (W41+W42): 15 is no longer asked this week
        assertThat(missing()).contains("农管科（任务 12）").doesNotContain("任务 12、15");
        assertThat(bot.say("zhouhui", null, "设置 15")).contains("任务 15 促进农特产品销售：每两周，农管科 报送", "农技中心 可随时补充",
                "周慧 改为 每两周");
        assertThat(bot.say("zhouhui", null, "设置 8 仅牵头单位")).contains("每月（第2个报送周），党群科 报送（原：每月（第2个报送周），党群科、援外干部 报送）");
        assertThat(missing()).doesNotContain("援外干部");
        assertThat(bot.say("zhouhui", null, "设置 15 每天")).contains("没有看懂“每天”");
    }

    @Test
    void oneMessageCoveringFiveTasks_storesFiveReports_andAnswersOnce() {
        at("2023-10-10T10:00+08:00");
        // say() fails unless the message gets exactly one answer
        String answer = bot.say("chenlei", DQK, String.join("\n",
                "7 30% 前方干部已全部到岗",
                "9 40% 派出农业专家2人",
                "问题：专家行程待确认",
                "10 50% 组织线上培训1场",
                "18 20% 交流活动方案已起草",
                "19 60% 发布宣传稿件3篇"));
        assertThat(answer).startsWith("已记录 5 项").contains("7 30%", "9 40%", "10 50%", "18 20%", "19 60%");
        for (int[] expected : new int[][] {{7, 30}, {9, 40}, {10, 50}, {18, 20}, {19, 60}}) {
            List<ProgressReport> history = bot.app.storage().reports().history(2023, expected[0]);
            assertThat(history).as("task %d", expected[0]).hasSize(1);
            assertThat(history.get(0).unit()).isEqualTo("党群科");
            assertThat(history.get(0).percent().getAsInt()).isEqualTo(expected[1]);
        }
        // the problem line belongs to task 9 only, nothing folded into another task
        assertThat(bot.app.storage().reports().history(2023, 9).get(0).problems()).contains("专家行程待确认");
        assertThat(bot.app.storage().reports().history(2023, 10).get(0).problems()).doesNotContain("专家行程");
        assertThat(bot.app.storage().reports().history(2023, 7).get(0).progress()).doesNotContain("派出农业专家");
    }
}
