package io.duban.bot.schedule;

import io.duban.calendar.Holiday;
import io.duban.plan.PlanTask;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Before 元旦, 春节, 中秋 and 国庆: reminds the units of the holiday task (16: 委工会 and 各基层工会) to buy holiday
 * welfare goods from the 小闵帮扶 platform, a configured number of working days before the break.
 */
final class HolidayReminderComposer implements Composer {
    private final RhythmContext ctx;
    private final HolidayTiming timing;

    HolidayReminderComposer(RhythmContext ctx, HolidayTiming timing) {
        this.ctx = ctx;
        this.timing = timing;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        LocalDate day = run.at().toLocalDate();
        Optional<PlanTask> task = ctx.openTasks(day).stream()
                .filter(t -> t.number() == ctx.settings().holidayTask()).findFirst();
        Optional<Holiday> holiday = timing.holiday(run);
        if (task.isEmpty() || holiday.isEmpty()) {
            return List.of();
        }
        Holiday h = holiday.get();
        PlanTask t = task.get();
        String days = h.first().equals(h.last()) ? Texts.monthDay(h.first())
                : Texts.monthDay(h.first()) + "—" + Texts.monthDay(h.last());
        String text = "【节前提醒】" + h.label() + "假期将于 " + Texts.dayWithWeekday(h.first()) + "开始（" + days
                + "放假）。\n"
                + "按计划第 " + t.number() + " 项任务：" + t.text().replaceFirst("^\\d+[.．、]\\s*", "") + "\n"
                + "请提前安排节日福利和慰问物品的采购，并在本周报送进展时写明采购情况。谢谢！";
        Recipients to = Recipients.load(ctx.storage());
        List<OutboundMessage> out = new ArrayList<>();
        for (String unit : ctx.org().assignedUnits(t)) {
            for (String chat : to.unitChats(unit)) {
                out.add(OutboundMessage.text(Address.group(chat), text, List.of(), run.dedupeKey(chat)));
            }
        }
        return out;
    }
}
