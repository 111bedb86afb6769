package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SchemaCheckTest {
    @TempDir
    Path dir;

    @Test
    void theShippedMigrations_areFoundOnTheClassPath() {
        assertThat(SchemaCheck.shippedVersions("db/migration/sqlite").orElseThrow()).contains("1", "5", "10", "11");
        assertThat(SchemaCheck.shippedVersions("db/migration/postgresql").orElseThrow()).contains("1", "10", "11");
    }

    @Test
    void aMigratedDatabaseIsCurrent_aNewOneOrOneMissingAMigrationIsNot() {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("s.db"));
        assertThat(SchemaCheck.isCurrent(ds, "db/migration/sqlite")).isFalse();
        Storage.open("jdbc:sqlite:" + dir.resolve("s.db")).close();
        assertThat(SchemaCheck.isCurrent(ds, "db/migration/sqlite")).isTrue();
        try (Storage s = Storage.open("jdbc:sqlite:" + dir.resolve("s.db"))) {
            s.database().jdbi().useHandle(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = '011'"));
        }
        assertThat(SchemaCheck.isCurrent(ds, "db/migration/sqlite")).isFalse();
    }
}
