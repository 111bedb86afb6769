package io.duban.storage.jdbi;

import io.duban.storage.InboundMessageRepository;
import io.duban.storage.model.InboundRecord;
import java.time.Instant;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

public final class JdbiInboundMessageRepository implements InboundMessageRepository {
    private final Jdbi jdbi;

    public JdbiInboundMessageRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public OptionalLong recordIfNew(InboundRecord m) {
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("""
                    INSERT INTO inbound_message
                        (message_id, transport, sender_id, chat_id, chat_type, text, quoted_text, received_at)
                    VALUES (:messageId, :transport, :senderId, :chatId, :chatType, :text, :quotedText, :receivedAt)
                    ON CONFLICT (message_id) DO NOTHING""")
                    .bind("messageId", m.messageId())
                    .bind("transport", m.transport())
                    .bind("senderId", m.senderId())
                    .bind("chatId", m.chatId().orElse(null))
                    .bind("chatType", m.chatType())
                    .bind("text", m.text())
                    .bind("quotedText", m.quotedText().orElse(null))
                    .bind("receivedAt", m.receivedAt().toEpochMilli())
                    .execute();
            if (inserted == 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(h.createQuery("SELECT id FROM inbound_message WHERE message_id = :messageId")
                    .bind("messageId", m.messageId())
                    .mapTo(Long.class)
                    .one());
        });
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
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbound_message").mapTo(Long.class).one());
    }
}
