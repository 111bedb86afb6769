package io.duban.bot.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The reporting week: the ISO week (Monday to Sunday) in the office's time zone, named like {@code 2023-W41}.
 */
public record ReportingWeek(int weekBasedYear, int week) implements Comparable<ReportingWeek> {

    public static ReportingWeek of(LocalDate date) {
        return new ReportingWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static ReportingWeek of(Instant instant, ZoneId zone) {
        return of(instant.atZone(zone).toLocalDate());
    }

    public static ReportingWeek parse(String s) {
        String[] parts = s.strip().toUpperCase().split("-W");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected a week like 2023-W41, got '" + s + "'");
        }
        try {
            ReportingWeek w = new ReportingWeek(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            w.monday(); // validates the week number
            return w;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected a week like 2023-W41, got '" + s + "'");
        }
    }

    public LocalDate monday() {
        LocalDate jan4 = LocalDate.of(weekBasedYear, 1, 4);
        LocalDate first = jan4.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (week < 1 || week > 53 || (week == 53 && ReportingWeek.of(first.plusWeeks(52)).week != 53)) {
            throw new IllegalArgumentException("no week " + week + " in " + weekBasedYear);
        }
        return first.plusWeeks(week - 1L);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public ReportingWeek previous() {
        return of(monday().minusDays(7));
    }

    public ReportingWeek next() {
        return of(monday().plusDays(7));
    }

    /** {@code 10月9日—10月15日}. */
    public String span() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("M月d日");
        return monday().format(f) + "—" + sunday().format(f);
    }

    @Override
    public String toString() {
        // by hand: String.format here was a quarter of 进度 at city scale (it keys every report and period)
        return weekBasedYear + (week < 10 ? "-W0" : "-W") + week;
    }

    @Override
    public int compareTo(ReportingWeek o) {
        return weekBasedYear != o.weekBasedYear ? Integer.compare(weekBasedYear, o.weekBasedYear)
                : Integer.compare(week, o.week);
    }
}
