package io.duban.bot.duty;

import static java.util.Objects.requireNonNull;

import io.duban.bot.report.ReportingWeek;
import java.time.LocalDate;

/**
 * One reporting period of a task: a report made from {@code start} to {@code end} (dates in the office's zone)
 * covers it; the bot asks for it from {@code askFrom} on (the Thursday prompt of that week, nudges, 未报送).
 *
 * @param key     stable name, e.g. {@code 2023-W42}, {@code 2023-W41+W42}, {@code 2023-10}, {@code 节前2023-09-29}
 * @param label   how chats name it, e.g. {@code 第42周}, {@code 10月}, {@code 中秋、国庆节前}
 */
public record Period(String key, String label, LocalDate start, LocalDate end, LocalDate askFrom) {
    public Period {
        requireNonNull(key, "key is null");
        requireNonNull(label, "label is null");
        if (end.isBefore(start) || askFrom.isBefore(start) || askFrom.isAfter(end)) {
            throw new IllegalArgumentException("period " + key + ": expected start <= askFrom <= end, got "
                    + start + ", " + askFrom + ", " + end);
        }
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(start) && !d.isAfter(end);
    }

    /** The bot asks for this period in the week: it has begun asking by the week's end and the period is not over. */
    public boolean askedIn(ReportingWeek week) {
        return !askFrom.isAfter(week.sunday()) && !end.isBefore(week.monday());
    }

    /** The week in which the bot first asks for this period. */
    public ReportingWeek askWeek() {
        return ReportingWeek.of(askFrom);
    }

    /** Over by {@code today}: nothing more can be reported for it. */
    public boolean endedBefore(LocalDate today) {
        return end.isBefore(today);
    }
}
