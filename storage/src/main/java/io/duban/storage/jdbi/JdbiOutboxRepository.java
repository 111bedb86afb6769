package io.duban.storage.jdbi;

import io.duban.storage.OutboxRepository;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

    public JdbiOutboxRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<OutboxEntry> enqueue(OutboundMessage m, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<Long> id = h.createUpdate("""
                            INSERT INTO outbox (address_kind, address, format, content, mentions, dedupe_key,
                                                status, attempts, next_attempt_at, created_at)
                            VALUES (:kind, :address, :format, :content, :mentions, :dedupe,
                                    'pending', 0, :at, :at)
                            ON CONFLICT (dedupe_key) DO NOTHING""")
                    .bind("kind", m.address().kind().key())
                    .bind("address", m.address().value())
                    .bind("format", m.format().key())
                    .bind("content", m.content())
                    .bind("mentions", String.join(",", m.mentions()))
                    .bind("dedupe", m.dedupeKey().orElse(null))
                    .bind("at", at.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .findOne();
            return id.flatMap(i -> h.createQuery("SELECT * FROM outbox WHERE id = :id").bind("id", i)
                    .map(MAPPER).findOne());
        });
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE id = :id")
                .bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public List<OutboxEntry> list(List<OutboxEntry.Status> statuses, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM outbox WHERE status IN (<statuses>) ORDER BY id LIMIT :limit")
                .bindList("statuses", statuses.stream().map(OutboxEntry.Status::key).toList())
                .bind("limit", limit)
                .map(MAPPER).list());
    }
}
