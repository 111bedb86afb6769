package io.duban.bot.schedule;

import io.duban.bot.duty.DutyRules;
import io.duban.calendar.CalendarFiles;
import io.duban.calendar.WorkCalendar;
import io.duban.config.ConfigDirectory;
import io.duban.config.YamlNode;
import java.util.function.Function;

/**
 * The due calculation's rules from the configuration: the working calendar ({@code config/calendar/} and the
 * {@code calendar:} section), the holidays and working days of the {@code holiday-reminder} job, and the number of
 * missed periods after which a task is stale ({@code staleWeeks} in {@code duban.yml}, counted in each task's own
 * periods).
 */
public final class DutyRulesReader {
    private DutyRulesReader() {
    }

    public static DutyRules read(ConfigDirectory config, Function<String, String> env) {
        YamlNode raw = config.rawSettings();
        WorkCalendar calendar = CalendarFiles.load(config.dir(), raw == null ? null : raw.get("calendar").orElse(null), env);
        return read(config, calendar);
    }

    public static DutyRules read(ConfigDirectory config, WorkCalendar calendar) {
        YamlNode raw = config.rawSettings();
        ScheduleSettings s = ScheduleSettingsReader.read(raw == null ? null : raw.get("schedule").orElse(null),
                config.settings().zone());
        return of(s, calendar, config.settings().staleWeeks());
    }

    static DutyRules of(ScheduleSettings s, WorkCalendar calendar, int stalePeriods) {
        return new DutyRules(calendar, s.holidayNames(), s.holidayWorkingDays(), stalePeriods, s.zone());
    }
}
