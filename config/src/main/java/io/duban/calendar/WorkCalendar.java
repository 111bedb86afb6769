package io.duban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * China's working calendar: Saturdays and Sundays are off unless they are 调休 working days; the listed statutory
 * holidays are off. Built by {@link CalendarFiles} from {@code config/calendar/} and the {@code calendar:} section
 * of {@code duban.yml}.
 */
public final class WorkCalendar {
    /** How far the previous/next search looks before giving up (the longest break is about ten days). */
    private static final int SEARCH_DAYS = 60;

    private final List<Holiday> holidays;
    private final Set<LocalDate> workDays;
    private final Set<LocalDate> offDays;
    private final Optional<Integer> lastYear;

    public WorkCalendar(List<Holiday> holidays, Set<LocalDate> workDays, Set<LocalDate> extraOffDays) {
        this(holidays, workDays, extraOffDays, Optional.empty());
    }

    /** @param lastYear the last year the data covers (the State Council notice of that year is in it) */
    public WorkCalendar(List<Holiday> holidays, Set<LocalDate> workDays, Set<LocalDate> extraOffDays,
                        Optional<Integer> lastYear) {
        this.lastYear = lastYear;
        List<Holiday> sorted = new ArrayList<>(holidays);
        sorted.sort(Comparator.comparing(Holiday::first));
        this.holidays = List.copyOf(sorted);
        this.workDays = Set.copyOf(workDays);
        TreeSet<LocalDate> off = new TreeSet<>(extraOffDays);
        for (Holiday h : holidays) {
            for (LocalDate d = h.first(); !d.isAfter(h.last()); d = d.plusDays(1)) {
                off.add(d);
            }
        }
        this.offDays = Set.copyOf(off);
    }

    /** Weekends off, nothing else: for tests and for a configuration without calendar data. */
    public static WorkCalendar weekendsOnly() {
        return new WorkCalendar(List.of(), Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workDays.contains(date)) {
            return true;
        }
        if (offDays.contains(date)) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The last working day strictly before {@code date}. */
    public LocalDate previousWorkingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        for (int i = 0; i < SEARCH_DAYS; i++, d = d.minusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day in the " + SEARCH_DAYS + " days before " + date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        for (int i = 0; i < SEARCH_DAYS; i++, d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day in the " + SEARCH_DAYS + " days after " + date);
    }

    /** The working day {@code n} working days before {@code date} (n = 1 is the previous working day). */
    public LocalDate workingDaysBefore(LocalDate date, int n) {
        LocalDate d = date;
        for (int i = 0; i < n; i++) {
            d = previousWorkingDay(d);
        }
        return d;
    }

    /** The working days of the ISO week (Monday to Sunday) that contains {@code date}, in order. */
    public List<LocalDate> workingDaysOfWeek(LocalDate date) {
        LocalDate monday = date.with(DayOfWeek.MONDAY);
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            if (isWorkingDay(monday.plusDays(i))) {
                out.add(monday.plusDays(i));
            }
        }
        return out;
    }

    /** The holiday that contains the date, if any. */
    public Optional<Holiday> holidayOn(LocalDate date) {
        return holidays.stream().filter(h -> h.contains(date)).findFirst();
    }

    /** Every listed holiday, by start date. */
    public List<Holiday> holidays() {
        return holidays;
    }

    /** The holidays called {@code name} (e.g. 春节) that start on or after {@code from}, by start date. */
    public List<Holiday> holidaysFrom(String name, LocalDate from) {
        return holidays.stream().filter(h -> h.isCalled(name) && !h.first().isBefore(from)).toList();
    }

    /** The start date of the next holiday called {@code name} on or after {@code from}. */
    public Optional<LocalDate> nextHolidayStart(String name, LocalDate from) {
        return holidaysFrom(name, from).stream().map(Holiday::first).findFirst();
    }

    /**
     * The last date the calendar data covers: the end of its last year, or else its latest day off. Used to warn
     * before the data runs out.
     */
    public Optional<LocalDate> coveredUntil() {
        return lastYear.map(y -> LocalDate.of(y, 12, 31)).or(() -> offDays.stream().max(Comparator.naturalOrder()));
    }
}
