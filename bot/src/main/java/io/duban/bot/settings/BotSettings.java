package io.duban.bot.settings;

import static java.util.Objects.requireNonNull;

import io.duban.bot.duty.DutyRules;
import io.duban.bot.export.ExportSettings;
import io.duban.bot.schedule.ScheduleSettings;
import io.duban.bot.schedule.ScheduleSettingsReader;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.app.AppSettings;
import io.duban.bot.wecom.callback.CallbackSettings;
import io.duban.calendar.CalendarFiles;
import io.duban.calendar.WorkCalendar;
import io.duban.config.ConfigDirectory;
import io.duban.config.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every setting the bot runs with, read once from {@code duban.yml}, {@code config/calendar/} and the environment
 * into typed, validated records. {@code serve}, {@code chat} and the jobs run on what {@link #read} returns, and
 * {@code config check} validates with the same section readers, so that a file that passes the check starts the
 * bot and one that fails it does not. Mistakes are {@link io.duban.config.ConfigException}s naming file, line and
 * field.
 */
public record BotSettings(WeComSettings wecom, AppSettings app, CallbackSettings callback, WorkCalendar calendar,
                          ScheduleSettings schedule, ExportSettings export) {

    public BotSettings {
        requireNonNull(wecom, "wecom is null");
        requireNonNull(app, "app is null");
        requireNonNull(callback, "callback is null");
        requireNonNull(calendar, "calendar is null");
        requireNonNull(schedule, "schedule is null");
        requireNonNull(export, "export is null");
    }

    /** Reads every section; the first mistake throws. */
    public static BotSettings read(ConfigDirectory config, Map<String, String> env) {
        return new BotSettings(wecom(config, env), app(config, env), callback(config, env), calendar(config, env),
                schedule(config), export(config));
    }

    /** The {@code wecom:} section and {@code WECOM_*}: the long connection and the webhooks. */
    public static WeComSettings wecom(ConfigDirectory config, Map<String, String> env) {
        return WeComSettings.from(config.rawSettings(), env);
    }

    /** The {@code app:} section: the self-built app for private messages. */
    public static AppSettings app(ConfigDirectory config, Map<String, String> env) {
        return AppSettings.read(config.rawSettings(), env::get);
    }

    /** The {@code callback:} section: the encrypted HTTP callbacks. */
    public static CallbackSettings callback(ConfigDirectory config, Map<String, String> env) {
        return CallbackSettings.read(config.rawSettings(), env::get);
    }

    /** {@code config/calendar/*.yaml} and the {@code calendar:} section, {@code ${X}} resolved from {@code env}. */
    public static WorkCalendar calendar(ConfigDirectory config, Map<String, String> env) {
        return CalendarFiles.load(config.dir(), section(config, "calendar"), env::get);
    }

    /** The {@code schedule:} section: the weekly rhythm's times. */
    public static ScheduleSettings schedule(ConfigDirectory config) {
        return ScheduleSettingsReader.read(section(config, "schedule"), config.settings().zone());
    }

    /**
     * The due calculation's rules: this working calendar, the holidays and working days of the
     * {@code holiday-reminder} job, stale after {@code stalePeriods} missed periods ({@code staleWeeks} in
     * {@code duban.yml}, counted in each task's own periods). The composition root builds them once, so the ledger,
     * the chart, the board, the jobs and {@code config check} agree.
     */
    public DutyRules dutyRules(int stalePeriods) {
        return dutyRules(schedule, calendar, stalePeriods);
    }

    /** The same rules from sections read one by one (for commands that need no WeCom settings). */
    public static DutyRules dutyRules(ScheduleSettings s, WorkCalendar calendar, int stalePeriods) {
        return new DutyRules(calendar, s.holidayNames(), s.holidayWorkingDays(), stalePeriods, s.zone());
    }

    /** The {@code export:} section. */
    public static ExportSettings export(ConfigDirectory config) {
        return ExportSettings.from(config);
    }

    private static YamlNode section(ConfigDirectory config, String name) {
        YamlNode raw = config.rawSettings();
        return raw == null ? null : raw.get(name).orElse(null);
    }

    /**
     * What keeps {@code serve} from starting although every section reads: the self-built app or the callback
     * half configured. {@code config check} lists the same problems.
     */
    public List<String> serveProblems() {
        List<String> problems = new ArrayList<>();
        app.problems().forEach(p -> problems.add("自建应用 app: " + p));
        if (callback.anyEnabled()) {
            callback.problems(app.corpId()).forEach(p -> problems.add("HTTP 回调 callback: " + p));
        }
        return problems;
    }
}
