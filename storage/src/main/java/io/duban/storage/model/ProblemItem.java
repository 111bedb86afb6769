package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A problem a unit raised on a task (问题3). Open until solved or lapsed; {@code silentReports} counts the unit's
 * reports on the task since it last mentioned the problem, at most one a reporting week; {@code countedWeek} is the
 * week ({@code 2023-W41}) of the last report that raised, mentioned or was counted silent on it.
 */
public record ProblemItem(
        long id, int planYear, int taskNumber, String unit, String text,
        Optional<Long> raisedReportId, Instant raisedAt, Optional<Long> lastReportId, Instant lastMentionedAt,
        int silentReports, ProblemState state, Optional<Instant> closedAt, Optional<String> closedBy, String closeNote,
        Optional<String> countedWeek) {

    /** An item without a counted week (raised before weeks were kept, or in tests that do not need one). */
    public ProblemItem(long id, int planYear, int taskNumber, String unit, String text, Optional<Long> raisedReportId,
                       Instant raisedAt, Optional<Long> lastReportId, Instant lastMentionedAt, int silentReports,
                       ProblemState state, Optional<Instant> closedAt, Optional<String> closedBy, String closeNote) {
        this(id, planYear, taskNumber, unit, text, raisedReportId, raisedAt, lastReportId, lastMentionedAt,
                silentReports, state, closedAt, closedBy, closeNote, Optional.empty());
    }

    public ProblemItem {
        requireNonNull(unit, "unit is null");
        requireNonNull(text, "text is null");
        requireNonNull(raisedReportId, "raisedReportId is null");
        requireNonNull(raisedAt, "raisedAt is null");
        requireNonNull(lastReportId, "lastReportId is null");
        requireNonNull(lastMentionedAt, "lastMentionedAt is null");
        requireNonNull(state, "state is null");
        requireNonNull(closedAt, "closedAt is null");
        requireNonNull(closedBy, "closedBy is null");
        requireNonNull(closeNote, "closeNote is null");
        requireNonNull(countedWeek, "countedWeek is null");
    }

    public boolean isOpen() {
        return state == ProblemState.OPEN;
    }

    /** Whether the item was open at a moment (raised by then and not yet closed). */
    public boolean openAt(Instant at) {
        return !raisedAt.isAfter(at) && closedAt.map(c -> c.isAfter(at)).orElse(true);
    }
}
