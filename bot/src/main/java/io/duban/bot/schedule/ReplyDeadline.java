package io.duban.bot.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When a week's replies are due: the configured day and time (Friday 17:00), moved like a weekly run, and never
 * before the last reminder of that week, so that the prompt and every reminder name the same deadline.
 */
final class ReplyDeadline {
    private final RhythmContext ctx;
    private final DayShifter shifter;
    private final List<WeeklyTiming> weeklyRuns;

    ReplyDeadline(RhythmContext ctx, DayShifter shifter, List<WeeklyTiming> weeklyRuns) {
        this.ctx = ctx;
        this.shifter = shifter;
        this.weeklyRuns = List.copyOf(weeklyRuns);
    }

    Optional<LocalDate> day(IsoWeek week) {
        LocalDateTime notBefore = weeklyRuns.stream()
                .flatMap(t -> t.runFor("deadline", week).stream())
                .map(r -> r.at().toLocalDateTime())
                .max(LocalDateTime::compareTo)
                .orElse(week.monday().atStartOfDay());
        ScheduleSettings s = ctx.settings();
        return shifter.inWeek(week.day(s.replyDay()), s.replyTime(), ShiftPolicy.PREVIOUS, Optional.of(notBefore));
    }

    /** {@code 请在 10月13日（周五）17:00 前}, or {@code 请在放假前尽快} when no working day of the week is left. */
    String text(IsoWeek week) {
        return day(week)
                .map(d -> "请在 " + Texts.dayWithWeekday(d) + Texts.time(ctx.settings().replyTime()) + " 前")
                .orElse("请在放假前尽快");
    }
}
