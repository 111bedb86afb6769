package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database from before the merge keeps the response_urls it held, now as reply routes of the robot callback. */
class ResponseUrlMigrationTest {
    @TempDir
    Path dir;

    @Test
    void storedResponseUrls_becomeReplyRoutes() throws IOException, SQLException {
        String url = OlderSchema.without(dir, "V090");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO callback_response_url VALUES ('cb-1', 'https://x/r?code=1', 1696813200000)");
        }

        try (Storage storage = Storage.open(url)) {
            assertThat(storage.replyRoutes().find("cb-1")).hasValueSatisfying(r -> {
                assertThat(r.transport()).isEqualTo("wecom-callback");
                assertThat(r.transportRef()).isEqualTo("https://x/r?code=1");
            });
        }
    }
}
