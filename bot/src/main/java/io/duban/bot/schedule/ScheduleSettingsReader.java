package io.duban.bot.schedule;

import io.duban.config.YamlNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code schedule:} section of {@code duban.yml}. Every key is optional; a mistake names file, line and
 * key. Example:
 *
 * <pre>
 * schedule:
 *   quietHours: "20:00-08:00"
 *   graceHours: 6
 *   onNonWorkingDay: previous          # previous | next | skip
 *   replyBy: "FRI 17:00"
 *   jobs:
 *     weekly-prompt:    {at: "THU 15:00"}
 *     private-nudge:    {at: "FRI 10:00"}
 *     group-reminder:   {at: "FRI 14:00"}
 *     weekly-summary:   {at: "MON 09:00", onNonWorkingDay: next}
 *     monthly-report:   {day: 25, at: "09:00"}
 *     deadline-warning: {at: "09:30", daysBefore: [30, 14, 7]}
 *     holiday-reminder: {at: "10:00", workingDaysBefore: 5, holidays: [元旦, 春节, 中秋, 国庆], task: 16}
 *   kpiTask: 17
 * </pre>
 */
public final class ScheduleSettingsReader {
    private ScheduleSettingsReader() {
    }

    public static ScheduleSettings read(YamlNode section, ZoneId defaultZone) {
        ScheduleSettings d = ScheduleSettings.defaults(defaultZone);
        if (section == null) {
            return d;
        }
        section.allowOnly("zone", "quietHours", "graceHours", "onNonWorkingDay", "replyBy", "jobs", "kpiTask");
        ZoneId zone = section.get("zone").map(n -> {
            try {
                return ZoneId.of(n.nonBlankText());
            } catch (RuntimeException e) {
                throw n.error("unknown time zone; use e.g. Asia/Shanghai");
            }
        }).orElse(d.zone());
        QuietHours quiet = section.get("quietHours").map(ScheduleSettingsReader::quietHours).orElse(d.quietHours());
        Duration grace = section.get("graceHours").map(n -> {
            int h = n.integer();
            if (h < 0 || h > 72) {
                throw n.error("must be between 0 and 72 hours");
            }
            return Duration.ofHours(h);
        }).orElse(d.grace());
        ShiftPolicy policy = section.get("onNonWorkingDay").map(ScheduleSettingsReader::policy)
                .orElse(ShiftPolicy.PREVIOUS);
        DayOfWeek replyDay = d.replyDay();
        LocalTime replyTime = d.replyTime();
        if (section.get("replyBy").isPresent()) {
            YamlNode n = section.require("replyBy");
            WeeklyAt at = weeklyAt(n);
            replyDay = at.day();
            replyTime = at.time();
        }
        Map<String, JobSchedule> jobs = new LinkedHashMap<>();
        for (String name : ScheduleSettings.JOB_NAMES) {
            jobs.put(name, d.job(name).withPolicy(policy));
        }
        List<Integer> deadlineDays = d.deadlineDays();
        int holidayTask = d.holidayTask();
        List<String> holidayNames = d.holidayNames();
        int holidayWorkingDays = d.holidayWorkingDays();
        if (section.get("jobs").isPresent()) {
            YamlNode jobsNode = section.require("jobs");
            jobsNode.allowOnly(ScheduleSettings.JOB_NAMES.toArray(String[]::new));
            for (Map.Entry<String, YamlNode> e : jobsNode.entries().entrySet()) {
                YamlNode j = e.getValue();
                String name = e.getKey();
                JobSchedule base = jobs.get(name);
                List<String> keys = new ArrayList<>(List.of("at", "enabled", "onNonWorkingDay"));
                switch (name) {
                    case ScheduleSettings.MONTHLY_REPORT -> keys.add("day");
                    case ScheduleSettings.DEADLINE_WARNING -> keys.add("daysBefore");
                    case ScheduleSettings.HOLIDAY_REMINDER -> keys.addAll(List.of("workingDaysBefore", "holidays", "task"));
                    default -> { }
                }
                j.allowOnly(keys.toArray(String[]::new));
                JobSchedule s = base;
                if (j.get("at").isPresent()) {
                    YamlNode at = j.require("at");
                    if (base.weekday().isPresent()) {
                        WeeklyAt w = weeklyAt(at);
                        s = new JobSchedule(s.enabled(), java.util.Optional.of(w.day()), s.dayOfMonth(), w.time(),
                                s.onNonWorkingDay());
                    } else {
                        s = new JobSchedule(s.enabled(), s.weekday(), s.dayOfMonth(), time(at, at.nonBlankText()),
                                s.onNonWorkingDay());
                    }
                }
                if (j.get("day").isPresent()) {
                    YamlNode day = j.require("day");
                    int dom = day.integer();
                    if (dom < 1 || dom > 28) {
                        throw day.error("must be between 1 and 28 (every month has it)");
                    }
                    s = new JobSchedule(s.enabled(), s.weekday(), dom, s.time(), s.onNonWorkingDay());
                }
                if (j.get("onNonWorkingDay").isPresent()) {
                    s = s.withPolicy(policy(j.require("onNonWorkingDay")));
                }
                if (j.get("enabled").isPresent() && !j.require("enabled").bool()) {
                    s = s.disabled();
                }
                if (quiet.contains(s.time())) {
                    throw (j.get("at").isPresent() ? j.require("at") : j)
                            .error(s.time() + " falls in the quiet hours " + quiet + "; pick a time outside them");
                }
                if (j.get("daysBefore").isPresent()) {
                    List<Integer> days = new ArrayList<>();
                    for (YamlNode n : j.require("daysBefore").items()) {
                        int v = n.integer();
                        if (v < 1 || v > 366) {
                            throw n.error("must be between 1 and 366 days");
                        }
                        days.add(v);
                    }
                    deadlineDays = days;
                }
                if (j.get("workingDaysBefore").isPresent()) {
                    YamlNode n = j.require("workingDaysBefore");
                    holidayWorkingDays = n.integer();
                    if (holidayWorkingDays < 1 || holidayWorkingDays > 30) {
                        throw n.error("must be between 1 and 30 working days");
                    }
                }
                if (j.get("holidays").isPresent()) {
                    holidayNames = j.require("holidays").strings();
                }
                if (j.get("task").isPresent()) {
                    holidayTask = j.require("task").integer();
                }
                jobs.put(name, s);
            }
        }
        for (Map.Entry<String, JobSchedule> e : jobs.entrySet()) {
            if (quiet.contains(e.getValue().time())) {
                throw section.error("the default time " + e.getValue().time() + " of " + e.getKey()
                        + " falls in the quiet hours " + quiet + "; set jobs." + e.getKey() + ".at");
            }
        }
        int kpiTask = section.get("kpiTask").map(YamlNode::integer).orElse(d.kpiTask());
        return new ScheduleSettings(zone, quiet, grace, replyDay, replyTime, jobs, deadlineDays, holidayTask,
                holidayNames, holidayWorkingDays, kpiTask);
    }

