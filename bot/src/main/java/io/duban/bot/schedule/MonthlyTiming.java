package io.duban.bot.schedule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A monthly run, e.g. the 25th at 09:00; period {@code 2023-10}. */
final class MonthlyTiming implements Timing {
    private final JobSchedule schedule;
    private final DayShifter shifter;
    private final ZoneId zone;
    private final Predicate<LocalDate> active;

    MonthlyTiming(JobSchedule schedule, DayShifter shifter, ZoneId zone, Predicate<LocalDate> active) {
        this.schedule = schedule;
        this.shifter = shifter;
        this.zone = zone;
        this.active = active;
    }

    @Override
    public List<PlannedRun> runs(String job, LocalDate from, LocalDate to) {
        List<PlannedRun> out = new ArrayList<>();
        if (!schedule.enabled()) {
            return out;
        }
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
            LocalDate nominal = m.atDay(schedule.dayOfMonth());
            if (nominal.isBefore(from) || nominal.isAfter(to) || !active.test(nominal)) {
                continue;
            }
            YearMonth month = m;
            shifter.dated(nominal, schedule.onNonWorkingDay()).ifPresent(d -> out.add(new PlannedRun(
                    job, month.toString(), d.atTime(schedule.time()).atZone(zone), nominal)));
        }
        return out;
    }
}
