package io.duban.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.message.Reply;
import io.duban.bot.testing.TestBot;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end on the shipped plan and roster, a real SQLite file and a fixed clock. */
class ConversationTest {
    static final String NGK = "wr-demo-ngk";
    static final String LEADERS = "wr-demo-leaders";
    static final String STAFF = "liuyang";     // 农管科 contact
    static final String LEADER = "lizhiguo";
    static final String ADMIN = "zhouhui";

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

    @Test
    void aReport_isStoredAndRepeatedBackExactly() {
        String reply = bot.say(STAFF, NGK, "@督办助手 12 60% 本周已对接保山咖啡企业2家；问题：冷链成本高；下一步：组织产销对接会");
        assertThat(reply).contains("已记录 农管科 对任务 12 的报送", "进度：60%（推进中）", "进展：本周已对接保山咖啡企业2家",
                "问题：冷链成本高", "下一步：组织产销对接会", "更正 12", "撤回 12");
        ProgressReport stored = bot.app.storage().reports().latestEffective(2023, 12, "农管科").orElseThrow();
        assertThat(stored.percent()).hasValue(60);
        assertThat(stored.problems()).isEqualTo("冷链成本高");
        assertThat(stored.reporterId()).isEqualTo(STAFF);
        assertThat(stored.reportWeek()).isEqualTo("2023-W41");
        assertThat(stored.inboundId()).isPresent();
    }

    @Test
    void reportVariants_withTheWord报送_orTaskPrefix() {
        assertThat(bot.say(STAFF, NGK, "报送 15 30% 组织丰收节展销")).contains("任务 15", "30%");
        assertThat(bot.say(STAFF, NGK, "任务12 进度60% 推进中 已对接")).contains("任务 12", "60%");
    }

    @Test
    void correctingAndWithdrawing_keepTheWholeHistory() {
        bot.say(STAFF, NGK, "12 40% 第一周");
        bot.clock.set("2023-10-16T09:00+08:00");
        bot.say(STAFF, NGK, "12 60% 第二周");
        assertThat(bot.say(STAFF, NGK, "更正 12 65% 第二周（更正）")).contains("已更正", "65%");
        assertThat(bot.say(STAFF, NGK, "撤回 12")).contains("已撤回", "现以 10月9日 09:00 的报送为准：40%");
        assertThat(bot.app.storage().reports().latestEffective(2023, 12, "农管科").orElseThrow().percent()).hasValue(40);
        assertThat(bot.app.storage().reports().history(2023, 12)).extracting(ProgressReport::kind)
                .containsExactly(ReportKind.REPORT, ReportKind.REPORT, ReportKind.CORRECTION, ReportKind.WITHDRAWAL);
        assertThat(bot.say(STAFF, NGK, "撤回 12")).contains("已撤回");
        assertThat(bot.say(STAFF, NGK, "撤回 12")).contains("没有任务 12 的有效报送");
        bot.say(STAFF, NGK, "12 60% 已对接");
        assertThat(bot.say(STAFF, NGK, "12应为70%")).as("a correction in plain words")
                .contains("已更正", "进度：70%").doesNotContain("应为");
        assertThat(bot.say(STAFF, NGK, "任务12改成65% 已对接3家")).contains("已更正", "进展：已对接3家");
        assertThat(bot.app.storage().reports().latestEffective(2023, 12, "农管科").orElseThrow().kind())
                .isEqualTo(ReportKind.CORRECTION);
    }

    @Test
    void theLastOneSent_isTakenBackByItsSender_andAMistakeIsAnsweredWithHowToUndoIt() {
        bot.say(STAFF, NGK, "12 60% 已对接");
        bot.say("sunjie", "wr-demo-jzk", "12 50% 集指科的报送");
        bot.say(STAFF, NGK, "15 40% 上架");
        assertThat(bot.say(STAFF, NGK, "刚才那条发错了")).contains("撤回上一条", "更正 12").doesNotContain("已撤回");
        assertThat(bot.app.storage().reports().latestEffective(2023, 15, "农管科")).isPresent();
        assertThat(bot.say(STAFF, NGK, "撤回上一条")).contains("已撤回 农管科", "任务 15");
        assertThat(bot.say(STAFF, NGK, "撤回刚才那条")).as("then the one before it").contains("任务 12");
        assertThat(bot.say(STAFF, NGK, "撤回上一条")).contains("没有可撤回的报送");
        assertThat(bot.app.storage().reports().latestEffective(2023, 12, "集指科")).as("another unit's report stays")
                .isPresent();
        assertThat(bot.say(STAFF, NGK, "撤回来")).as("no command inside a word").contains("没有看懂");
    }

