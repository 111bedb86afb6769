package io.duban.bot.schedule;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Optional;

/**
 * When one job runs: a time of day, plus a weekday (weekly jobs) or a day of the month (monthly jobs); dated jobs
 * (deadline warnings, holiday reminders) take their dates from the plan and the calendar.
 */
public record JobSchedule(boolean enabled, Optional<DayOfWeek> weekday, int dayOfMonth, LocalTime time,
                          ShiftPolicy onNonWorkingDay) {
    public JobSchedule {
        requireNonNull(weekday, "weekday is null");
        requireNonNull(time, "time is null");
        requireNonNull(onNonWorkingDay, "onNonWorkingDay is null");
    }

    public static JobSchedule weekly(DayOfWeek day, LocalTime time) {
        return new JobSchedule(true, Optional.of(day), 0, time, ShiftPolicy.PREVIOUS);
    }

    public static JobSchedule monthly(int dayOfMonth, LocalTime time) {
        return new JobSchedule(true, Optional.empty(), dayOfMonth, time, ShiftPolicy.PREVIOUS);
    }

    public static JobSchedule daily(LocalTime time) {
        return new JobSchedule(true, Optional.empty(), 0, time, ShiftPolicy.PREVIOUS);
    }

    public JobSchedule withPolicy(ShiftPolicy p) {
        return new JobSchedule(enabled, weekday, dayOfMonth, time, p);
    }

    public JobSchedule disabled() {
        return new JobSchedule(false, weekday, dayOfMonth, time, onNonWorkingDay);
    }
}
