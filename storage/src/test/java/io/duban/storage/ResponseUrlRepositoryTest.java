package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against a real SQLite file; {@code PostgresResponseUrlRepositoryTest} runs the same against PostgreSQL. */
class ResponseUrlRepositoryTest {
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
    void aRememberedUrl_isFoundByMessageId_andTheFirstOneWins() {
        Instant at = Instant.parse("2023-10-09T01:00:00Z");
        storage.responseUrls().remember("m1", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=A", at);
        storage.responseUrls().remember("m1", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=B", at);
        assertThat(storage.responseUrls().find("m1"))
                .contains("https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=A");
        assertThat(storage.responseUrls().find("m2")).isEmpty();
    }
}
