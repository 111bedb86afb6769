package io.duban.bot.schedule;

import io.duban.plan.PlanTask;
import io.duban.roster.Person;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Friday's reminders for units that have not reported this week: first privately to each unit's contact, then one
 * message per unit group that @-mentions only that unit's contacts (never the whole group, never @all).
 */
final class NudgeComposers {
    private final RhythmContext ctx;
    private final DayShifter shifter;

    NudgeComposers(RhythmContext ctx, DayShifter shifter) {
        this.ctx = ctx;
        this.shifter = shifter;
    }

    /** Units with open tasks and no report this week, in organization order. */
    List<String> missingUnits(IsoWeek week, LocalDate day) {
        ReportView reports = new ReportView(ctx.storage().reports().effectiveInWeek(ctx.plan().year(), week.key()));
        Set<String> reported = reports.unitsReportedIn(week);
        return ctx.reportingUnits(day).stream().filter(u -> !reported.contains(u)).toList();
    }

    Composer privateNudge() {
        return run -> {
            IsoWeek week = IsoWeek.of(run.nominalDate());
            Recipients to = Recipients.load(ctx.storage());
            String due = due(week, run);
            List<OutboundMessage> out = new ArrayList<>();
            for (String unit : missingUnits(week, run.at().toLocalDate())) {
                for (Person contact : to.contacts(unit)) {
                    String text = contact.name() + "您好！" + unit + "本周（第" + week.week() + "周）的工作进展还没有收到。"
                            + "请在 " + due + " 前，在本单位群里 @" + ctx.botName() + " 报送，格式：\n"
                            + example(unit, run) + "\n如已报送，请忽略本消息。谢谢！";
                    out.add(OutboundMessage.text(Address.person(contact.userId()), text, List.of(),
                            run.dedupeKey(contact.userId())));
                }
            }
            return out;
        };
    }

    Composer groupReminder() {
        return run -> {
            IsoWeek week = IsoWeek.of(run.nominalDate());
            Recipients to = Recipients.load(ctx.storage());
            String due = due(week, run);
            List<OutboundMessage> out = new ArrayList<>();
            for (String unit : missingUnits(week, run.at().toLocalDate())) {
                List<Person> contacts = to.contacts(unit);
                List<String> mentions = contacts.stream().map(Person::userId).toList();
                String who = contacts.isEmpty() ? "请本单位联络员"
                        : "请联络员" + String.join("、", contacts.stream().map(Person::name).toList());
                String text = "温馨提醒：" + unit + "本周（第" + week.week() + "周）的工作进展还没有收到，" + who
                        + "在 " + due + " 前 @" + ctx.botName() + " 报送，格式：\n" + example(unit, run) + "\n谢谢！";
                for (String chat : to.unitChats(unit)) {
                    out.add(OutboundMessage.text(Address.group(chat), text, mentions, run.dedupeKey(chat)));
                }
            }
            return out;
        };
    }

    private String due(IsoWeek week, PlannedRun run) {
        return ReplyDeadline.text(ctx, shifter, week, run.at().toLocalDateTime());
    }

    private String example(String unit, PlannedRun run) {
        List<PlanTask> tasks = ctx.tasksOf(unit, run.at().toLocalDate());
        int n = tasks.isEmpty() ? 1 : tasks.get(0).number();
        return "@" + ctx.botName() + " " + n + " 60% 本周进展；问题：…；下一步：…";
    }
}
