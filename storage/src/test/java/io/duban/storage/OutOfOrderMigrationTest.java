package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration numbers land in any order: a database migrated without V002 still gets it later. */
class OutOfOrderMigrationTest {
    @TempDir
    Path dir;

    @Test
    void givenADatabaseMigratedWithoutV002_whenOpened_thenV002IsApplied() throws IOException {
        // V090, V092 and V093 build on V002: a build without V002 had none of them
        String url = OlderSchema.without(dir, "V002", "V090", "V092", "V093");

        try (Storage storage = Storage.open(url)) {
            assertThat(storage.replyRoutes().find("nothing")).isEmpty();
            assertThat(storage.outbox().countByStatus()).isEmpty();
        }
    }
}
