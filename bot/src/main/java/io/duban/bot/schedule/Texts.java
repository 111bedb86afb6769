package io.duban.bot.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Small formatting helpers for the rhythm's Chinese messages. */
final class Texts {
    private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private Texts() {
    }

    static String weekday(DayOfWeek d) {
        return WEEKDAYS[d.getValue() - 1];
    }

    /** {@code 10月13日}. */
    static String monthDay(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** {@code 10月13日（周五）}. */
    static String dayWithWeekday(LocalDate d) {
        return monthDay(d) + "（" + weekday(d.getDayOfWeek()) + "）";
    }

    static String time(LocalTime t) {
        return t.format(HM);
    }

    /** {@code 2023-10-12 15:00 周四}, for the admin's console. */
    static String console(ZonedDateTime t) {
        return t.toLocalDate() + " " + time(t.toLocalTime()) + " " + weekday(t.getDayOfWeek());
    }
}
