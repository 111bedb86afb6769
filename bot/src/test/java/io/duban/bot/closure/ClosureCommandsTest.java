package io.duban.bot.closure;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.bot.status.Colour;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.testing.TestBot;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 申请办结, 销号, 退回办结 and 办结情况 through {@code BotEngine.handle}. Task 15: lead 农管科, responsible 农技中心. */
class ClosureCommandsTest {
    private static final String ADMIN = "zhouhui";
    private static final String NGK_CONTACT = "liuyang";
    private static final String NGK_STAFF = "zhaomin";
    private static final String NJZX = "zhengli";
    private static final String LEADER = "lizhiguo";

    @TempDir
    Path dir;
    TestBot bot;
    WorkPlan plan;

    @BeforeEach
    void start() {
        bot = new TestBot(dir, "2023-11-20T09:00+08:00");
        plan = bot.app().config().currentPlan();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void givenLeadUnitRequest_whenOfficeApproves_thenTaskIsClosedDoneAndNoLongerPrompted() {
        bot.say(NGK_CONTACT, "15 100% 展销活动全部完成");
        bot.say(NJZX, "15 90% 线上销售持续");

        String asked = bot.say(NGK_STAFF, "申请办结 15 全部活动已完成，附销售台账 <@all>");
        assertThat(asked).contains("已提交任务 15 的办结申请", "已通知办公室").doesNotContain("<@");
        List<OutboxEntry> toAdmin = bot.outbox();
        assertThat(toAdmin).hasSize(1);
        assertThat(toAdmin.get(0).message().address()).isEqualTo(Address.person(ADMIN));
        assertThat(toAdmin.get(0).message().content()).contains("【办结申请】", "销号 15").doesNotContain("<@");
        assertThat(bot.say(LEADER, "办结情况")).contains("待审核的办结申请", "任务 15 农管科");

        String closed = bot.say(ADMIN, "销号 15");
        assertThat(closed).contains("已销号：任务 15", "历史记录全部保留", "已在农管科群里通知");
        assertThat(bot.outbox()).hasSize(2);
        assertThat(bot.outbox().get(1).message().address()).isEqualTo(Address.group("wr-demo-ngk"));
        assertThat(bot.say(ADMIN, "销号 15")).contains("已于", "销号");

        var services = bot.app();
        TaskStatus status = services.board().task(plan, plan.task(15).orElseThrow());
        assertThat(status.closed()).isTrue();
        assertThat(status.colour()).isEqualTo(Colour.GREEN);
        assertThat(status.reason()).isEqualTo("已销号");
        assertThat(services.board().openTasks(plan)).extracting(t -> t.number()).doesNotContain(15);
        assertThat(services.reports().awaitingThisWeek(plan, "农技中心")).extracting(t -> t.number())
                .doesNotContain(15);
        assertThat(bot.say(NJZX, "15 95% 继续销售")).contains("已销号");
        assertThat(services.storage().reports().history(plan.year(), 15)).hasSize(2);

        String overview = bot.say(LEADER, "销号情况");
        assertThat(overview).contains("已销号 1 项", "未销号 18 项", "✅ 任务 15");
    }

    @Test
    void onlyTheLeadUnitRequests_withEvidence() {
        assertThat(bot.say(NJZX, "申请办结 15 已完成")).contains("不是任务 15 的牵头单位", "农管科");
        assertThat(bot.say(NGK_CONTACT, "申请办结 15")).contains("请写明办结依据");
        assertThat(bot.say(NGK_CONTACT, "申请办结 15 好")).contains("请写明办结依据");
        assertThat(bot.say(NGK_CONTACT, "申请办结")).contains("请写明任务编号和办结依据");
        assertThat(bot.say(NGK_CONTACT, "申请办结 99 全部完成了")).contains("没有任务 99", "例如：申请办结 15")
                .doesNotContain("60%");
        assertThat(bot.say(ADMIN, "销号 99")).contains("没有任务 99", "例如：销号 15").doesNotContain("60%");
        assertThat(bot.outbox()).isEmpty();
        assertThat(bot.app().storage().closures().all(plan.year())).isEmpty();
    }

    @Test
    void officeReturnsARequest_withAReason_andTheLeadUnitAsksAgain() {
        assertThat(bot.say(ADMIN, "销号 15")).contains("还没有待审核的办结申请", "申请办结 15");
        assertThat(bot.say(ADMIN, "退回办结 15 材料不全")).contains("没有待审核的办结申请");
        bot.say(NGK_CONTACT, "申请办结 15 全部活动已完成");
        assertThat(bot.say(ADMIN, "退回办结 15")).contains("请写明退回原因");

        String returned = bot.say(ADMIN, "退回办结 15 请补充验收材料");
        assertThat(returned).contains("已退回任务 15 的办结申请", "请补充验收材料");
        OutboxEntry notice = bot.outbox().get(bot.outbox().size() - 1);
        assertThat(notice.message().address()).isEqualTo(Address.group("wr-demo-ngk"));
        assertThat(notice.message().mentions()).containsExactly(NGK_CONTACT);
        assertThat(notice.message().content()).contains("【办结申请退回】", "请补充验收材料");
        assertThat(bot.app().storage().closures().isClosed(plan.year(), 15)).isFalse();
        assertThat(bot.say(LEADER, "办结情况")).contains("任务 15", "办结申请被退回");

        assertThat(bot.say(NGK_CONTACT, "申请办结 15 全部活动已完成，附验收报告")).contains("已提交");
        assertThat(bot.say(ADMIN, "销号 15")).contains("已销号");
        assertThat(bot.app().storage().closures().all(plan.year())).hasSize(4);
    }

    @Test
    void permissions() {
        bot.say(NGK_CONTACT, "申请办结 15 全部活动已完成");
        assertThat(bot.say(NGK_CONTACT, "销号 15")).contains("仅限管理员");
        assertThat(bot.say(LEADER, "销号 15")).contains("仅限管理员");
        assertThat(bot.say(LEADER, "退回办结 15 不行")).contains("仅限管理员");
        assertThat(bot.say(NGK_CONTACT, "办结情况")).contains("仅限领导和管理员");
        assertThat(bot.app().storage().closures().isClosed(plan.year(), 15)).isFalse();
    }
    @Test
    void aClosingWordWithATaskNumber_doesNothing_andShowsEachRoleWhatToSend() {
        for (String text : List.of("办结 15", "办结15", "结项：任务15", "办结第15项。")) {
            assertThat(bot.say(ADMIN, text)).as(text).contains("销号 15").doesNotContain("请写明任务编号", "没有看懂");
            assertThat(bot.say(NGK_CONTACT, text)).as(text)
                    .contains("申请办结 15", "15 100% 已完成", "本条未记录");
            assertThat(bot.say(LEADER, text)).as(text).contains("任务 15", "办结情况");
            assertThat(bot.say(NJZX, text)).as("a responsible unit: only the lead unit applies; %s", text)
                    .contains("牵头单位（农管科）", "15 100% 已完成").doesNotContain("申请办结 15");
        }
        assertThat(bot.say(NGK_CONTACT, "办结 99")).contains("没有任务 99", "本条未记录");
        assertThat(bot.app().storage().closures().isClosed(plan.year(), 15)).isFalse();
        assertThat(bot.app().storage().reports().history(plan.year(), 15)).isEmpty();
        assertThat(bot.outbox()).as("nobody was notified").isEmpty();
        // the task first, saying it is done, stays a report; the command words keep their commands
        assertThat(bot.say(NGK_CONTACT, "任务15办结")).contains("已记录");
        assertThat(bot.say(NGK_STAFF, "申请办结 15")).contains("请写明办结依据");
        assertThat(bot.say(LEADER, "办结情况")).contains("未销号");
    }
}
