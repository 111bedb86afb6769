package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An outbox row a sender holds a lease on: only the holder of {@code leaseToken} may mark it sent, retried or failed,
 * and only until {@code leaseUntil}. {@code partsSent} parts of a split message were delivered by earlier attempts.
 */
public record ClaimedEntry(OutboxEntry entry, String leaseToken, Instant leaseUntil, int partsSent) {
    public ClaimedEntry {
        requireNonNull(entry, "entry is null");
        requireNonNull(leaseToken, "leaseToken is null");
        requireNonNull(leaseUntil, "leaseUntil is null");
    }

    public long id() {
        return entry.id();
    }
}
