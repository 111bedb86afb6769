package io.duban.storage.jdbi;

import io.duban.storage.OutboxRepository;
import io.duban.storage.model.Address;
import io.duban.storage.model.ClaimedEntry;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiOutboxRepository implements OutboxRepository {
    static final RowMapper<OutboxEntry> MAPPER = (rs, ctx) -> {
        String mentions = rs.getString("mentions");
        OutboundMessage message = new OutboundMessage(
                new Address(Address.Kind.fromKey(rs.getString("address_kind")), rs.getString("address")),
                OutboundMessage.Format.fromKey(rs.getString("format")),
                rs.getString("content"),
                mentions == null || mentions.isEmpty() ? List.of() : Arrays.asList(mentions.split(",")),
                Optional.ofNullable(rs.getString("dedupe_key")));
        return new OutboxEntry(
                rs.getLong("id"),
                message,
                OutboxEntry.Status.fromKey(rs.getString("status")),
                rs.getInt("attempts"),
                Times.instant(rs, "next_attempt_at"),
                Optional.ofNullable(rs.getString("last_error")),
                Times.instant(rs, "created_at"),
                Times.optionalInstant(rs, "sent_at"));
    };

    private final Jdbi jdbi;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong claims = new AtomicLong();

    public JdbiOutboxRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<OutboxEntry> enqueue(OutboundMessage m, Instant at) {
        return jdbi.inTransaction(h -> insert(h, m, at));
    }

    /**
     * The outbox insert, for use inside a caller's transaction (a job run claims and enqueues atomically).
     * RETURNING (SQLite 3.35+, PostgreSQL) yields no row on a dedupe conflict; getGeneratedKeys would not, since
     * SQLite then reports the previous insert's rowid.
     */
    static Optional<OutboxEntry> insert(Handle h, OutboundMessage m, Instant at) {
        // plain JDBC: every answer runs this (see Jdbc); the new row is built from what was written, as MAPPER would
        // read it back, instead of RETURNING * and mapping every column
        String mentions = String.join(",", m.mentions());
        long millis = at.toEpochMilli();
        return Jdbc.one(h, """
                        INSERT INTO outbox (address_kind, address, format, content, mentions, dedupe_key,
                                            status, attempts, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
                        ON CONFLICT (dedupe_key) DO NOTHING
                        RETURNING id""", st -> {
            st.setString(1, m.address().kind().key());
            st.setString(2, m.address().value());
            st.setString(3, m.format().key());
            st.setString(4, m.content());
            st.setString(5, mentions);
            Jdbc.text(st, 6, m.dedupeKey().orElse(null));
            st.setLong(7, millis);
            st.setLong(8, millis);
        }, (rs, ctx) -> new OutboxEntry(rs.getLong(1),
                new OutboundMessage(m.address(), m.format(), m.content(),
                        mentions.isEmpty() ? List.of() : Arrays.asList(mentions.split(",")), m.dedupeKey()),
                OutboxEntry.Status.PENDING, 0, Instant.ofEpochMilli(millis), Optional.empty(),
                Instant.ofEpochMilli(millis), Optional.empty()));
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE id = :id")
                .bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public Optional<OutboxEntry> findByDedupeKey(String dedupeKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE dedupe_key = :key")
                .bind("key", dedupeKey).map(MAPPER).findOne());
    }

    @Override
    public List<OutboxEntry> list(List<OutboxEntry.Status> statuses, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM outbox WHERE status IN (<statuses>) ORDER BY id LIMIT :limit")
                .bindList("statuses", statuses.stream().map(OutboxEntry.Status::key).toList())
                .bind("limit", limit)
                .map(MAPPER).list());
    }

    @Override
    public Map<OutboxEntry.Status, Long> countByStatus() {
        Map<OutboxEntry.Status, Long> counts = new EnumMap<>(OutboxEntry.Status.class);
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
                .map((rs, ctx) -> Map.entry(OutboxEntry.Status.fromKey(rs.getString("status")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    @Override
    public List<ClaimedEntry> claim(String sender, Instant now, Duration lease, int limit) {
        String token = sender + "/" + instance + "/" + claims.incrementAndGet();
        Instant until = now.plus(lease);
        return jdbi.inTransaction(h -> {
            // One statement decides who gets a row: the outer status check is re-evaluated on the row being
            // updated (PostgreSQL re-checks concurrently updated rows; SQLite runs one writer at a time).
            h.createUpdate("""
                            UPDATE outbox SET status = 'sending', lease_owner = :token, lease_until = :until
                            WHERE status = 'pending' AND next_attempt_at <= :now
                              AND id IN (SELECT id FROM outbox
                                         WHERE status = 'pending' AND next_attempt_at <= :now
                                         ORDER BY next_attempt_at, id LIMIT :limit)""")
                    .bind("token", token)
                    .bind("until", until.toEpochMilli())
                    .bind("now", now.toEpochMilli())
                    .bind("limit", limit)
                    .execute();
            return h.createQuery(
                            "SELECT * FROM outbox WHERE lease_owner = :token AND status = 'sending' ORDER BY id")
                    .bind("token", token)
                    .map((rs, ctx) -> new ClaimedEntry(MAPPER.map(rs, ctx), token, until, rs.getInt("parts_sent")))
                    .list();
        });
    }

    @Override
    public Optional<ClaimedEntry> claimOne(long id, String sender, Instant now, Duration lease) {
        String token = sender + "/" + instance + "/" + claims.incrementAndGet();
        Instant until = now.plus(lease);
        return jdbi.inTransaction(h -> {
            int taken = h.createUpdate("UPDATE outbox SET status = 'sending', lease_owner = :token, lease_until = :until"
                            + " WHERE id = :id AND status = 'pending'")
                    .bind("token", token)
                    .bind("until", until.toEpochMilli())
                    .bind("id", id)
                    .execute();
            if (taken == 0) {
                return Optional.<ClaimedEntry>empty();
            }
            return h.createQuery("SELECT * FROM outbox WHERE id = :id AND lease_owner = :token")
                    .bind("id", id)
                    .bind("token", token)
                    .map((rs, ctx) -> new ClaimedEntry(MAPPER.map(rs, ctx), token, until, rs.getInt("parts_sent")))
                    .findOne();
        });
    }

    @Override
    public int releaseExpiredLeases(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE outbox SET status = 'pending', lease_owner = NULL, lease_until = NULL
                        WHERE status = 'sending' AND lease_until < :now""")
                .bind("now", now.toEpochMilli())
                .execute());
    }

    @Override
    public int releaseLeasesOfOthers(java.util.Collection<String> liveSenders) {
        StringBuilder sql = new StringBuilder("""
                UPDATE outbox SET status = 'pending', lease_owner = NULL, lease_until = NULL
                WHERE status = 'sending'""");
        List<String> live = List.copyOf(liveSenders);
        for (int i = 0; i < live.size(); i++) {
            sql.append(" AND lease_owner NOT LIKE :live").append(i);
        }
        return jdbi.withHandle(h -> {
            var update = h.createUpdate(sql.toString());
            for (int i = 0; i < live.size(); i++) {
                update.bind("live" + i, live.get(i) + "/%");
            }
            return update.execute();
        });
    }

    @Override
    public boolean markPartsSent(ClaimedEntry c, int partsSent) {
        return leased(c, "parts_sent = :parts", Map.of("parts", partsSent));
    }

    @Override
    public boolean markSent(ClaimedEntry c, Instant at) {
        return leased(c, "status = 'sent', sent_at = :at, lease_owner = NULL, lease_until = NULL, last_error = NULL",
                Map.of("at", at.toEpochMilli()));
    }

    @Override
    public boolean markRetry(ClaimedEntry c, Instant nextAttemptAt, String reason) {
        return leased(c, "status = 'pending', attempts = attempts + 1, next_attempt_at = :next, last_error = :reason,"
                        + " lease_owner = NULL, lease_until = NULL",
                Map.of("next", nextAttemptAt.toEpochMilli(), "reason", reason));
    }

    @Override
    public boolean defer(ClaimedEntry c, Instant nextAttemptAt) {
        return leased(c, "status = 'pending', next_attempt_at = :next, lease_owner = NULL, lease_until = NULL",
                Map.of("next", nextAttemptAt.toEpochMilli()));
    }

    @Override
    public boolean markFailed(ClaimedEntry c, String reason, Instant at) {
        return leased(c, "status = 'failed', attempts = attempts + 1, last_error = :reason, next_attempt_at = :at,"
                        + " lease_owner = NULL, lease_until = NULL",
                Map.of("reason", reason, "at", at.toEpochMilli()));
    }

    /** Updates a row only while this sender still holds its lease. */
    private boolean leased(ClaimedEntry c, String assignments, Map<String, Object> values) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE outbox SET " + assignments
                        + " WHERE id = :id AND status = 'sending' AND lease_owner = :token")
                .bindMap(values)
                .bind("id", c.id())
                .bind("token", c.leaseToken())
                .execute()) == 1;
    }

    @Override
    public boolean retry(long id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = :now
                        WHERE id = :id AND status IN ('failed', 'dropped')""")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }

    @Override
    public boolean drop(long id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE outbox SET status = 'dropped', next_attempt_at = :now
                        WHERE id = :id AND status IN ('pending', 'failed')""")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .execute()) == 1;
    }
}
