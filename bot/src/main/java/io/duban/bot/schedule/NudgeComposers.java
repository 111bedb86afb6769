package io.duban.bot.schedule;

import io.duban.bot.text.UserText;
import io.duban.roster.Person;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Friday's reminders for units that still owe reports due this week: first privately to each unit's contact, then
 * one message per unit group that @-mentions only that unit's contacts (never the whole group, never @all).
 * "Owing" is the due component's definition (the 未报送 command shows the same list): only units that owe a task
 * under its cadence, never its contributors.
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

    private Map<String, List<DueTexts.Item>> missingItems(IsoWeek week, Instant at) {
        return WeeklyPromptComposer.dueByUnit(ctx, week, at);
    }

    Composer privateNudge() {
        return run -> {
            IsoWeek week = IsoWeek.of(run.nominalDate());
            Recipients to = Recipients.load(ctx.storage());
            String due = due(week, run);
            List<OutboundMessage> out = new ArrayList<>();
            missingItems(week, run.at().toInstant()).forEach((unit, items) -> {
                for (Person contact : to.contacts(unit)) {
                    String text = name(contact) + "您好！" + unit + "本周（第" + week.week() + "周）还有 " + items.size()
                            + " 项没有收到：" + DueTexts.labels(items) + "。" + due + "直接在这里回复我（或在本单位群里 @"
                            + ctx.botName() + "）。" + DueTexts.howTo(items.size()) + "\n"
                            + String.join("\n", DueTexts.example(items, ""))
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
            missingItems(week, run.at().toInstant()).forEach((unit, items) -> {
                List<Person> contacts = to.contacts(unit);
                List<String> mentions = contacts.stream().map(Person::userId).toList();
                String who = contacts.isEmpty() ? "请本单位联络员"
                        : "请联络员" + String.join("、", contacts.stream().map(NudgeComposers::name).toList());
                String text = "温馨提醒：" + unit + "本周（第" + week.week() + "周）还有 " + items.size() + " 项没有收到："
                        + DueTexts.labels(items) + "。" + who + due.replaceFirst("^请", "") + " @" + ctx.botName()
                        + " 报送。" + DueTexts.howTo(items.size()) + "\n"
                        + String.join("\n", DueTexts.example(items, "@" + ctx.botName() + " ")) + "\n谢谢！";
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

}