    @Test
    void aProblemMarkedSolvedInPlainWords_isSolvedWithOnlyTheWordsWritten() {
        bot.say(STAFF, NGK, "12 60% 已对接；问题：冷链成本高");
        assertThat(bot.say(STAFF, NGK, "问题1已解决")).contains("已将问题1", "标记为已解决。");
        bot.say(STAFF, NGK, "12 62% 续；问题：资金未到位");
        assertThat(bot.say(STAFF, NGK, "问题2已经解决了，已协调补贴")).contains("标记为已解决：已协调补贴");
        assertThat(bot.say(LEADER, LEADERS, "问题")).contains("目前没有未解决的问题");
    }

    @Test
    void aCorrectionWithNothingToCorrect_isExplained() {
        assertThat(bot.say(STAFF, NGK, "更正 12 70% 已对接3家")).contains("还没有任务 12 的报送，没有可更正的内容", "例如");
        assertThat(bot.say(STAFF, NGK, "更正 70% 已对接3家")).contains("请写明要更正的任务编号", "例如");
    }

    @Test
    void aLowerPercentThanLastTime_isStoredButFlagged() {
        bot.say(STAFF, NGK, "12 60% 第一次");
        String reply = bot.say(STAFF, NGK, "12 50% 第二次");
        assertThat(reply).contains("已记录", "50% 低于上次报送的 60%");
        assertThat(bot.app.storage().reports().latestEffective(2023, 12, "农管科").orElseThrow().percent()).hasValue(50);
    }

    @Test
    void badInput_alwaysGetsAClearAnswerWithAnExample() {
        assertThat(bot.say(STAFF, NGK, "99 10% 不存在的任务")).contains("没有任务 99", "1–19", "例如");
        assertThat(bot.say(STAFF, NGK, "12 150% 超额")).contains("0 到 100", "例如");
        assertThat(bot.say(STAFF, NGK, "12 六成% 进行中")).contains("无法识别", "例如");
        assertThat(bot.say(STAFF, NGK, "12")).contains("报送内容为空", "例如");
        assertThat(bot.say(STAFF, NGK, "12 本周走访企业")).contains("请写明进度百分比", "例如");
        assertThat(bot.say(STAFF, NGK, "x".repeat(2001))).contains("消息过长", "2000", "例如");
        assertThat(bot.say(STAFF, NGK, "今天天气不错")).contains("没有看懂", "帮助");
        assertThat(bot.say(STAFF, NGK, "@督办助手")).contains("您好", "帮助");
        assertThat(bot.say("stranger", NGK, "12 60% x")).contains("还没有在督办助手登记", "周慧");
        assertThat(bot.say(STAFF, LEADERS, "12 60% x")).contains("领导群不受理报送");
        assertThat(bot.say(STAFF, "wr-demo-njzx", "12 60% x")).contains("农技中心的群");
        assertThat(bot.say(ADMIN, null, "绑定 农管科")).contains("只能在群聊中");
        assertThat(bot.app.storage().inbound().count()).isEqualTo(12);
        assertThat(bot.app.storage().reports().latestEffective(2023)).isEmpty();
    }

    @Test
    void staffReportOnlyOnTheirUnitsTasks_leadersAndAdminsQueryEverything() {
        assertThat(bot.say(STAFF, NGK, "14 30% 不是本单位")).contains("不是任务 14 的牵头或责任单位", "本单位的任务");
        assertThat(bot.say(STAFF, NGK, "进度")).contains("仅限领导和管理员");
        assertThat(bot.say(STAFF, NGK, "未报送")).contains("仅限领导和管理员");
        assertThat(bot.say(STAFF, NGK, "登记 lisi 李四 农管科 联络员")).contains("仅限管理员");
        assertThat(bot.say(STAFF, NGK, "任务 14")).contains("不属于农管科");
        assertThat(bot.say(STAFF, NGK, "任务 12")).contains("【任务 12】");
        assertThat(bot.say(STAFF, NGK, "帮助")).contains("报送", "我的任务").doesNotContain("登记", "未报送");
        assertThat(bot.say(LEADER, LEADERS, "进度")).contains("【进度】", "共 19 项");
        assertThat(bot.say(LEADER, LEADERS, "任务 14")).contains("【任务 14】");
        assertThat(bot.say(LEADER, LEADERS, "登记 lisi 李四 农管科 联络员")).contains("仅限管理员");
        assertThat(bot.say(ADMIN, LEADERS, "帮助")).contains("登记", "绑定", "未报送");
    }

