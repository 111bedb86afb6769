package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration numbers land in any order: a database migrated without V002 still gets it later. */
class OutOfOrderMigrationTest {
    @TempDir
    Path dir;

    @Test
    void givenADatabaseMigratedWithoutV002_whenOpened_thenV002IsApplied() throws IOException {
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        Path sqlite = Path.of("src/main/resources/db/migration/sqlite");
        try (Stream<Path> files = Files.list(sqlite)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("V002__")
                    // V090, V092 and V093 build on V002: a build without V002 had none of them
                    && !f.getFileName().toString().startsWith("V090__")
                    && !f.getFileName().toString().startsWith("V092__")
                    && !f.getFileName().toString().startsWith("V093__")).toList()) {
                Files.copy(f, old.resolve(f.getFileName()));
            }
        }
        String url = "jdbc:sqlite:" + dir.resolve("duban.db");
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + old).load().migrate();

        try (Storage storage = Storage.open(url)) {
            assertThat(storage.replyRoutes().find("nothing")).isEmpty();
            assertThat(storage.outbox().countByStatus()).isEmpty();
        }
    }
}
