package io.duban.bot.schedule;

import io.duban.calendar.Holiday;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Holiday reminders: a configured number of working days before each named holiday (元旦, 春节, 中秋, 国庆). Period:
 * the holiday's first day, e.g. {@code 2023-09-29}, so a joint 中秋、国庆 break gets one reminder.
 */
final class HolidayTiming implements Timing {
    private final JobSchedule schedule;
    private final DayShifter shifter;
    private final ZoneId zone;
    private final RhythmContext ctx;

    HolidayTiming(JobSchedule schedule, DayShifter shifter, ZoneId zone, RhythmContext ctx) {
        this.schedule = schedule;
        this.shifter = shifter;
        this.zone = zone;
        this.ctx = ctx;
    }

    @Override
    public List<PlannedRun> runs(String job, LocalDate from, LocalDate to) {
        List<PlannedRun> out = new ArrayList<>();
        if (!schedule.enabled()) {
            return out;
        }
        for (Holiday h : reminded()) {
            LocalDate day = shifter.calendar().workingDaysBefore(h.first(), ctx.settings().holidayWorkingDays());
            if (!day.isBefore(from) && !day.isAfter(to) && ctx.inPlan(day)) {
                out.add(new PlannedRun(job, h.first().toString(), day.atTime(schedule.time()).atZone(zone), day));
            }
        }
        return out;
    }

    Optional<Holiday> holiday(PlannedRun run) {
        LocalDate first = LocalDate.parse(run.period());
        return reminded().stream().filter(h -> h.first().equals(first)).findFirst();
    }

    private List<Holiday> reminded() {
        return shifter.calendar().holidays().stream()
                .filter(h -> ctx.settings().holidayNames().stream().anyMatch(h::isCalled))
                .toList();
    }
}
