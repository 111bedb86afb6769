package io.duban.storage.jdbi;

import io.duban.storage.MediaUploadRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

public final class JdbiMediaUploadRepository implements MediaUploadRepository {
    private final Jdbi jdbi;

    public JdbiMediaUploadRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> find(String channel, String sha256, Instant notBefore) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT media_id FROM media_upload
                        WHERE channel = :channel AND sha256 = :sha AND uploaded_at >= :notBefore""")
                .bind("channel", channel).bind("sha", sha256).bind("notBefore", notBefore.toEpochMilli())
                .mapTo(String.class).findOne());
    }

    @Override
    public void remember(String channel, String sha256, String mediaId, Instant uploadedAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO media_upload (channel, sha256, media_id, uploaded_at)
                        VALUES (:channel, :sha, :id, :at)
                        ON CONFLICT (channel, sha256) DO UPDATE SET media_id = :id, uploaded_at = :at""")
                .bind("channel", channel).bind("sha", sha256).bind("id", mediaId).bind("at", uploadedAt.toEpochMilli())
                .execute());
    }
}
