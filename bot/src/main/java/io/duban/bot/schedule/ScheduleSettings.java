package io.duban.bot.schedule;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code schedule:} section of {@code duban.yml}, with the defaults of the weekly rhythm. Read by
 * {@link ScheduleSettingsReader}.
 *
 * @param zone                the zone every schedule time is in (default: the settings' timezone)
 * @param quietHours          no pushes in these hours (default 20:00–08:00)
 * @param grace               a run missed by up to this long is sent late; beyond it, skipped (default 6 h)
 * @param replyDay            the weekday replies to the weekly prompt are due (default Friday)
 * @param replyTime           the time replies are due (default 17:00)
 * @param jobs                each job's schedule, by job name
 * @param deadlineDays        deadline warnings this many days before a task's deadline (default 30, 14, 7)
 * @param holidayTask         the plan task the holiday reminders are about (default 16)
 * @param holidayNames        the holidays that get a reminder (default 元旦, 春节, 中秋, 国庆)
 * @param holidayWorkingDays  how many working days before the holiday the reminder goes out (default 5)
 * @param kpiTask             the task whose KPI the summaries show (default 17)
 */
public record ScheduleSettings(
        ZoneId zone,
        QuietHours quietHours,
        Duration grace,
        DayOfWeek replyDay,
        LocalTime replyTime,
        Map<String, JobSchedule> jobs,
        List<Integer> deadlineDays,
        int holidayTask,
        List<String> holidayNames,
        int holidayWorkingDays,
        int kpiTask) {

    public static final String WEEKLY_PROMPT = "weekly-prompt";
    public static final String PRIVATE_NUDGE = "private-nudge";
    public static final String GROUP_REMINDER = "group-reminder";
    public static final String WEEKLY_SUMMARY = "weekly-summary";
    public static final String MONTHLY_REPORT = "monthly-report";
    public static final String DEADLINE_WARNING = "deadline-warning";
    public static final String HOLIDAY_REMINDER = "holiday-reminder";
    public static final List<String> JOB_NAMES = List.of(WEEKLY_PROMPT, PRIVATE_NUDGE, GROUP_REMINDER,
            WEEKLY_SUMMARY, MONTHLY_REPORT, DEADLINE_WARNING, HOLIDAY_REMINDER);

    public ScheduleSettings {
        requireNonNull(zone, "zone is null");
        requireNonNull(quietHours, "quietHours is null");
        requireNonNull(grace, "grace is null");
        requireNonNull(replyDay, "replyDay is null");
        requireNonNull(replyTime, "replyTime is null");
        jobs = Map.copyOf(jobs);
        deadlineDays = List.copyOf(deadlineDays);
        holidayNames = List.copyOf(holidayNames);
    }

    public static ScheduleSettings defaults(ZoneId zone) {
        Map<String, JobSchedule> jobs = new LinkedHashMap<>();
        jobs.put(WEEKLY_PROMPT, JobSchedule.weekly(DayOfWeek.THURSDAY, LocalTime.of(15, 0)));
        jobs.put(PRIVATE_NUDGE, JobSchedule.weekly(DayOfWeek.FRIDAY, LocalTime.of(10, 0)));
        jobs.put(GROUP_REMINDER, JobSchedule.weekly(DayOfWeek.FRIDAY, LocalTime.of(14, 0)));
        jobs.put(WEEKLY_SUMMARY, JobSchedule.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0)));
        jobs.put(MONTHLY_REPORT, JobSchedule.monthly(25, LocalTime.of(9, 0)));
        jobs.put(DEADLINE_WARNING, JobSchedule.daily(LocalTime.of(9, 30)));
        jobs.put(HOLIDAY_REMINDER, JobSchedule.daily(LocalTime.of(10, 0)));
        return new ScheduleSettings(zone, new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0)),
                Duration.ofHours(6), DayOfWeek.FRIDAY, LocalTime.of(17, 0), jobs, List.of(30, 14, 7), 16,
                List.of("元旦", "春节", "中秋", "国庆"), 5, 17);
    }

    public JobSchedule job(String name) {
        JobSchedule s = jobs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown job " + name);
        }
        return s;
    }
}
