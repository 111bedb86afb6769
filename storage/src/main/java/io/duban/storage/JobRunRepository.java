package io.duban.storage;

import io.duban.storage.model.Fence;
import io.duban.storage.model.JobRun;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Claims of scheduled runs: each (job, period) is claimed at most once, by one process, ever. */
public interface JobRunRepository {

    /**
     * Claims the run and enqueues its messages in one transaction: either the claim and every message are stored,
     * or nothing is. Messages whose dedupe key is already in the outbox are left out (not doubled).
     *
     * @return the outbox rows enqueued, or empty when the run was already claimed (by this or another process)
     */
    default Optional<List<OutboxEntry>> claimAndEnqueue(String job, String period, Instant plannedAt,
                                                        List<OutboundMessage> messages, Instant at) {
        return claimAndEnqueue(job, period, plannedAt, messages, at, Optional.empty());
    }

    /**
     * As above, fenced: with a {@code fence}, the claim is made only while its lease in the database still has that
     * holder and token and has not run out, checked on the locked lease row in the same transaction.
     *
     * @throws StaleLeaseException when the fence is stale; nothing was claimed or enqueued
     */
    Optional<List<OutboxEntry>> claimAndEnqueue(String job, String period, Instant plannedAt,
                                                List<OutboundMessage> messages, Instant at, Optional<Fence> fence);

    /** Records a run that was missed beyond the grace period. @return false when the run was already claimed */
    default boolean recordSkipped(String job, String period, Instant plannedAt, String reason, Instant at) {
        return recordSkipped(job, period, plannedAt, reason, at, Optional.empty());
    }

    /** As above, fenced like {@link #claimAndEnqueue(String, String, Instant, List, Instant, Optional)}. */
    boolean recordSkipped(String job, String period, Instant plannedAt, String reason, Instant at,
                          Optional<Fence> fence);

    Optional<JobRun> find(String job, String period);

    /** Runs claimed at or after {@code since}, oldest first. */
    List<JobRun> claimedSince(Instant since);

    /** The latest claimed run of a job. */
    Optional<JobRun> latest(String job);
}
