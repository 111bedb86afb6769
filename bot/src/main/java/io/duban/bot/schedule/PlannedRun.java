package io.duban.bot.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One run of a job: claimed under ({@code job}, {@code period}) and due at {@code at}. {@code nominalDate} is the
 * day the schedule names; {@code at} may lie on another day when that one is not a working day.
 */
public record PlannedRun(String job, String period, ZonedDateTime at, LocalDate nominalDate) {
    public PlannedRun {
        requireNonNull(job, "job is null");
        requireNonNull(period, "period is null");
        requireNonNull(at, "at is null");
        requireNonNull(nominalDate, "nominalDate is null");
    }

    public boolean moved() {
        return !at.toLocalDate().equals(nominalDate);
    }

    /** The outbox dedupe key of this run's message to one recipient (a chat id or a userid). */
    public String dedupeKey(String recipient) {
        return "job:" + job + ":" + period + ":" + recipient;
    }
}
