package io.duban.storage.jdbi;

import io.duban.storage.ReplyRouteRepository;
import io.duban.storage.model.ReplyRoute;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiReplyRouteRepository implements ReplyRouteRepository {
    private static final RowMapper<ReplyRoute> MAPPER = (rs, ctx) -> new ReplyRoute(
            rs.getString("message_id"), rs.getString("transport"), rs.getString("transport_ref"),
            rs.getString("conversation_id"), rs.getString("chat_type"), Times.instant(rs, "received_at"));

    private final Jdbi jdbi;

    public JdbiReplyRouteRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void remember(ReplyRoute r) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO reply_route (message_id, transport, transport_ref, conversation_id, chat_type,
                                                 received_at)
                        VALUES (:messageId, :transport, :transportRef, :conversationId, :chatType, :receivedAt)
                        ON CONFLICT (message_id) DO UPDATE SET transport_ref = excluded.transport_ref,
                                                               received_at = excluded.received_at""")
                .bind("messageId", r.messageId())
                .bind("transport", r.transport())
                .bind("transportRef", r.transportRef())
                .bind("conversationId", r.conversationId())
                .bind("chatType", r.chatType())
                .bind("receivedAt", r.receivedAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<ReplyRoute> find(String messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM reply_route WHERE message_id = :id")
                .bind("id", messageId).map(MAPPER).findOne());
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM reply_route WHERE received_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).execute());
    }
}
