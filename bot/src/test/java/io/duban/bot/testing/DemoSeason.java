package io.duban.bot.testing;

import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.roster.Role;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Ten weeks of plausible reports through the chat: each week from August 7 the lead unit of most tasks reports a
 * little more progress, some tasks fall behind, one is blocked, one is closed. Data for the picture and the 台账.
 */
public final class DemoSeason {
    private DemoSeason() {
    }

    /** Leaves the clock at Monday 2023-10-16 09:00. */
    public static void seed(TestBot bot) {
        WorkPlan plan = bot.app().config().currentPlan();
        Organization org = bot.app().config().organization();
        List<Person> people = bot.app().config().roster().people();
        LocalDate monday = LocalDate.of(2023, 8, 7);
        for (int week = 0; week < 10; week++) {
            LocalDate day = monday.plusWeeks(week).plusDays(3);
            bot.clock().set(day.atTime(LocalTime.of(10, 0)).atZone(TestBot.ZONE).toInstant());
            for (PlanTask t : plan.tasks()) {
                if (t.number() % 5 == week % 5 && t.number() != 7) {
                    continue; // some weeks without a report
                }
                String unit = org.expand(t.leadUnits()).get(0);
                String who = contact(people, unit);
                int pace = t.number() % 3 == 0 ? 4 : t.number() % 3 == 1 ? 7 : 9;
                int percent = Math.min(100, 5 + pace * (week + 1));
                String text = t.number() == 12 && week >= 7
                        ? t.number() + " 受阻 " + Math.min(percent, 50) + "% 项目资金未到位；问题：资金拨付延迟；下一步：协调区财政"
                        : t.number() + " " + percent + "% 第" + (week + 1) + "周推进：完成阶段工作" + (week + 1)
                                + "项；问题：" + (t.number() % 4 == 0 ? "对口地区人员调整" : "无")
                                + "；下一步：继续对接";
                bot.say(who, text);
            }
        }
        bot.say("liuyang", "更正 15 75% 已对接企业4家，冷链问题已解决");
        bot.say("zhouhui", "核查 15 通过");
        bot.say("zhouhui", "退回 13 请补充合作项目清单");
        bot.say("hanmei", "申请办结 16 全部福利采购已完成，附采购清单");
        bot.say("zhouhui", "销号 16");
        bot.clock().set(LocalDate.of(2023, 10, 16).atTime(9, 0).atZone(TestBot.ZONE).toInstant());
    }

    private static String contact(List<Person> people, String unit) {
        return people.stream().filter(p -> p.unit().equals(unit) && p.role() != Role.LEADER)
                .sorted((a, b) -> a.role() == Role.CONTACT ? -1 : b.role() == Role.CONTACT ? 1 : 0)
                .findFirst().orElseThrow(() -> new IllegalStateException("no person in " + unit)).userId();
    }
}
