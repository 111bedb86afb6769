package io.duban.storage.jdbi;

import io.duban.storage.InboundMessageRepository;
import io.duban.storage.model.InboundRecord;
import io.duban.storage.model.StoredInbound;
import io.duban.storage.model.WaitTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiInboundMessageRepository implements InboundMessageRepository {
    private static final RowMapper<StoredInbound> MAPPER = (rs, ctx) -> new StoredInbound(
            rs.getLong("id"),
            new InboundRecord(
                    rs.getString("message_id"),
                    rs.getString("transport"),
                    rs.getString("sender_id"),
                    Optional.ofNullable(rs.getString("chat_id")),
                    rs.getString("chat_type"),
                    rs.getString("text"),
                    Optional.ofNullable(rs.getString("quoted_text")),
                    Times.instant(rs, "received_at")),
            Times.optionalInstant(rs, "handled_at"),
            Optional.ofNullable(rs.getString("outcome")));

    private final Jdbi jdbi;

    public JdbiInboundMessageRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public OptionalLong recordIfNew(InboundRecord m) {
        Optional<Long> id = jdbi.withHandle(h -> insert(h, m));
        return id.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** RETURNING yields no row on a repeated message id (SQLite's last rowid would name an older row). */
    private static Optional<Long> insert(Handle h, InboundRecord m) {
        return Jdbc.one(h, """
                INSERT INTO inbound_message
                    (message_id, transport, sender_id, chat_id, chat_type, text, quoted_text, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (message_id) DO NOTHING
                RETURNING id""", st -> {
            st.setString(1, m.messageId());
            st.setString(2, m.transport());
            st.setString(3, m.senderId());
            Jdbc.text(st, 4, m.chatId().orElse(null));
            st.setString(5, m.chatType());
            st.setString(6, m.text());
            Jdbc.text(st, 7, m.quotedText().orElse(null));
            st.setLong(8, m.receivedAt().toEpochMilli());
        }, (rs, ctx) -> rs.getLong(1));
    }

    @Override
    public Received receive(InboundRecord m) {
        return jdbi.inTransaction(h -> {
            Optional<Long> id = insert(h, m);
            if (id.isPresent()) {
                return new Received(new StoredInbound(id.get(), m, Optional.empty(), Optional.empty()), true);
            }
            return new Received(h.createQuery("SELECT * FROM inbound_message WHERE message_id = :messageId")
                    .bind("messageId", m.messageId())
                    .map(MAPPER)
                    .one(), false);
        });
    }

    @Override
    public Optional<StoredInbound> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inbound_message WHERE id = :id")
                .bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public void markHandled(long id, String outcome, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE inbound_message SET handled_at = :at, outcome = :outcome WHERE id = :id")
                .bind("at", at.toEpochMilli())
                .bind("outcome", outcome)
                .bind("id", id)
                .execute());
    }

    @Override
    public boolean takeForAnswer(long id) {
        // plain JDBC: every callback's answer starts here (profiled in issue 14: through Jdbi it cost a tenth of
        // the answer's time)
        return jdbi.withHandle(h -> Jdbc.update(h, """
                UPDATE inbound_message SET claim_until = claim_until WHERE id = ? AND handled_at IS NULL""",
                st -> st.setLong(1, id))) == 1;
    }

    @Override
    public boolean markAnswered(long id, String outcome, Instant at) {
        return jdbi.withHandle(h -> Jdbc.update(h, """
                        UPDATE inbound_message SET handled_at = ?, outcome = ?, claim_owner = NULL, claim_until = NULL
                        WHERE id = ? AND handled_at IS NULL""", st -> {
            st.setLong(1, at.toEpochMilli());
            st.setString(2, outcome);
            st.setLong(3, id);
        })) == 1;
    }

    @Override
    public List<StoredInbound> claimUnanswered(String owner, Instant now, Duration lease, Instant receivedBy,
                                               int limit) {
        return jdbi.inTransaction(h -> {
            // The outer conditions are checked again on the row being updated (PostgreSQL re-evaluates rows another
            // transaction changed meanwhile; SQLite has one writer at a time), so each row goes to one claimant.
            h.createUpdate("""
                            UPDATE inbound_message SET claim_owner = :owner, claim_until = :until
                            WHERE handled_at IS NULL AND (claim_until IS NULL OR claim_until < :now)
                              AND id IN (SELECT id FROM inbound_message
                                         WHERE handled_at IS NULL AND (claim_until IS NULL OR claim_until < :now)
                                           AND received_at <= :receivedBy
                                         ORDER BY id LIMIT :limit)""")
                    .bind("owner", owner)
                    .bind("until", now.plus(lease).toEpochMilli())
                    .bind("now", now.toEpochMilli())
                    .bind("receivedBy", receivedBy.toEpochMilli())
                    .bind("limit", limit)
                    .execute();
            return h.createQuery("""
                            SELECT * FROM inbound_message
                            WHERE handled_at IS NULL AND claim_owner = :owner AND claim_until > :now ORDER BY id""")
                    .bind("owner", owner)
                    .bind("now", now.toEpochMilli())
                    .map(MAPPER)
                    .list();
        });
    }

    @Override
    public Optional<Instant> latestReceivedAt() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(received_at) FROM inbound_message")
                .mapTo(Long.class).findFirst().map(Instant::ofEpochMilli));
    }

    @Override
    public long countUnanswered() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbound_message WHERE handled_at IS NULL")
                .mapTo(Long.class).one());
    }

    @Override
    public long countWithOutcome(String outcome) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbound_message WHERE outcome = :outcome")
                .bind("outcome", outcome).mapTo(Long.class).one());
    }

    @Override
    public WaitTimes waitTimes(String expiredOutcome) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT
                          COALESCE(SUM(CASE WHEN NOT x AND w < 1000 THEN 1 ELSE 0 END), 0) AS b1,
                          COALESCE(SUM(CASE WHEN NOT x AND w >= 1000 AND w < 5000 THEN 1 ELSE 0 END), 0) AS b2,
                          COALESCE(SUM(CASE WHEN NOT x AND w >= 5000 AND w < 60000 THEN 1 ELSE 0 END), 0) AS b3,
                          COALESCE(SUM(CASE WHEN NOT x AND w >= 60000 AND w < 600000 THEN 1 ELSE 0 END), 0) AS b4,
                          COALESCE(SUM(CASE WHEN NOT x AND w >= 600000 THEN 1 ELSE 0 END), 0) AS b5,
                          COALESCE(SUM(CASE WHEN x THEN 1 ELSE 0 END), 0) AS b6
                        FROM (SELECT handled_at - received_at AS w,
                                     (COALESCE(outcome, '') = :expired) AS x
                              FROM inbound_message WHERE handled_at IS NOT NULL) t""")
                .bind("expired", expiredOutcome)
                .map((rs, ctx) -> new WaitTimes(rs.getLong("b1"), rs.getLong("b2"), rs.getLong("b3"),
                        rs.getLong("b4"), rs.getLong("b5"), rs.getLong("b6")))
                .one());
    }

    @Override
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbound_message").mapTo(Long.class).one());
    }
}
