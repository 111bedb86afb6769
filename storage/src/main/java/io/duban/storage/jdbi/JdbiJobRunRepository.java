package io.duban.storage.jdbi;

import io.duban.storage.JobRunRepository;
import io.duban.storage.StaleLeaseException;
import io.duban.storage.model.Fence;
import io.duban.storage.model.JobRun;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiJobRunRepository implements JobRunRepository {
    private static final RowMapper<JobRun> MAPPER = (rs, ctx) -> new JobRun(
            rs.getLong("id"),
            rs.getString("job"),
            rs.getString("period"),
            JobRun.Status.fromKey(rs.getString("status")),
            Times.instant(rs, "planned_at"),
            Times.instant(rs, "claimed_at"),
            rs.getInt("message_count"),
            rs.getString("note"));

    private final Jdbi jdbi;

    public JdbiJobRunRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<List<OutboxEntry>> claimAndEnqueue(String job, String period, Instant plannedAt,
                                                       List<OutboundMessage> messages, Instant at,
                                                       Optional<Fence> fence) {
        return jdbi.inTransaction(h -> {
            fence.ifPresent(f -> check(h, f));
            if (!insertRun(h, job, period, JobRun.Status.DONE, plannedAt, messages.size(), "", at)) {
                return Optional.empty();
            }
            List<OutboxEntry> enqueued = new ArrayList<>();
            for (OutboundMessage m : messages) {
                JdbiOutboxRepository.insert(h, m, at).ifPresent(enqueued::add);
            }
            return Optional.of(enqueued);
        });
    }

    @Override
    public boolean recordSkipped(String job, String period, Instant plannedAt, String reason, Instant at,
                                 Optional<Fence> fence) {
        return jdbi.inTransaction(h -> {
            fence.ifPresent(f -> check(h, f));
            return insertRun(h, job, period, JobRun.Status.SKIPPED, plannedAt, 0, reason, at);
        });
    }

    /**
     * The fencing check, first in the write's transaction. An UPDATE (not a SELECT) so that the lease row is locked
     * until the write commits: on PostgreSQL a takeover racing with this write waits for it, or this check waits
     * for the takeover and then sees the new holder; on SQLite the transaction holds the one write lock.
     */
    static void check(Handle h, Fence f) {
        int held = h.createUpdate("""
                        UPDATE leader_lease SET token = token
                        WHERE name = :name AND holder = :holder AND token = :token AND expires_at >= :now""")
                .bind("name", f.lease()).bind("holder", f.holder()).bind("token", f.token())
                .bind("now", f.now().toEpochMilli())
                .execute();
        if (held != 1) {
            throw new StaleLeaseException(f);
        }
    }

    @Override
    public Optional<JobRun> find(String job, String period) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM job_run WHERE job = :job AND period = :period")
                .bind("job", job).bind("period", period).map(MAPPER).findOne());
    }

    @Override
    public List<JobRun> claimedSince(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM job_run WHERE claimed_at >= :since ORDER BY id")
                .bind("since", since.toEpochMilli()).map(MAPPER).list());
    }

    @Override
    public Optional<JobRun> latest(String job) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM job_run WHERE job = :job ORDER BY planned_at DESC, id DESC LIMIT 1")
                .bind("job", job).map(MAPPER).findOne());
    }

    private static boolean insertRun(Handle h, String job, String period, JobRun.Status status, Instant plannedAt,
                                     int count, String note, Instant at) {
        return h.createUpdate("""
                        INSERT INTO job_run (job, period, status, planned_at, claimed_at, message_count, note)
                        VALUES (:job, :period, :status, :planned, :at, :count, :note)
                        ON CONFLICT (job, period) DO NOTHING""")
                .bind("job", job)
                .bind("period", period)
                .bind("status", status.key())
                .bind("planned", plannedAt.toEpochMilli())
                .bind("at", at.toEpochMilli())
                .bind("count", count)
                .bind("note", note)
                .execute() == 1;
    }
}
