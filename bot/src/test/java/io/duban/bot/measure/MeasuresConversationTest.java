package io.duban.bot.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.export.Ledger;
import io.duban.bot.export.LedgerBuilder;
import io.duban.bot.schedule.RhythmService;
import io.duban.bot.testing.TestBot;
import io.duban.storage.model.Address;
import io.duban.storage.model.MilestoneEdit;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProblemState;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 through the engine, on the shipped plan and roster, a real SQLite file and the injected clock:
 * milestones, metrics and problem items.
 */
class MeasuresConversationTest {
    static final String ADMIN = "zhouhui";
    static final String LEADER = "lizhiguo";
    static final String NGK_USER = "liuyang";     // 农管科, leads task 12
    static final String NGK = "wr-demo-ngk";
    static final String NJZX_USER = "zhengli";    // 农技中心, responsible on task 12
    static final String NJZX = "wr-demo-njzx";
    static final String LEADERS = "wr-demo-leaders";

    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void start() {
        bot = new TestBot(dir, "2023-10-09T09:00+08:00");
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    static Instant t(String s) {
        return OffsetDateTime.parse(s).toInstant();
    }

    // ---------------------------------------------------------------- milestones

    @Test
    void aMilestoneSetInChat_isWarnedBefore_shownAsNext_andMissedTurnsTheTaskRedWithItsReason() {
        assertThat(bot.say(NGK_USER, NGK, "节点 12 2023-10-31 完成产销对接会 60%")).contains("仅限管理员");
        assertThat(bot.say(ADMIN, "节点 12 2023-10-31 完成产销对接会 60%"))
                .contains("已为任务 12 添加时间节点：10月31日 完成产销对接会（60%）", "周慧");
        MilestoneEdit stored = bot.app.storage().milestones().all(2023).get(0);
        assertThat(stored.personId()).isEqualTo(ADMIN);
        assertThat(stored.at()).isEqualTo(t("2023-10-09T09:00+08:00"));

        bot.say(NGK_USER, NGK, "12 40% 已对接保山咖啡企业2家");
        assertThat(bot.say(LEADER, LEADERS, "任务 12"))
                .contains("下一节点：10月31日 完成产销对接会（60%），还有 22 天");

        // A week before the milestone, the lead units' groups are warned, with the current percent.
        RhythmService rhythm = bot.app.rhythm();
        RhythmService.Preview warning = rhythm.preview("deadline-warning", t("2023-10-24T10:00+08:00")).orElseThrow();
        assertThat(warning.run().period()).isEqualTo("2023-10-24");
        String ngk = warning.messages().stream().filter(m -> m.address().equals(Address.group(NGK))).findFirst()
                .orElseThrow().content();
        assertThat(ngk).contains("农管科牵头的以下时间节点即将到期", "12. ",
                "节点 10月31日 完成产销对接会（60%）（还有 7 天），当前 40%");

        // The day after, not reached: red, with the milestone as the reason.
        bot.clock.set("2023-11-01T09:00+08:00");
        assertThat(bot.say(LEADER, LEADERS, "任务 12"))
                .contains("🔴 红灯：未按期达成节点：10月31日 完成产销对接会（60%），当前进度 40%");
        // Catching up to the milestone's percent clears it; the straight line stays the rule for other tasks.
        bot.say(NGK_USER, NGK, "12 65% 产销对接会已召开");
        assertThat(bot.say(LEADER, LEADERS, "任务 12")).doesNotContain("未按期达成节点").doesNotContain("红灯");
    }

    @Test
    void paceFollowsAMilestonesPercent_soATaskOnTheStraightLineCanBeBehindItsMilestone() {
        bot.say(NGK_USER, NGK, "12 40% 推进中");
        bot.say("sunjie", "wr-demo-jzk", "12 40% 推进中");   // task 12's second lead unit
        // Straight line from 7-28 to 12-31: 47% expected on 10-09; 40% is within the 15-point tolerance.
        assertThat(bot.say(LEADER, LEADERS, "任务 12")).contains("🟢 绿灯", "应有 47%");
        bot.say(ADMIN, "节点 12 2023-10-15 完成产销对接会 80%");
        // Through (7-28, 0%) and (10-15, 80%): 73 of 79 days → 74% expected; 40% is behind.
        assertThat(bot.say(LEADER, LEADERS, "任务 12")).contains("🟡 黄灯：集指科进度 40%，落后于应有进度 74%");
    }

    @Test
    void aMilestoneIsMovedBySameText_andATextOnlyOneIsMetWhenTheLeadUnitConfirmsIt() {
        bot.say(ADMIN, "节点 12 2023-10-20 完成产销对接会");
        assertThat(bot.say(ADMIN, "节点 12 2023-10-31 完成产销对接会"))
                .contains("已调整任务 12 的时间节点：10月20日 完成产销对接会 → 10月31日 完成产销对接会");
        assertThat(bot.say(LEADER, LEADERS, "节点 12")).contains("⏳还有 22 天 10月31日 完成产销对接会");
        bot.clock.set("2023-11-02T09:00+08:00");
        bot.say(NGK_USER, NGK, "12 70% 推进中");
        assertThat(bot.say(LEADER, LEADERS, "任务 12")).contains("红灯：未按期达成节点：10月31日 完成产销对接会");
        assertThat(bot.say(NJZX_USER, NJZX, "节点 12 达成")).contains("仅限任务 12 的牵头单位或管理员");
        assertThat(bot.say(NGK_USER, NGK, "节点 12 达成 完成产销对接会")).contains("已确认任务 12 的时间节点达成");
        assertThat(bot.say(LEADER, LEADERS, "任务 12")).doesNotContain("红灯");
        assertThat(bot.app.storage().milestones().all(2023)).extracting(MilestoneEdit::action)
                .containsExactly(MilestoneEdit.Action.SET, MilestoneEdit.Action.SET, MilestoneEdit.Action.REACHED);
        assertThat(bot.say(ADMIN, "节点 12 2024-01-15 总结")).contains("不在任务 12 的期限");
        assertThat(bot.say(ADMIN, "节点 12 月底前完成")).contains("时间节点应以日期开头", "例如：节点 12 ");
    }

    // ---------------------------------------------------------------- metrics

    @Test
    void metricsFromThreeUnitsOverFourWeeks_sumRight_againstATargetTheOfficeSets_andTask17sRatioIsUnchanged() {
        String[][] units = {{"hanmei", "wr-demo-wgh"}, {"caoyu", "wr-demo-jggh"}, {"dengqian", "wr-demo-sygh"}};
        double[][] amounts = {{5, 2.5, 1}, {3.25, 0, 4}, {10, 1.5, 0.75}, {2, 2, 2}};
        double expected = 0;
        for (int week = 0; week < 4; week++) {
            bot.clock.set(OffsetDateTime.parse("2023-10-09T09:00+08:00").plusWeeks(week).toString());
            for (int u = 0; u < 3; u++) {
                double a = amounts[week][u];
                expected += a;
                String reply = bot.say(units[u][0], units[u][1], "16 " + (20 + week * 10) + "% 采购金额 "
                        + io.duban.plan.MetricDefinition.format(a) + " 万元");
                assertThat(reply).contains("指标：采购金额 " + io.duban.plan.MetricDefinition.format(a) + " 万元");
            }
        }
        assertThat(expected).isEqualTo(34.0);
        assertThat(bot.say(LEADER, LEADERS, "指标")).contains("任务 16 采购金额 34 万元（未设目标）");
        assertThat(bot.say(LEADER, LEADERS, "指标 16 目标 50 万元")).contains("仅限管理员");
        assertThat(bot.say(ADMIN, "指标 16 目标 50 万元"))
                .contains("已设定任务 16 的指标目标：采购金额 50 万元", "目前：采购金额 34/50 万元（68%）");
        assertThat(bot.say(LEADER, LEADERS, "任务 16")).contains("指标：采购金额 34/50 万元（68%）");
        assertThat(bot.say(LEADER, LEADERS, "指标 16"))
                .contains("采购金额 34/50 万元（68%；累计）", "委工会 20.25", "机关工会 6", "事业单位工会 7.75");

        // A correction replaces its row's figure; a withdrawal takes it out.
        assertThat(bot.say("dengqian", "wr-demo-sygh", "更正 16 50% 采购金额 3 万元")).contains("采购金额 3 万元");
        assertThat(bot.say(LEADER, LEADERS, "指标")).contains("任务 16 采购金额 35/50 万元（70%）");
        assertThat(bot.say("dengqian", "wr-demo-sygh", "撤回 16")).contains("指标现为：采购金额 32/50 万元（64%）");
        assertThat(bot.say(LEADER, LEADERS, "指标")).contains("任务 16 采购金额 32/50 万元（64%）");

        // A bare amount without the metric's name is not counted, and the answer says how to write it.
        assertThat(bot.say("hanmei", "wr-demo-wgh", "16 60% 本周又采购 8 万元"))
                .contains("“8 万元”未计入指标", "例如：16 60% 采购金额 12.5 万元");
        assertThat(bot.say(LEADER, LEADERS, "指标")).contains("任务 16 采购金额 32/50 万元（64%）");

        // Task 17's ratio reads as before.
        bot.say("xuhao", "wr-demo-jgdzb", "17 40% 援滇人数：7；疗休养总人数：50");
        bot.say("pengyun", "wr-demo-sydzb", "17 40% 援滇人数：5；疗休养总人数：30");
        assertThat(bot.say(LEADER, LEADERS, "指标"))
                .contains("援滇人数 12 / 疗休养总人数 80 = 15.0%　🟢 已达标", "数据来源：机关党支部、事业单位党支部");
    }

    // ---------------------------------------------------------------- problems

    @Test
    void aProblemRaisedRepeatedThenSolved_showsTheRightStateAtEachStep_andOneNotMentionedTwiceLapsesVisibly() {
        assertThat(bot.say(NGK_USER, NGK, "12 40% 已对接企业；问题：冷链成本高；问题：物流时效差"))
                .contains("已登记问题1：冷链成本高", "已登记问题2：物流时效差", "解决 问题1");
        assertThat(item(1).state()).isEqualTo(ProblemState.OPEN);
        assertThat(bot.say(LEADER, LEADERS, "问题"))
                .contains("【未解决问题】共 2 个", "问题1 任务12 农管科 10月9日：冷链成本高", "问题2 任务12 农管科 10月9日：物流时效差");

        bot.clock.set("2023-10-16T09:00+08:00");
        assertThat(bot.say(NGK_USER, NGK, "12 50% 推进中；问题：冷链运输成本仍然高")).contains("问题1 仍在跟踪")
                .doesNotContain("已登记问题3");
        assertThat(item(1).silentReports()).isZero();
        assertThat(item(2).silentReports()).isEqualTo(1);

        assertThat(bot.say(NJZX_USER, NJZX, "解决 问题1 已协调")).contains("由农管科提出");
        assertThat(bot.say(NGK_USER, NGK, "解决 问题1 已协调冷链补贴"))
                .contains("已将问题1（任务 12 农管科：冷链成本高）标记为已解决：已协调冷链补贴");
        assertThat(item(1).state()).isEqualTo(ProblemState.SOLVED);
        assertThat(bot.say(NGK_USER, NGK, "解决 问题1")).contains("已于 10月16日 关闭（已解决）");

        bot.clock.set("2023-10-23T09:00+08:00");
        assertThat(bot.say(NGK_USER, NGK, "12 60% 推进中"))
                .contains("问题2 连续两次报送未再提及，已关闭（未再提及）");
        assertThat(item(2).state()).isEqualTo(ProblemState.LAPSED);
        assertThat(bot.say(LEADER, LEADERS, "问题"))
                .contains("目前没有未解决的问题", "近两周关闭：问题1 已解决、问题2 未再提及");

        // A problem raised only in a report that is then withdrawn goes with it.
        assertThat(bot.say(NGK_USER, NGK, "12 65% 推进中；问题：专家档期紧张")).contains("已登记问题3：专家档期紧张");
        assertThat(bot.say(NGK_USER, NGK, "撤回 12")).contains("问题3 随报送撤回，已关闭");
        assertThat(item(3).state()).isEqualTo(ProblemState.WITHDRAWN);
    }

    @Test
    void aProblemInAMessageOfSeveralReports_isNamedAfterItsTask_onOneLine() {
        String answer = bot.say("wangfang", "wr-demo-bgs", "1 70% 已召开联席会议；2 50% 制定方案 问题：经费待批");
        assertThat(answer).contains("已记录 2 项：1 70%、2 50%");
        assertThat(answer.lines().filter(l -> l.contains("经费待批")).toList())
                .singleElement().satisfies(l -> assertThat(l).matches("2：已登记问题\\d+：经费待批.*"));
    }

    @Test
    void aLingeringProblem_isFlagged待会商_leadsTheDigestAndThe通报_untilAConsultationDecides() {
        bot.say(NGK_USER, NGK, "12 40% 推进中；问题：冷链成本高");
        assertThat(bot.say(LEADER, LEADERS, "会商")).contains("目前没有待会商的问题");

        bot.clock.set("2023-10-16T09:00+08:00");
        bot.say(NGK_USER, NGK, "12 50% 推进中；问题：冷链成本高");
        bot.clock.set("2023-10-27T09:00+08:00");
        bot.say(NGK_USER, NGK, "12 55% 推进中；问题：冷链成本依然高");
        assertThat(bot.say(LEADER, LEADERS, "会商")).contains("【待会商】共 1 个问题", "问题1 任务12 农管科：冷链成本高（已持续 18 天）");
        assertThat(bot.say(LEADER, LEADERS, "问题")).contains("冷链成本高【待会商】");

        RhythmService rhythm = bot.app.rhythm();
        String digest = rhythm.preview("weekly-summary", t("2023-10-30T09:00+08:00")).orElseThrow().messages().get(0)
                .content();
        assertThat(digest).contains("【待会商】1 个问题需研究对策", "问题1 任务12 农管科：冷链成本高（已持续 21 天）");
        // the digest leads with it: right after the title and the colour counts, before any task line
        assertThat(digest.lines().toList().get(2)).startsWith("【待会商】");
        // the 通报 comes in screens (issue 12): the 待会商 block is the first of them
        String monthly = String.join("\n", rhythm.preview("monthly-report", t("2023-10-31T16:00+08:00")).orElseThrow()
                .messages().stream().filter(m -> m.format() != io.duban.storage.model.OutboundMessage.Format.FILE)
                .map(m -> m.content()).toList());
        assertThat(monthly.indexOf("【待会商】")).isPositive().isLessThan(monthly.indexOf("完成率"));
        assertThat(monthly).contains("工作指标", "16. 采购金额 0 万元（未设目标）");

        assertThat(bot.say(LEADER, LEADERS, "会商 问题1 2023-10-20 专题会")).contains("仅限管理员");
        assertThat(bot.say(ADMIN, "会商 问题1 2023-10-30 专题会：协调冷链补贴"))
                .contains("已记录问题1", "（10月30日）：专题会：协调冷链补贴", "解决 问题1");
        assertThat(bot.say(LEADER, LEADERS, "会商")).contains("目前没有待会商的问题");
        assertThat(item(1).isOpen()).isTrue();
    }

    @Test
    void aProblemRaisedOnlyByAReturnedReport_isShownNowhere_notIn问题_任务_会商_theDigestOrThe通报() {
        bot.say(NGK_USER, NGK, "12 40% 推进中；问题：冷链补贴迟迟未到位");
        assertThat(bot.say(LEADER, LEADERS, "问题")).contains("冷链补贴迟迟未到位");
        assertThat(bot.say(ADMIN, "退回 12 农管科 请补充对接企业名单")).contains("已退回");

        assertThat(bot.say(LEADER, LEADERS, "问题")).doesNotContain("冷链补贴迟迟未到位");
        assertThat(bot.say(LEADER, LEADERS, "任务 12")).doesNotContain("冷链补贴迟迟未到位");
        // three weeks later it would be 待会商 if it counted: it leads neither the digest nor the 通报
        bot.clock.set("2023-10-30T09:00+08:00");
        assertThat(bot.say(LEADER, LEADERS, "会商")).contains("目前没有待会商的问题");
        RhythmService rhythm = bot.app.rhythm();
        String digest = rhythm.preview("weekly-summary", t("2023-10-30T09:00+08:00")).orElseThrow().messages().get(0)
                .content();
        assertThat(digest).doesNotContain("冷链补贴迟迟未到位").doesNotContain("【待会商】");
        String monthly = String.join("\n", rhythm.preview("monthly-report", t("2023-10-31T16:00+08:00")).orElseThrow()
                .messages().stream().filter(m -> m.format() != io.duban.storage.model.OutboundMessage.Format.FILE)
                .map(m -> m.content()).toList());
        assertThat(monthly).doesNotContain("冷链补贴迟迟未到位");
    }

    @Test
    void theFiguresOfAReturnedReport_countInNoTotal() {
        bot.say("hanmei", "wr-demo-wgh", "16 20% 采购金额 5 万元");
        bot.say("caoyu", "wr-demo-jggh", "16 20% 采购金额 2 万元");
        assertThat(bot.say(LEADER, LEADERS, "指标 16")).contains("采购金额 7 万元");
        assertThat(bot.say(ADMIN, "退回 16 委工会 请附采购清单")).contains("已退回");
        assertThat(bot.say(LEADER, LEADERS, "指标 16")).contains("采购金额 2 万元").doesNotContain("采购金额 7 万元");
        assertThat(bot.say(LEADER, LEADERS, "任务 16")).doesNotContain("采购金额 7 万元");
    }

    @Test
    void theSameProblemFromTwoUnitsOnOneTask_isFlagged待会商AtOnce() {
        bot.say(NGK_USER, NGK, "12 40% 推进中；问题：冷链成本高");
        bot.say(NJZX_USER, NJZX, "12 30% 推进中；问题：冷链运输成本高");
        assertThat(bot.say(LEADER, LEADERS, "会商"))
                .contains("【待会商】共 2 个问题", "问题1 任务12 农管科：冷链成本高（多单位提出，另有农技中心）");
    }

    @Test
    void manyOpenProblems_fitOnePhoneScreenPerPage_withTheNextPageOnRequest() {
        String[] words = {"资金拨付慢", "专家档期紧", "冷链成本高", "物流时效差", "企业意愿弱", "审批流程长", "场地难协调",
                "宣传素材少", "人员调动多", "对接渠道窄", "产品标准低", "包装设计旧"};
        String[][] reporters = {{NGK_USER, NGK, "12"}, {NJZX_USER, NJZX, "12"}, {"chenlei", "wr-demo-dqk", "9"},
                {"hanmei", "wr-demo-wgh", "16"}};
        for (String[] r : reporters) {
            StringBuilder text = new StringBuilder(r[2] + " 40% 推进中");
            for (String w : words) {
                text.append("；问题：").append(r[2]).append("号").append(w);
            }
            bot.say(r[0], r[1], text.toString());
        }
        String first = bot.say(LEADER, LEADERS, "问题");
        assertThat(first).contains("（第 1/", "更多请发：问题 2");
        assertThat(first.lines().count()).isLessThanOrEqualTo(20);
        assertThat(first.length()).isLessThanOrEqualTo(450);
        String second = bot.say(LEADER, LEADERS, "问题 2");
        assertThat(second).contains("（第 2/");
        assertThat(second.lines().count()).isLessThanOrEqualTo(20);
        assertThat(second.length()).isLessThanOrEqualTo(450);
        assertThat(first.lines().filter(l -> l.startsWith("问题")).findFirst().orElseThrow()).startsWith("问题1 ");
    }

    // ---------------------------------------------------------------- 台账

    @Test
    void theLedger_showsMilestonesMetricTotalsAndOpenProblemsPerTask() {
        bot.say(ADMIN, "节点 12 2023-10-31 完成产销对接会 60%");
        bot.say(NGK_USER, NGK, "12 40% 推进中；问题：冷链成本高");
        bot.say("hanmei", "wr-demo-wgh", "16 30% 采购金额 12.5 万元");
        bot.say(ADMIN, "指标 16 目标 50 万元");
        bot.say(ADMIN, "会商 问题1 10月9日 协调冷链补贴");
        Ledger ledger = new LedgerBuilder(bot.app.config(), bot.app.storage(), bot.app.dutyRules())
                .build(bot.app.config().currentPlan(), bot.clock.instant());
        Ledger.Sheet main = ledger.sheet(LedgerBuilder.MAIN_SHEET);
        List<String> headers = main.columns().stream().map(Ledger.Column::header).toList();
        assertThat(headers).contains("时间节点", "采购金额（万元）", "培训（人次）", "未解决问题");
        List<Ledger.Cell> row12 = main.rows().get(11);
        List<Ledger.Cell> row16 = main.rows().get(15);
        assertThat(row12.get(headers.indexOf("时间节点")).asText()).isEqualTo("10月31日 完成产销对接会（60%）（未到期）");
        assertThat(row12.get(headers.indexOf("未解决问题")).asText())
                .isEqualTo("问题1 农管科：冷链成本高（会商 2023-10-09：协调冷链补贴）");
        assertThat(row16.get(headers.indexOf("采购金额（万元）")).asText()).isEqualTo("12.5/50（25%）");
        assertThat(row12.get(headers.indexOf("采购金额（万元）")).asText()).isEmpty();
    }

    private ProblemItem item(long id) {
        return bot.app.storage().problems().find(id).orElseThrow();
    }
}
