package io.duban.bot.schedule;

import io.duban.bot.text.UserText;
import io.duban.roster.Person;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Friday's reminders for units that still owe this week's report: first privately to each unit's contact, then one
 * message per unit group that @-mentions only that unit's contacts (never the whole group, never @all). "Owing"
 * is the status board's definition (the 未报送 command shows the same list).
 */
final class NudgeComposers {
    private final RhythmContext ctx;
    private final ReplyDeadline deadline;

    NudgeComposers(RhythmContext ctx, ReplyDeadline deadline) {
        this.ctx = ctx;
        this.deadline = deadline;
    }

    /** Units that owe a report in the week, with the open tasks they owe, in organization order. */
    Map<String, List<Integer>> missingUnits(IsoWeek week, Instant at) {
        return ctx.board(at).unitsNotReported(ctx.plan(), week.reportingWeek());
    }

    Composer privateNudge() {
        return run -> {
            IsoWeek week = IsoWeek.of(run.nominalDate());
            Recipients to = Recipients.load(ctx.storage());
            String due = due(week, run);
            List<OutboundMessage> out = new ArrayList<>();
            missingUnits(week, run.at().toInstant()).forEach((unit, tasks) -> {
                for (Person contact : to.contacts(unit)) {
                    String text = name(contact) + "您好！" + unit + "本周（第" + week.week() + "周）还有任务 "
                            + numbers(tasks) + " 的进展没有收到。" + due + "报送：可直接在这里回复我，或在本单位群里 @"
                            + ctx.botName() + "，每项任务一条，格式：\n" + example(tasks)
                            + "\n如已报送，请忽略本消息。谢谢！";
                    out.add(OutboundMessage.text(Address.person(contact.userId()), text, List.of(),
                            run.dedupeKey(contact.userId())));
                }
            });
            return out;
        };
    }

    Composer groupReminder() {
        return run -> {
            IsoWeek week = IsoWeek.of(run.nominalDate());
            Recipients to = Recipients.load(ctx.storage());
            String due = due(week, run);
            List<OutboundMessage> out = new ArrayList<>();
            missingUnits(week, run.at().toInstant()).forEach((unit, tasks) -> {
                List<Person> contacts = to.contacts(unit);
                List<String> mentions = contacts.stream().map(Person::userId).toList();
                String who = contacts.isEmpty() ? "请本单位联络员"
                        : "请联络员" + String.join("、", contacts.stream().map(NudgeComposers::name).toList());
                String text = "温馨提醒：" + unit + "本周（第" + week.week() + "周）任务 " + numbers(tasks)
                        + " 的进展还没有收到，" + who + due.replaceFirst("^请", "") + " @" + ctx.botName() + " 报送，格式：\n"
                        + example(tasks) + "\n谢谢！";
                for (String chat : to.unitChats(unit)) {
                    out.add(OutboundMessage.text(Address.group(chat), text, mentions, run.dedupeKey(chat)));
                }
            });
            return out;
        };
    }

    private String due(IsoWeek week, PlannedRun run) {
        return deadline.text(week);
    }

    /** Names can be edited in chat by admins; in messages they are treated like any user text. */
    private static String name(Person p) {
        return UserText.escape(p.name(), 20);
    }

    private static String numbers(List<Integer> tasks) {
        return tasks.stream().map(String::valueOf).collect(Collectors.joining("、"));
    }

    private String example(List<Integer> tasks) {
        return "@" + ctx.botName() + " " + (tasks.isEmpty() ? 1 : tasks.get(0)) + " 60% 本周进展；问题：…；下一步：…";
    }
}
