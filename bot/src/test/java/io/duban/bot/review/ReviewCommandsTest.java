package io.duban.bot.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.report.ReportingWeek;
import io.duban.bot.testing.TestBot;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 核查 and 退回 through {@code BotEngine.handle} on a real SQLite file. Task 15: lead 农管科, responsible 农技中心. */
class ReviewCommandsTest {
    private static final String ADMIN = "zhouhui";
    private static final String NGK = "liuyang";   // 农管科 contact
    private static final String NJZX = "zhengli";  // 农技中心 contact
    private static final String LEADER = "lizhiguo";

    @TempDir
    Path dir;
    TestBot bot;
    WorkPlan plan;

    @BeforeEach
    void start() {
        bot = new TestBot(dir, "2023-10-09T09:00+08:00");
        plan = bot.app().config().currentPlan();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void givenTwoUnitsReported_whenAdminChecksWithoutUnit_thenAsksWhichAndPassesTheNamedOne() {
        bot.say(NGK, "15 40% 已对接企业3家；问题：冷链成本高");
        bot.say(NJZX, "15 30% 完成展销筹备");

        assertThat(bot.say(ADMIN, "核查")).contains("待核查的报送（2 条）", "任务 15 农管科", "任务 15 农技中心");
        assertThat(bot.app().reviewReplies().uncheckedSummary(plan, 1))
                .hasValue("待核查报送 2 条：任务 15 农管科等。核查请发：核查");
        String ask = bot.say(ADMIN, "核查 15 通过");
        assertThat(ask).contains("2 个单位的报送待核查", "农管科", "农技中心", "核查 15 农管科 通过");

        String passed = bot.say(ADMIN, "核查 15 农技中心 通过");
        assertThat(passed).contains("已核查通过", "农技中心", "已在农技中心群里通知");
        List<OutboxEntry> out = bot.outbox();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).message().address()).isEqualTo(Address.group("wr-demo-njzx"));
        assertThat(out.get(0).message().content()).contains("【核查通过】", "任务 15");
        assertThat(out.get(0).message().dedupeKey()).hasValueSatisfying(k -> assertThat(k).startsWith("review:"));

        // only 农管科 is left unchecked, so the unit may be left out now
        assertThat(bot.app().review().unchecked(plan)).extracting(r -> r.unit()).containsExactly("农管科");
        assertThat(bot.say(ADMIN, "核查 15 通过")).contains("已核查通过", "农管科");
        assertThat(bot.app().review().unchecked(plan)).isEmpty();
        assertThat(bot.app().reviewReplies().uncheckedSummary(plan, 5)).isEmpty();
        assertThat(bot.say(ADMIN, "核查")).contains("没有待核查");
        assertThat(bot.say(ADMIN, "核查 15 农管科 通过")).contains("无需重复");
    }

    @Test
    void givenReturnedReport_thenUnitCountsAsNotReportedUntilItResubmits() {
        bot.say(NGK, "15 30% 完成展销筹备"); // 农管科 leads and owes task 15 (农技中心 only contributes)
        ReportingWeek week = ReportingWeek.of(LocalDate.of(2023, 10, 9));
        var board = bot.app().board();
        var reports = bot.app().reports();
        assertThat(board.unitsNotReported(plan, week).getOrDefault("农管科", List.of())).doesNotContain(15);

        String returned = bot.say(ADMIN, "退回 15 农管科 请补充采购金额 <@all> [链接](http://x.y)");
        assertThat(returned).contains("已退回", "计为未报送");
        OutboxEntry notice = bot.outbox().get(0);
        assertThat(notice.message().address()).isEqualTo(Address.group("wr-demo-ngk"));
        assertThat(notice.message().mentions()).containsExactly(NGK);
        assertThat(notice.message().content()).contains("【报送退回】", "请补充采购金额")
                .doesNotContain("<@", "](", "http://");

        assertThat(board.unitsNotReported(plan, week).get("农管科")).contains(15);
        assertThat(reports.awaitingThisWeek(plan, "农管科")).extracting(t -> t.number()).contains(15);

        bot.advance(Duration.ofHours(2));
        bot.say(NGK, "15 35% 采购金额12万元");
        assertThat(board.unitsNotReported(plan, week).getOrDefault("农管科", List.of())).doesNotContain(15);
        assertThat(reports.awaitingThisWeek(plan, "农管科")).extracting(t -> t.number()).doesNotContain(15);
        assertThat(bot.say(ADMIN, "核查")).contains("任务 15 农管科", "35%");
        // a contributor's report is never missing, returned or not
        assertThat(board.unitsNotReported(plan, week)).doesNotContainKey("农技中心");
    }

    @Test
    void givenOneReport_whenAdminReturnsWithoutUnit_thenThatReportIsReturned_andReasonIsRequired() {
        bot.say(NGK, "15 40% 已对接企业3家");
        assertThat(bot.say(ADMIN, "退回 15")).contains("请写明退回原因", "退回 15 请补充采购金额");
        assertThat(bot.say(ADMIN, "退回")).contains("请写明任务编号和退回原因");
        assertThat(bot.say(ADMIN, "退回 99 缺数据")).contains("没有任务 99", "例如：退回 12 请补充采购金额");
        assertThat(bot.say(ADMIN, "退回 15 农技中心 缺数据")).contains("农技中心 还没有任务 15 的有效报送");
        assertThat(bot.say(ADMIN, "退回 15 党群科 缺数据")).contains("党群科 不是任务 15 的牵头或责任单位");
        assertThat(bot.say(ADMIN, "核查 14 通过")).contains("还没有任何单位报送");
        assertThat(bot.say(ADMIN, "核查 15 好的")).contains("没有看懂核查结果");

        assertThat(bot.say(ADMIN, "退回 15 请补充采购金额")).contains("已退回", "农管科");
        assertThat(bot.outbox()).hasSize(1);
        assertThat(bot.say(ADMIN, "核查 15")).contains("已退回（请补充采购金额）");
        // a returned report may be passed after all
        assertThat(bot.say(ADMIN, "核查 15 通过")).contains("已核查通过");
    }

    @Test
    void onlyAdminsReviewReports() {
        bot.say(NGK, "15 40% 已对接企业3家");
        assertThat(bot.say(NGK, "核查 15 通过")).contains("仅限管理员");
        assertThat(bot.say(LEADER, "退回 15 请补充")).contains("仅限管理员");
        assertThat(bot.say(NJZX, "核查")).contains("仅限管理员");
        assertThat(bot.outbox()).isEmpty();
        assertThat(bot.app().review().unchecked(plan)).hasSize(1);
    }
}
