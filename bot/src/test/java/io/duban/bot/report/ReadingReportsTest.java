package io.duban.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.testing.TestBot;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the bot reads what people type, end to end through the engine, on the shipped plan and a real SQLite file. */
class ReadingReportsTest {
    static final String NGK = "wr-demo-ngk";
    static final String STAFF = "liuyang";     // 农管科: leads 12 and 15, responsible for 13
    static final String LEADER = "lizhiguo";
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

    private ProgressReport latest(int task) {
        return bot.app.storage().reports().latestEffective(2023, task, "农管科").orElseThrow();
    }

    @Test
    void threeTasksOnThreeLines_storeThreeReports_andAnswerOnceCompactly() {
        String reply = bot.say(STAFF, NGK, "@督办助手 12 60% 已对接企业\n问题：冷链成本高\n15 65% 上架产品\n13 50% 洽谈咖啡合作");
        assertThat(reply).startsWith("已记录 3 项：12 60%、15 65%、13 50%");
        assertThat(reply.lines().count()).isLessThanOrEqualTo(20);
        assertThat(latest(12).problems()).isEqualTo("冷链成本高");
        assertThat(latest(15).progress()).isEqualTo("上架产品");
        assertThat(latest(15).problems()).isEmpty();
        assertThat(latest(13).percent()).hasValue(50);
        assertThat(bot.app.storage().inbound().count()).isEqualTo(1);
    }

    @Test
    void aPartThatCannotBeRead_isQuotedWithWhyAndAnExample_theOthersAreStored() {
        String reply = bot.say(STAFF, NGK, "12 60% 已对接企业；15 过半 上架产品");
        assertThat(reply).contains("已记录 1 项：12 60%", "未记录 1 项", "“15 过半 上架产品”", "过半", "例如：15 60% 上架产品");
        assertThat(bot.app.storage().reports().latestEffective(2023, 15, "农管科")).isEmpty();
    }

    @Test
    void theSameLineTwiceWithinTenMinutes_isStoredOnce_andSaysSo() {
        bot.say(STAFF, NGK, "12 60% 已对接企业");
        bot.advance(Duration.ofMinutes(3));
        assertThat(bot.say(STAFF, NGK, "12 60% 已对接企业")).contains("记录过", "未重复记录");
        assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(1);
        bot.advance(Duration.ofMinutes(11));
        assertThat(bot.say(STAFF, NGK, "12 60% 已对接企业")).contains("已记录");
        assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(2);
    }

    @Test
    void aRepeatInsideSeveralReports_isListedApart() {
        bot.say(STAFF, NGK, "12 60% 已对接企业");
        String reply = bot.say(STAFF, NGK, "12 60% 已对接企业\n15 40% 上架产品");
        assertThat(reply).contains("已记录 1 项：15 40%", "已记录过", "12");
        assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(1);
    }

    @Test
    void aTextOnlyUpdate_keepsPercentAndStatus_andTheEchoSaysSo() {
        bot.say(STAFF, NGK, "15 受阻 35% 等待资金");
        bot.advance(Duration.ofHours(1));
        String reply = bot.say(STAFF, NGK, "15 本周上架产品4款");
        assertThat(reply).contains("已记录", "进度：沿用上次 35%", "进展：本周上架产品4款");
        assertThat(latest(15).percent()).hasValue(35);
        assertThat(latest(15).status()).contains(ReportStatus.BLOCKED);
    }

    @Test
    void percentsInEveryForm_andInvisibleCharacters_storeWhatWasWritten() {
        bot.say(STAFF, NGK, "１２ ６０％ 全角");
        assertThat(latest(12).percent()).hasValue(60);
        bot.say(STAFF, NGK, "1\u200b5 六成 上架@督办助手\u2005产品");
        assertThat(latest(15).percent()).hasValue(60);
        assertThat(latest(15).progress()).isEqualTo("上架产品");
        long inbound = latest(15).inboundId().orElseThrow();
        String arrived = bot.app.storage().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT text FROM inbound_message WHERE id = :id").bind("id", inbound).mapTo(String.class).one());
        assertThat(arrived).as("the stored message keeps what arrived").isEqualTo("1\u200b5 六成 上架@督办助手\u2005产品");
        assertThat(bot.app.storage().reports().latestEffective(2023, 1, "农管科")).isEmpty();
        bot.say(STAFF, NGK, "第十三项 百分之五十");
        assertThat(latest(13).percent()).hasValue(50);
        assertThat(bot.say(STAFF, NGK, "12 本月销售额增长20%，总体进度70%")).contains("进度：70%");
        assertThat(latest(12).percent()).hasValue(70);
    }

