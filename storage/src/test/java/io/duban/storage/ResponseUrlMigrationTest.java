package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database from before the merge keeps the response_urls it held, now as reply routes of the robot callback. */
class ResponseUrlMigrationTest {
    @TempDir
    Path dir;

    @Test
    void storedResponseUrls_becomeReplyRoutes() throws IOException, SQLException {
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/sqlite"))) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("V090__")).toList()) {
                Files.copy(f, old.resolve(f.getFileName()));
            }
        }
        String url = "jdbc:sqlite:" + dir.resolve("duban.db");
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + old).load().migrate();
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