    record WeeklyAt(DayOfWeek day, LocalTime time) {
    }

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("MON", DayOfWeek.MONDAY), Map.entry("TUE", DayOfWeek.TUESDAY),
            Map.entry("WED", DayOfWeek.WEDNESDAY), Map.entry("THU", DayOfWeek.THURSDAY),
            Map.entry("FRI", DayOfWeek.FRIDAY), Map.entry("SAT", DayOfWeek.SATURDAY),
            Map.entry("SUN", DayOfWeek.SUNDAY),
            Map.entry("周一", DayOfWeek.MONDAY), Map.entry("周二", DayOfWeek.TUESDAY),
            Map.entry("周三", DayOfWeek.WEDNESDAY), Map.entry("周四", DayOfWeek.THURSDAY),
            Map.entry("周五", DayOfWeek.FRIDAY), Map.entry("周六", DayOfWeek.SATURDAY),
            Map.entry("周日", DayOfWeek.SUNDAY));

    static WeeklyAt weeklyAt(YamlNode n) {
        String[] parts = n.nonBlankText().split("\\s+");
        DayOfWeek day = parts.length == 2 ? DAYS.get(parts[0].toUpperCase(Locale.ROOT)) : null;
        if (day == null) {
            throw n.error("expected a weekday and a time like \"THU 15:00\" or \"周四 15:00\"");
        }
        return new WeeklyAt(day, time(n, parts[1]));
    }

    static LocalTime time(YamlNode n, String s) {
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeParseException e) {
            throw n.error("expected a time like 09:00, got '" + s + "'");
        }
    }

    static QuietHours quietHours(YamlNode n) {
        String v = n.nonBlankText();
        if (v.equalsIgnoreCase("none") || v.equals("无")) {
            return QuietHours.none();
        }
        String[] parts = v.split("\\s*[-–~]\\s*");
        if (parts.length != 2) {
            throw n.error("expected a range like \"20:00-08:00\" (or none)");
        }
        return new QuietHours(time(n, parts[0]), time(n, parts[1]));
    }

    static ShiftPolicy policy(YamlNode n) {
        return ShiftPolicy.parse(n.nonBlankText())
                .orElseThrow(() -> n.error("expected previous, next or skip"));
    }
}
