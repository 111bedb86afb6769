package io.duban.storage.jdbi;

import io.duban.storage.ReplyRouteRepository;
import io.duban.storage.model.ReplyRoute;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The reply routes. Every inbound message remembers one, so {@link #remember} runs plain JDBC (see {@link Jdbc}):
 * as a SqlObject proxy it cost 15% of storing and answering a report (issue 14's profile).
 */
public final class JdbiReplyRouteRepository implements ReplyRouteRepository {
    private static final RowMapper<ReplyRoute> MAPPER = (rs, ctx) -> new ReplyRoute(
            rs.getString("message_id"),
            rs.getString("transport"),
            rs.getString("transport_ref"),
            rs.getString("conversation_id"),
            rs.getString("chat_type"),
            Times.instant(rs, "received_at"));

    private final Jdbi jdbi;

    public JdbiReplyRouteRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An upsert, ending with RETURNING so that it runs as a query (see {@link Jdbc#update}). */
    @Override
    public void remember(ReplyRoute route) {
        jdbi.useHandle(h -> Jdbc.one(h, """
                INSERT INTO reply_route (message_id, transport, transport_ref, conversation_id, chat_type, received_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (message_id) DO UPDATE SET transport_ref = excluded.transport_ref,
                                                       received_at = excluded.received_at
                RETURNING message_id""", st -> {
            st.setString(1, route.messageId());
            st.setString(2, route.transport());
            st.setString(3, route.transportRef());
            st.setString(4, route.conversationId());
            st.setString(5, route.chatType());
            st.setLong(6, route.receivedAt().toEpochMilli());
        }, (rs, ctx) -> rs.getString(1)));
    }

    @Override
    public Optional<ReplyRoute> find(String messageId) {
        return jdbi.withHandle(h -> Jdbc.one(h, "SELECT * FROM reply_route WHERE message_id = ?",
                st -> st.setString(1, messageId), MAPPER));
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return jdbi.withHandle(h -> Jdbc.update(h, "DELETE FROM reply_route WHERE received_at < ?",
                st -> st.setLong(1, cutoff.toEpochMilli())));
    }
}
