package io.duban.bot.schedule;

import io.duban.calendar.WorkCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A weekly run, e.g. Thursday 15:00, one per ISO week with working days; period {@code 2023-W41} (the Monday summary
 * names the week it summarises).
 */
final class WeeklyTiming implements Timing {
    private final JobSchedule schedule;
    private final DayShifter shifter;
    private final ZoneId zone;
    private final Optional<WeeklyTiming> after;
    private final Predicate<LocalDate> active;
    private final boolean periodIsPreviousWeek;

    WeeklyTiming(JobSchedule schedule, DayShifter shifter, ZoneId zone, Optional<WeeklyTiming> after,
                 Predicate<LocalDate> active) {
        this(schedule, shifter, zone, after, active, false);
    }

    /** @param periodIsPreviousWeek the run is about the week before (the Monday summary): its period names that week */
    WeeklyTiming(JobSchedule schedule, DayShifter shifter, ZoneId zone, Optional<WeeklyTiming> after,
                 Predicate<LocalDate> active, boolean periodIsPreviousWeek) {
        this.schedule = schedule;
        this.shifter = shifter;
        this.zone = zone;
        this.after = after.filter(a -> a.schedule.enabled());
        this.active = active;
        this.periodIsPreviousWeek = periodIsPreviousWeek;
    }

    @Override
    public List<PlannedRun> runs(String job, LocalDate from, LocalDate to) {
        List<PlannedRun> out = new ArrayList<>();
        for (IsoWeek w = IsoWeek.of(from); !w.monday().isAfter(to); w = w.next()) {
            LocalDate nominal = w.day(schedule.weekday().orElseThrow());
            if (!nominal.isBefore(from) && !nominal.isAfter(to)) {
                runFor(job, w).ifPresent(out::add);
            }
        }
        return out;
    }

    /** This week's run, if the week has one. */
    Optional<PlannedRun> runFor(String job, IsoWeek week) {
        LocalDate nominal = week.day(schedule.weekday().orElseThrow());
        if (!schedule.enabled() || !active.test(nominal)) {
            return Optional.empty();
        }
        Optional<LocalDateTime> notBefore = after.flatMap(a -> a.runFor("after", week))
                .map(r -> r.at().toLocalDateTime());
        return shifter.inWeek(nominal, schedule.time(), schedule.onNonWorkingDay(), notBefore)
                .map(d -> new PlannedRun(job, periodIsPreviousWeek ? week.previous().key() : week.key(),
                        d.atTime(schedule.time()).atZone(zone), nominal));
    }

    WorkCalendar calendar() {
        return shifter.calendar();
    }
}
