package io.duban.bot.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;

/** The hours in which the bot pushes nothing, e.g. 20:00–08:00 (may wrap midnight). Start inclusive, end exclusive. */
public record QuietHours(LocalTime start, LocalTime end) {
    public QuietHours {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }

    public static QuietHours none() {
        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    public boolean contains(LocalTime t) {
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
