package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An admin's change to who reports a task and how often (设置 12 每两周), with who made it and when. The latest
 * change of a task overrides the plan file. {@code cadence} is the plan file's key (weekly, biweekly, …).
 */
public record ReportingChange(
        long id,
        int planYear,
        int taskNumber,
        String cadence,
        int monthWeek,
        List<String> holidays,
        boolean responsibleOwe,
        String changedBy,
        Optional<Long> inboundId,
        Instant changedAt) {

    public ReportingChange {
        requireNonNull(cadence, "cadence is null");
        holidays = List.copyOf(holidays);
        requireNonNull(changedBy, "changedBy is null");
        requireNonNull(inboundId, "inboundId is null");
        requireNonNull(changedAt, "changedAt is null");
    }
}
