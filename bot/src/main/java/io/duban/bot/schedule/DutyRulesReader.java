package io.duban.bot.schedule;

import io.duban.bot.duty.DutyRules;
import io.duban.calendar.WorkCalendar;

/**
 * The due calculation's rules from the configuration: the working calendar ({@code config/calendar/} and the
 * {@code calendar:} section), the holidays and working days of the {@code holiday-reminder} job, and the number of
 * missed periods after which a task is stale ({@code staleWeeks} in {@code duban.yml}, counted in each task's own
 * periods).
 */
public final class DutyRulesReader {
    private DutyRulesReader() {
    }

    /**
     * The rules from settings read once ({@code BotSettings}: the calendar with {@code ${X}} resolved from the real
     * environment, the schedule section), so the ledger, the chart, the jobs and {@code config check} agree.
     */
    public static DutyRules of(ScheduleSettings s, WorkCalendar calendar, int stalePeriods) {
        return new DutyRules(calendar, s.holidayNames(), s.holidayWorkingDays(), stalePeriods, s.zone());
    }
}
