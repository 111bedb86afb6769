package io.duban.bot.report;

import io.duban.bot.report.normalize.ChineseNumerals;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A week as the office names it: {@code 2023-W41}, {@code 本周}, {@code 上周}, {@code 第41周}, {@code 41周},
 * {@code 第四十一周}, or a day of it ({@code 2023-10-13}, {@code 10月13日}, {@code 10-13}). Weeks and days without a
 * year are of the year of {@code today}.
 */
public final class WeekWords {
    private static final Pattern NUMBERED = Pattern.compile("^第?\\s*(\\d{1,2}|[" + ChineseNumerals.ALL + "]{1,4})\\s*周$");
    private static final Pattern FULL_DATE = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?$");
    private static final Pattern MONTH_DAY = Pattern.compile("^(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?$");

    private WeekWords() {
    }

    public static Optional<ReportingWeek> read(String words, LocalDate today) {
        String s = words.strip().replace("（", "").replace("）", "");
        switch (s) {
            case "本周", "这周", "这一周", "本星期" -> {
                return Optional.of(ReportingWeek.of(today));
            }
            case "上周", "上一周", "上星期", "上个星期" -> {
                return Optional.of(ReportingWeek.of(today).previous());
            }
            default -> {
            }
        }
        try {
            return Optional.of(ReportingWeek.parse(s));
        } catch (IllegalArgumentException notIso) {
            // other forms below
        }
        Matcher numbered = NUMBERED.matcher(s);
        if (numbered.matches()) {
            String n = numbered.group(1);
            OptionalInt week = Character.isDigit(n.charAt(0)) ? OptionalInt.of(Integer.parseInt(n))
                    : ChineseNumerals.parse(n);
            if (week.isEmpty()) {
                return Optional.empty();
            }
            try {
                ReportingWeek w = new ReportingWeek(ReportingWeek.of(today).weekBasedYear(), week.getAsInt());
                return w.week() >= 1 && ReportingWeek.of(w.monday()).equals(w) ? Optional.of(w) : Optional.empty();
            } catch (DateTimeException | IllegalArgumentException e) { // 第54周
                return Optional.empty();
            }
        }
        try {
            Matcher full = FULL_DATE.matcher(s);
            if (full.matches()) {
                return Optional.of(ReportingWeek.of(LocalDate.of(Integer.parseInt(full.group(1)),
                        Integer.parseInt(full.group(2)), Integer.parseInt(full.group(3)))));
            }
            Matcher monthDay = MONTH_DAY.matcher(s);
            if (monthDay.matches()) {
                return Optional.of(ReportingWeek.of(LocalDate.of(today.getYear(),
                        Integer.parseInt(monthDay.group(1)), Integer.parseInt(monthDay.group(2)))));
            }
        } catch (DateTimeException e) {
            return Optional.empty(); // 2月30日
        }
        return Optional.empty();
    }
}
