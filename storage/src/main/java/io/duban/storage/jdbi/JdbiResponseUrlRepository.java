package io.duban.storage.jdbi;

import io.duban.storage.ResponseUrlRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

public final class JdbiResponseUrlRepository implements ResponseUrlRepository {
    private final Jdbi jdbi;

    public JdbiResponseUrlRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void remember(String messageId, String responseUrl, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO callback_response_url (message_id, response_url, created_at)
                        VALUES (:id, :url, :at) ON CONFLICT (message_id) DO NOTHING
                        """)
                .bind("id", messageId).bind("url", responseUrl).bind("at", at.toEpochMilli()).execute());
    }

    @Override
    public Optional<String> find(String messageId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT response_url FROM callback_response_url WHERE message_id = :id")
                .bind("id", messageId).mapTo(String.class).findOne());
    }
}
