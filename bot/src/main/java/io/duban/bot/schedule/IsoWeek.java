package io.duban.bot.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** An ISO week such as {@code 2023-W41} (Monday to Sunday), the key reports are stored under. */
public record IsoWeek(int year, int week) {

    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public LocalDate day(DayOfWeek d) {
        return monday().with(d);
    }

    public IsoWeek previous() {
        return of(monday().minusDays(7));
    }

    public IsoWeek next() {
        return of(monday().plusDays(7));
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(monday()) && !d.isAfter(sunday());
    }

    /** {@code 2023-W41}: the form stored in {@code progress_report.report_week}. */
    public String key() {
        return String.format("%d-W%02d", year, week);
    }

    /** {@code 第41周（10月9日—10月15日）}. */
    public String label() {
        return "第" + week + "周（" + Texts.monthDay(monday()) + "—" + Texts.monthDay(sunday()) + "）";
    }

    /** The same week as the lead's {@link io.duban.bot.report.ReportingWeek}. */
    public io.duban.bot.report.ReportingWeek reportingWeek() {
        return new io.duban.bot.report.ReportingWeek(year, week);
    }

    @Override
    public String toString() {
        return key();
    }
}