    @Test
    void statusVariants() {
        bot.say(STAFF, NGK, "15 40% 上架产品");
        assertThat(bot.say(STAFF, NGK, "15 暂停 等待资金到位")).contains("进度：沿用上次 40%（受阻）");
        assertThat(latest(15).status()).contains(ReportStatus.BLOCKED);
        assertThat(latest(15).progress()).isEqualTo("等待资金到位");
        bot.say(STAFF, NGK, "15 完成了");
        assertThat(latest(15).status()).contains(ReportStatus.DONE);
        assertThat(latest(15).percent()).hasValue(100);
    }

    @Test
    void noProblem_isNotListedAsAProblem() {
        bot.say(STAFF, NGK, "12 60% 已对接企业；问题：无");
        bot.say(STAFF, NGK, "15 40% 上架产品；存在问题：暂无");
        assertThat(latest(12).problems()).isEmpty();
        assertThat(bot.say(LEADER, LEADERS, "问题")).contains("没有未解决的问题");
    }

    @Test
    void noChangeAlone_coversEveryTaskStillOwed() {
        bot.say(STAFF, NGK, "12 60% 已对接企业");
        bot.clock.set("2023-10-16T09:00+08:00");
        bot.say(STAFF, NGK, "15 40% 上架产品");
        String reply = bot.say(STAFF, NGK, "无变化");
        assertThat(reply).contains("已记录", "本期无变化", "12 推动产业发展 60%");
        assertThat(latest(12).noChange()).isTrue();
        assertThat(latest(12).percent()).hasValue(60);
        assertThat(latest(12).reportWeek()).isEqualTo("2023-W42");
        assertThat(bot.app.storage().reports().history(2023, 15)).hasSize(1);
    }

    @Test
    void reportsThenTheRestUnchanged_storeTheReports_andKeepEveryOtherTaskStillOwed() {
        bot.say(STAFF, NGK, "12 60% 已对接企业\n15 40% 上架产品");
        bot.clock.set("2023-10-16T09:00+08:00");
        String reply = bot.say(STAFF, NGK, "12 65% 已办产销对接会\n其余无变化");
        assertThat(reply).startsWith("已记录 农管科 对任务 12 的报送").contains("本期无变化 1 项", "15 促进农特产品销售 40%");
        assertThat(reply.lines().count()).isLessThanOrEqualTo(20);
        assertThat(latest(12).percent()).hasValue(65);
        assertThat(latest(12).noChange()).as("12 was reported, not kept").isFalse();
        assertThat(latest(15).noChange()).isTrue();
        assertThat(latest(15).percent()).hasValue(40);
        assertThat(latest(15).reportWeek()).isEqualTo("2023-W42");
        assertThat(bot.say(STAFF, NGK, "无变化")).as("nothing is owed any more").contains("没有待报送的任务");

        bot.clock.set("2023-10-23T09:00+08:00");
        assertThat(bot.say(STAFF, NGK, "其他任务本周均无变化。\n12 70% 已签约"))
                .contains("已记录 农管科 对任务 12 的报送", "本期无变化 1 项", "15 促进农特产品销售 40%");
        bot.clock.set("2023-10-30T09:00+08:00");
        assertThat(bot.say(STAFF, NGK, "12 过半\n其余无变化")).as("12 was meant, not kept: nothing is stored")
                .contains("过半", "“其余无变化”暂未记录").doesNotContain("已记录");
        assertThat(latest(15).reportWeek()).isEqualTo("2023-W43");
    }

    @Test
    void aVeryLongReport_isStoredWhole_andEchoedWithinOnePhoneScreen() {
        String progress = "本周对接企业若干家，".repeat(30) + "结束";
        String problem = "冷链成本高，".repeat(30) + "待协调";
        String reply = bot.say(STAFF, NGK, "12 60% " + progress + "；问题：" + problem + "；下一步：" + progress);
        assertThat(reply).contains("已记录", "全文已保存").doesNotContain("结束");
        assertThat(reply.length()).as("about one phone screen").isLessThanOrEqualTo(450);
        assertThat(reply.lines().count()).isLessThanOrEqualTo(20);
        assertThat(latest(12).progress()).isEqualTo(progress);
        assertThat(latest(12).problems()).isEqualTo(problem);
    }

    @Test
    void manyLinesThatCannotBeStored_stillFitOnePhoneScreen() {
        StringBuilder message = new StringBuilder();
        for (int task : new int[] {1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 15, 18, 19}) {
            message.append(task).append(task % 2 == 0 ? " 过半 " : " 40% ")
                    .append("本周开展了大量工作，包括调研、座谈、对接、签约等等，情况良好，继续推进各项工作落实落细\n");
        }
        String reply = bot.say(STAFF, NGK, message.toString());
        assertThat(reply).startsWith("已记录 8 项").contains("未记录 6 项", "另有 3 项未记录");
        assertThat(reply.length()).as("about one phone screen").isLessThanOrEqualTo(450);
        assertThat(reply.lines().count()).isLessThanOrEqualTo(20);
    }

