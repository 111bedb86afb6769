package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A claimed scheduled run: {@code job} (e.g. weekly-prompt) for {@code period} (e.g. 2023-W41). {@code DONE} runs
 * enqueued {@code messageCount} outbox messages in the same transaction as the claim; {@code SKIPPED} runs were
 * missed beyond the grace period and sent nothing.
 */
public record JobRun(long id, String job, String period, Status status, Instant plannedAt, Instant claimedAt,
                     int messageCount, String note) {

    public enum Status {
        DONE("done"),
        SKIPPED("skipped");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Status fromKey(String key) {
            for (Status s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown job run status " + key);
        }
    }

    public JobRun {
        requireNonNull(job, "job is null");
        requireNonNull(period, "period is null");
        requireNonNull(status, "status is null");
        requireNonNull(plannedAt, "plannedAt is null");
        requireNonNull(claimedAt, "claimedAt is null");
        requireNonNull(note, "note is null");
    }
}