    @Test
    void aMessageWithoutATaskNumber_afterAReportOnAnotherTask_isNotStoredOnTheTaskStillDue() {
        assertThat(bot.say(STAFF, NGK, "12 66% 本周对接1家")).contains("已记录 农管科 对任务 12");
        long before = bot.app.storage().reports().history(2023, 15).size();
        String reply = bot.say(STAFF, NGK, "问题：资金未到位");
        assertThat(reply).contains("请写明任务编号", "任务 12", "任务 15").doesNotContain("已记录");
        assertThat(bot.say(STAFF, NGK, "存在问题：资金未到位")).contains("请写明任务编号");
        assertThat(bot.app.storage().reports().history(2023, 15)).hasSize((int) before);
        // with nothing reported yet this week, the one task still due is meant (集指科 owes only task 12)
        assertThat(bot.say("sunjie", "wr-demo-jzk", "55% 已对接企业2家")).contains("已记录 集指科 对任务 12");
        assertThat(bot.say("sunjie", "wr-demo-jzk", "问题：运输慢")).contains("请写明任务编号", "任务 12");
    }

    @Test
    void leadersAskInTheirOwnWords_andAreAnsweredByTheCommand_butNothingIsStored() {
        long before = bot.app.storage().reports().history(2023, 12).size();
        assertThat(bot.say(LEADER, LEADERS, "12")).contains("【任务 12】");
        assertThat(bot.say(LEADER, LEADERS, "任务十二怎么样了")).contains("【任务 12】");
        assertThat(bot.say(LEADER, LEADERS, "任务12怎么样了")).contains("【任务 12】");
        assertThat(bot.say(LEADER, LEADERS, "任务 12 进展如何？")).contains("【任务 12】");
        assertThat(bot.say(STAFF, NGK, "任务12最新进展")).as("staff ask about their own task").contains("【任务 12】");
        assertThat(bot.say(LEADER, LEADERS, "农管科")).contains("【农管科】");
        assertThat(bot.say(LEADER, LEADERS, "集指科报了吗")).contains("【集指科】", "报送示例：12 60%");
        assertThat(bot.say(LEADER, LEADERS, "单位 援外干部")).as("the example names the unit's own task")
                .contains("报送示例：8 60%");
        assertThat(bot.say(LEADER, LEADERS, "哪些单位没报")).contains("尚未报齐");
        assertThat(bot.say(LEADER, LEADERS, "导出")).contains("仅限管理员", "请告知办公室", "进度、未报送")
                .doesNotContain("报送进度");
        assertThat(bot.say(LEADER, null, "进度怎么样了")).contains("【进度】", "：暂无报送\n")
                .as("a task nobody reported on says so once").doesNotContain("暂无报送；尚无报送");
        assertThat(bot.say(LEADER, LEADERS, "红灯任务有哪些")).contains("【进度】");
        assertThat(bot.say(LEADER, LEADERS, "帮我写个总结")).contains("没有看懂", "可以发：进度、任务 12、未报送")
                .doesNotContain("报送进度请发");
        assertThat(bot.say(STAFF, NGK, "哪些单位没报")).contains("没有看懂", "报送进度请发");
        assertThat(bot.app.storage().reports().history(2023, 12)).hasSize((int) before);
    }

    @Test
    void aTaskWhoseResponsibleUnitsOweNothing_doesNotCountThemAsLate() {
        bot.say(STAFF, NGK, "12 60% 已对接");
        String task = bot.say(LEADER, LEADERS, "任务 12");
        assertThat(task).contains("【任务 12】", "责任单位 ", "暂无报送（不需定期报送，有进展可随时补充）")
                .doesNotContain("0 个尚未报送");
    }