    @Test
    void socialWords_getAShortFriendlyAnswer_neverNotUnderstood() {
        String reply = bot.say(STAFF, NGK, "@督办助手 收到");
        assertThat(reply).startsWith("好的！").contains("本周还待报送", "12").doesNotContain("没有看懂");
        assertThat(bot.say(STAFF, NGK, "谢谢👍")).startsWith("不客气！");
        assertThat(bot.say(LEADER, LEADERS, "好的")).isEqualTo("好的！");
        assertThat(bot.say(STAFF, NGK, "今天天气不错")).contains("没有看懂");
        assertThat(bot.say(STAFF, NGK, "你好")).startsWith("您好！");
        assertThat(bot.say(STAFF, NGK, "在吗？")).startsWith("在的。");
        assertThat(bot.say(STAFF, NGK, "这个机器人怎么用")).as("asking how is asking for help")
                .startsWith("督办助手").contains("报送：12 60%");
        assertThat(bot.say(STAFF, NGK, "怎么报送？")).startsWith("督办助手");
    }

    @Test
    void withdrawingTakesTheSameTaskForms() {
        bot.say(STAFF, NGK, "12 60% 已对接企业");
        assertThat(bot.say(STAFF, NGK, "撤回 第十二项")).contains("已撤回", "任务 12");
        assertThat(bot.say(STAFF, NGK, "撤回 12、15")).contains("一项任务编号", "例如：撤回 12");
    }

    @Test
    void noiseNeverChangesWhatIsStored_aNoisyCopyIsTheSameReport() {
        String clean = "12 60% 本周已对接企业2家；问题：冷链成本高；下一步：组织产销对接会";
        bot.say(STAFF, NGK, clean);
        ProgressReport first = latest(12);
        for (long seed = 1; seed <= 30; seed++) {
            String noisy = ParserPropertiesTest.noisy(clean, new java.util.Random(seed));
            assertThat(bot.say(STAFF, NGK, noisy)).as("seed %d: %s", seed, noisy).contains("记录过");
        }
        assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(1);
        bot.advance(Duration.ofMinutes(11));
        bot.say(STAFF, NGK, ParserPropertiesTest.noisy(clean, new java.util.Random(99)));
        ProgressReport again = latest(12);
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again).usingRecursiveComparison().comparingOnlyFields("percent", "status", "progress", "problems",
                "nextSteps").isEqualTo(first);
    }

    @Test
    void noChangeAlone_withATaskNeverReported_storesNothingAndSaysWhichOnce() {
        bot.say(STAFF, NGK, "12 60% 已对接企业");
        bot.clock.set("2023-10-16T09:00+08:00");
        String reply = bot.say(STAFF, NGK, "同上周");
        assertThat(reply).startsWith("未记录").contains("还没有报送过", "例如");
        assertThat(reply.lines().count()).isLessThanOrEqualTo(20);
        assertThat(bot.app.storage().reports().history(2023, 12)).hasSize(1);
    }

    @Test
    void everyTaskInOneMessage_oneShortAnswer_thenNoChangeHasNothingLeft() {
        StringBuilder all = new StringBuilder();
        for (int task : new int[] {1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 15, 18, 19}) {
            all.append(task).append(" 10% 本周进展").append(task).append('\n');
        }
        String reply = bot.say(STAFF, NGK, all.toString());
        assertThat(reply).startsWith("已记录 14 项：1 10%、2 10%");
        assertThat(reply.lines().count()).isLessThanOrEqualTo(3);
        assertThat(bot.say(STAFF, NGK, "无变化")).contains("没有待报送的任务", "例如");
    }

    @Test
    void namedNoChange_keepsEachTasksPercent() {
        bot.say(STAFF, NGK, "12 60% 已对接企业\n15 40% 上架产品");
        bot.clock.set("2023-10-16T09:00+08:00");
        assertThat(bot.say(STAFF, NGK, "12、15 无变化")).startsWith("已记录 农管科 本期无变化 2 项")
                .contains("12 推动产业发展 60%", "15 促进农特产品销售 40%");
        assertThat(latest(15).noChange()).isTrue();
        assertThat(latest(15).percent()).hasValue(40);
        assertThat(bot.say(STAFF, NGK, "13 同上周")).contains("未记录", "还没有报送过", "例如");
        assertThat(bot.say(STAFF, NGK, "14 无变化")).contains("不是任务 14 的牵头或责任单位");
    }

    @Test
    void aTaskAskedInChineseNumerals_isShown() {
        assertThat(bot.say(LEADER, LEADERS, "任务 十二")).contains("任务 12");
    }
}
