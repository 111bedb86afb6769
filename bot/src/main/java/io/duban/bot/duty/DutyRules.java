package io.duban.bot.duty;

import static java.util.Objects.requireNonNull;

import io.duban.calendar.WorkCalendar;
import java.time.ZoneId;
import java.util.List;

/**
 * What the due calculation needs besides the plan: the working calendar, the holidays a before-holidays task is
 * due ahead of when the plan names none, how many working days before them, after how many missed periods in a
 * row a task counts as stale, and the office's time zone (reports are dated in it).
 */
public record DutyRules(WorkCalendar calendar, List<String> defaultHolidays, int holidayWorkingDays,
                        int stalePeriods, ZoneId zone) {
    public DutyRules {
        requireNonNull(calendar, "calendar is null");
        defaultHolidays = List.copyOf(defaultHolidays);
        requireNonNull(zone, "zone is null");
        if (holidayWorkingDays < 1) {
            throw new IllegalArgumentException("holidayWorkingDays must be at least 1");
        }
        if (stalePeriods < 1) {
            throw new IllegalArgumentException("stalePeriods must be at least 1");
        }
    }

    /** The defaults of the weekly rhythm: 元旦, 春节, 中秋, 国庆; five working days; stale after two periods. */
    public static DutyRules defaults(WorkCalendar calendar, ZoneId zone) {
        return new DutyRules(calendar, List.of("元旦", "春节", "中秋", "国庆"), 5, 2, zone);
    }
}