    @Test
    void adminsRegisterPeopleAndBindChats_andTheEditsSurviveARestart() {
        assertThat(bot.say(ADMIN, "wr-new", "登记 lisi 李四 农管科 联络员")).contains("已登记", "李四", "联络员");
        assertThat(bot.say(ADMIN, "wr-new", "绑定 农发科")).contains("已绑定为农发科");
        assertThat(bot.say(ADMIN, "wr-new", "绑定 农发科")).contains("本群已是农发科的工作群，无需再绑定");
        bot.say(ADMIN, "wr-other", "绑定 领导群");
        assertThat(bot.say(ADMIN, "wr-other", "绑定 农管科")).as("a rebinding says what the group was")
                .contains("已绑定为农管科的工作群（原为领导群，已改绑）");
        assertThat(bot.say(ADMIN, "wr-new", "登记 lisi 李四 火星科 联络员")).contains("没有名为“火星科”的单位");
        assertThat(bot.say(ADMIN, "wr-new", "登记 lisi")).contains("格式不对", "例如");
        assertThat(bot.say(ADMIN, null, "登记 zhouhui 周慧 办公室 联络员")).contains("不能取消自己的管理员身份");
        bot = bot.restart();
        assertThat(bot.say("lisi", NGK, "12 20% 新同事的第一次报送")).contains("已记录 农管科");
        assertThat(bot.app.storage().chats().find("wr-new").orElseThrow().unit()).contains("农发科");
    }

    @Test
    void aRepeatedMessageId_isStoredOnceAndAnsweredOnce() {
        List<Reply> first = bot.send("dup-1", STAFF, NGK, "12 60% 进展");
        List<Reply> again = bot.send("dup-1", STAFF, NGK, "12 60% 进展");
        assertThat(first).hasSize(1);
        assertThat(again).isEmpty();
        assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(1);
        assertThat(bot.app.storage().inbound().count()).isEqualTo(1);
    }

    @Test
    void withoutTaskNumber_theOnlyAwaitingTaskIsUsed_otherwiseTheBotAsks() {
        // 委工会 has exactly one task (16), not due this week (it is due before holidays): still the only candidate.
        assertThat(bot.say("hanmei", "wr-demo-wgh", "40% 已采购中秋慰问品")).contains("任务 16", "40%");
        // 农管科 owes two tasks this week (12, 15, both weekly): the bot asks which, listing them.
        assertThat(bot.say(STAFF, NGK, "60% 已对接")).contains("请写明任务编号", "本周待报送的任务", "任务 12", "任务 15");
        // Quoting the bot's prompt about one task answers that task.
        assertThat(bot.sayQuoting(STAFF, NGK, "60% 已对接", "【任务 12】本周进展请回复")).contains("对任务 12 的报送");
    }

    @Test
    void task17_reportsItsKpi_andTheKpiQueryComparesWith15Percent() {
        bot.say("xuhao", "wr-demo-jgdzb", "17 50% 组织疗休养；援滇人数：6；疗休养总人数：50");
        bot.say("pengyun", "wr-demo-sydzb", "17 40% 组织疗休养；援滇人数：3；疗休养总人数：40");
        String kpi = bot.say(LEADER, LEADERS, "指标");
        assertThat(kpi).contains("援滇人数 9 / 疗休养总人数 90 = 10.0%", "未达标", "尚差 5 人", "机关党支部、事业单位党支部");
        bot.say("chenlei", "wr-demo-dqk", "17 60% 汇总；援滇人数：20；疗休养总人数：120");
        assertThat(bot.say(LEADER, LEADERS, "指标")).contains("20 / 疗休养总人数 120 = 16.7%", "已达标", "党群科（汇总）");
        assertThat(bot.say(STAFF, NGK, "12 60% x；援滇人数：3")).contains("没有数量指标");
        assertThat(bot.say("xuhao", "wr-demo-jgdzb", "17 50% x；援滇人数：60；疗休养总人数：50")).contains("不能多于");
        // written in a sentence, without colons, the counts are read as well
        assertThat(bot.say("chenlei", "wr-demo-dqk", "17 65% 援滇人数21人，疗休养总人数125人"))
                .contains("援滇人数：21；疗休养总人数：125");
        assertThat(bot.say(LEADER, LEADERS, "指标")).contains("21 / 疗休养总人数 125 = 16.8%");
    }

