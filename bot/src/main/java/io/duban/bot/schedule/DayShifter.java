package io.duban.bot.schedule;

import io.duban.calendar.WorkCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Moves a run off a non-working day, following its {@link ShiftPolicy}. */
final class DayShifter {
    private final WorkCalendar calendar;

    DayShifter(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    WorkCalendar calendar() {
        return calendar;
    }

    /** A dated run (monthly, deadline): the nominal day if it is a working day, otherwise per policy. */
    Optional<LocalDate> dated(LocalDate nominal, ShiftPolicy policy) {
        if (calendar.isWorkingDay(nominal)) {
            return Optional.of(nominal);
        }
        return switch (policy) {
            case PREVIOUS -> Optional.of(calendar.previousWorkingDay(nominal));
            case NEXT -> Optional.of(calendar.nextWorkingDay(nominal));
            case SKIP -> Optional.empty();
        };
    }

    /**
     * A weekly run stays in its ISO week: the nominal day if it is a working day (and later than {@code after}),
     * otherwise the working day the policy points to in the same week, or failing that the nearest one the other
     * way; none in a week without (suitable) working days. {@code after} keeps a reminder behind the prompt it
     * follows up on.
     */
    Optional<LocalDate> inWeek(LocalDate nominal, LocalTime time, ShiftPolicy policy, Optional<LocalDateTime> after) {
        List<LocalDate> days = calendar.workingDaysOfWeek(nominal).stream()
                .filter(d -> after.isEmpty() || d.atTime(time).isAfter(after.get()))
                .toList();
        if (days.contains(nominal)) {
            return Optional.of(nominal);
        }
        Optional<LocalDate> before = days.stream().filter(d -> d.isBefore(nominal)).reduce((a, b) -> b);
        Optional<LocalDate> later = days.stream().filter(d -> d.isAfter(nominal)).findFirst();
        return switch (policy) {
            case PREVIOUS -> before.or(() -> later);
            case NEXT -> later.or(() -> before);
            case SKIP -> Optional.empty();
        };
    }
}
