package io.duban.bot.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** When this week's replies are due: the configured day and time (Friday 17:00), moved like a weekly run. */
final class ReplyDeadline {
    private ReplyDeadline() {
    }

    static Optional<LocalDate> day(RhythmContext ctx, DayShifter shifter, IsoWeek week, LocalDateTime notBefore) {
        ScheduleSettings s = ctx.settings();
        return shifter.inWeek(week.day(s.replyDay()), s.replyTime(), ShiftPolicy.PREVIOUS, Optional.of(notBefore));
    }

    /** {@code 请在 10月13日（周五）17:00 前}, or {@code 请在放假前尽快} when no working day of the week is left. */
    static String text(RhythmContext ctx, DayShifter shifter, IsoWeek week, LocalDateTime notBefore) {
        return day(ctx, shifter, week, notBefore)
                .map(d -> "请在 " + Texts.dayWithWeekday(d) + Texts.time(ctx.settings().replyTime()) + " 前")
                .orElse("请在放假前尽快");
    }
}
