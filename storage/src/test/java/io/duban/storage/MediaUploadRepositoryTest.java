package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against a real SQLite file; {@code PostgresMediaUploadRepositoryTest} runs the same against PostgreSQL. */
class MediaUploadRepositoryTest {
    @TempDir
    Path dir;
    Storage storage;

    protected Storage open() {
        return Storage.open("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    @BeforeEach
    void setUp() {
        storage = open();
    }

    @AfterEach
    void tearDown() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void aMediaIdIsFoundPerChannelAndContent_whileFresh_andAReuploadReplacesIt() {
        Instant at = Instant.parse("2023-10-16T01:00:00Z");
        storage.mediaUploads().remember("webhook:ab12", "sha-1", "media-1", at);
        assertThat(storage.mediaUploads().find("webhook:ab12", "sha-1", at.minus(Duration.ofHours(71))))
                .contains("media-1");
        assertThat(storage.mediaUploads().find("aibot", "sha-1", at.minus(Duration.ofHours(71)))).isEmpty();
        assertThat(storage.mediaUploads().find("webhook:ab12", "sha-2", at.minus(Duration.ofHours(71)))).isEmpty();
        assertThat(storage.mediaUploads().find("webhook:ab12", "sha-1", at.plusSeconds(1))).isEmpty();

        Instant later = at.plus(Duration.ofDays(3));
        storage.mediaUploads().remember("webhook:ab12", "sha-1", "media-2", later);
        assertThat(storage.mediaUploads().find("webhook:ab12", "sha-1", later.minus(Duration.ofHours(71))))
                .contains("media-2");
    }
}