    @Test
    void queriesShowUnitsNotReportedAndProblems() {
        bot.say(STAFF, NGK, "12 60% 进展；问题：冷链成本高");
        String missing = bot.say(LEADER, LEADERS, "未报送");
        // only what is due this week under each task's cadence, from the units that owe it (never contributors)
        assertThat(missing).contains("本周（10月9日—10月15日）5 个单位中 1 个有报送、0 个已报齐", "尚未报齐",
                "农管科（任务 15）", "集指科（任务 12）", "党群科（任务 7、8、9、10）", "援外干部（任务 8）");
        assertThat(missing).doesNotContain("农管科（任务 1、2、3", "农管科（任务 12", "农技中心", "委工会", "任务 5");
        assertThat(bot.say(LEADER, LEADERS, "问题")).contains("问题1 任务12 农管科 10月9日：冷链成本高");
        // A problem is an item now (issue 15): it stays open until solved or left out of the unit's next two reports.
        bot.say(STAFF, NGK, "12 70% 进展；问题：");
        assertThat(bot.say(LEADER, LEADERS, "问题")).contains("问题1 任务12 农管科 10月9日：冷链成本高");
        assertThat(bot.say(LEADER, LEADERS, "单位 农管科")).contains("【农管科】", "★任务 12 推动产业发展：70%（本周已报）｜每周",
                "★任务 15 促进农特产品销售：尚未报送｜本周应报", "参与的任务（可随时补充，不催报）：1、2、3、4、5、6、9、10、11、13、18、19");
        // silence counts once a reporting week: the two reports of the week of 10月9日 are one
        bot.clock.set("2023-10-16T09:00+08:00");
        bot.say(STAFF, NGK, "12 75% 进展");
        assertThat(bot.say(LEADER, LEADERS, "问题")).contains("问题1 任务12 农管科 10月9日：冷链成本高");
        bot.clock.set("2023-10-23T09:00+08:00");
        bot.say(STAFF, NGK, "12 80% 进展");
        assertThat(bot.say(LEADER, LEADERS, "问题")).contains("目前没有未解决的问题", "问题1 未再提及");
        assertThat(bot.say(LEADER, LEADERS, "单位 火星科")).contains("没有名为“火星科”的单位");
        assertThat(bot.say(STAFF, NGK, "我的任务")).contains("【农管科】");
    }

    @Test
    void userTextRepeatedToOthers_cannotMentionLinkOrFormat() {
        bot.say(STAFF, NGK, "12 60% <@zhangjianhua> 请看 [链接](http://x.example)；问题：@all **紧急**");
        String detail = bot.say(LEADER, LEADERS, "任务 12");
        String problems = bot.say(LEADER, LEADERS, "问题");
        for (String s : List.of(detail, problems)) {
            assertThat(s).doesNotContain("<@", "@all", "](", "http://", "**");
        }
        assertThat(problems).contains("＠all");
    }

    @Test
    void dataAreThereAfterARestart() {
        bot.say(STAFF, NGK, "12 60% 进展");
        bot = bot.restart();
        assertThat(bot.say(LEADER, LEADERS, "任务 12")).contains("★农管科 60%");
    }

    @Test
    void remindNow_isAnAdminCommandOfTheEngine_andPutsTheRemindersInTheOutbox() {
        bot.clock.set("2023-10-13T09:10+08:00"); // Friday, before the scheduled private nudge
        assertThat(bot.say(STAFF, NGK, "立即提醒")).contains("仅限管理员");
        assertThat(bot.say(ADMIN, null, "帮助")).contains("立即提醒");
        // week 41: 办公室, 党群科, 农管科, 集指科 and 援外干部 owe reports; contributors are never reminded
        assertThat(bot.say(ADMIN, null, "立即提醒")).startsWith("已私信提醒 5 个未报齐单位的联络员：办公室（王芳）、党群科（陈磊）、"
                + "农管科（刘洋）、集指科（孙杰）、援外干部（袁峰）。共 5 条消息。本周 5 个单位中 0 个有报送、0 个已报齐。");
        assertThat(bot.app.storage().outbox().list(List.of(io.duban.storage.model.OutboxEntry.Status.PENDING), 100))
                .hasSize(5)
                .allSatisfy(e -> assertThat(e.message().address().kind())
                        .isEqualTo(io.duban.storage.model.Address.Kind.PERSON));
    }
}
