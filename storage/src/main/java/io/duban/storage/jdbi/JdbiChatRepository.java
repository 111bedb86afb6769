package io.duban.storage.jdbi;

import io.duban.roster.ChatBinding;
import io.duban.roster.ChatKind;
import io.duban.storage.ChatRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiChatRepository implements ChatRepository {
    private static final RowMapper<ChatBinding> MAPPER = (rs, ctx) -> new ChatBinding(
            rs.getString("chat_id"), ChatKind.parse(rs.getString("kind")), Optional.ofNullable(rs.getString("unit")));

    private final Jdbi jdbi;

    public JdbiChatRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ChatBinding> find(String chatId) {
        // plain JDBC: every message looks this up (see Jdbc)
        return jdbi.withHandle(h -> Jdbc.one(h, "SELECT * FROM chat_binding WHERE chat_id = ?", st -> st.setString(1, chatId),
                MAPPER));
    }

    @Override
    public List<ChatBinding> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM chat_binding ORDER BY kind, unit, chat_id")
                .map(MAPPER).list());
    }

    @Override
    public void seedFromFile(ChatBinding b, Instant at) {
        upsert(b, "file", at, "WHERE chat_binding.source = 'file'");
    }

    @Override
    public void saveFromChat(ChatBinding b, Instant at) {
        upsert(b, "chat", at, "");
    }

    private void upsert(ChatBinding b, String source, Instant at, String condition) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO chat_binding (chat_id, kind, unit, source, updated_at)
                        VALUES (:id, :kind, :unit, :source, :at)
                        ON CONFLICT (chat_id) DO UPDATE SET kind = excluded.kind, unit = excluded.unit,
                            source = excluded.source, updated_at = excluded.updated_at
                        """ + condition)
                .bind("id", b.chatId()).bind("kind", b.kind().key()).bind("unit", b.unit().orElse(null))
                .bind("source", source).bind("at", at.toEpochMilli())
                .execute());
    }
}
