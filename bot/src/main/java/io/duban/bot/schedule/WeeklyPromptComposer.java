package io.duban.bot.schedule;

import io.duban.bot.duty.Due;
import io.duban.bot.duty.DueCalculator;
import io.duban.bot.duty.ReportFacts;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thursday's prompt into each unit's group, only for units that owe something this week: the tasks due from it
 * (short title, period when not weekly, last figure; one line each), the time replies are due, and one example
 * reply that covers all of them on separate lines, with "无变化" for a task without news.
 */
final class WeeklyPromptComposer implements Composer {
    private final RhythmContext ctx;
    private final ReplyDeadline deadline;

    WeeklyPromptComposer(RhythmContext ctx, ReplyDeadline deadline) {
        this.ctx = ctx;
        this.deadline = deadline;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        IsoWeek week = IsoWeek.of(run.nominalDate());
        Recipients to = Recipients.load(ctx.storage());
        String due = deadline.text(week);
        List<OutboundMessage> out = new ArrayList<>();
        dueByUnit(ctx, week, run.at().toInstant()).forEach((unit, items) -> {
            String text = text(unit, items, week, due);
            for (String chat : to.unitChats(unit)) {
                out.add(OutboundMessage.text(Address.group(chat), text, List.of(), run.dedupeKey(chat)));
            }
        });
        return out;
    }

    /** The reports each unit still owes in the week as of {@code at}, with its last report on each task. */
    static Map<String, List<DueTexts.Item>> dueByUnit(RhythmContext ctx, IsoWeek week, Instant at) {
        DueCalculator calculator = ctx.due();
        ReportFacts facts = ctx.facts(at);
        ReportView reports = ctx.reports();
        Map<String, List<DueTexts.Item>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Due>> e : calculator.dueByUnit(week.reportingWeek(), facts).entrySet()) {
            out.put(e.getKey(), e.getValue().stream()
                    .map(d -> new DueTexts.Item(d, reports.latest(d.task().number(), d.unit(), at))).toList());
        }
        return out;
    }

    private String text(String unit, List<DueTexts.Item> items, IsoWeek week, String due) {
        StringBuilder sb = new StringBuilder();
        sb.append("【每周进展填报】").append(week.label()).append('\n');
        sb.append(unit).append(due).append("报送以下 ").append(items.size()).append(" 项：\n");
        DueTexts.lines(items).forEach(l -> sb.append(l).append('\n'));
        sb.append(DueTexts.howTo(items.size())).append('\n');
        sb.append(String.join("\n", DueTexts.example(items, "@" + ctx.botName() + " ")));
        return sb.toString();
    }
}
