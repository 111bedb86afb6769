package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log is copied into the database file in the background, not by a commit a message waits for. */
class WalCheckpointerTest {
    @TempDir
    Path dir;

    @Test
    void whatWasCommitted_reachesTheDatabaseFile_withoutAnotherCommit() throws Exception {
        Path db = dir.resolve("ckpt.db");
        try (Storage storage = Storage.open("jdbc:sqlite:" + db)) {
            long before = Files.size(db);
            // about 2 MB: 500 log pages, fewer than any commit would checkpoint by itself (1,000 by default)
            storage.inTransaction(() -> {
                for (int i = 0; i < 500; i++) {
                    storage.inbound().recordIfNew(new io.duban.storage.model.InboundRecord("m" + i, "test", "liuyang",
                            java.util.Optional.empty(), "single", "进展".repeat(1300), java.util.Optional.empty(),
                            UnitOfWorkTest.T0));
                }
            });
            assertThat(Files.size(dir.resolve("ckpt.db-wal"))).isGreaterThan(1_000_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(db) > before + 1_000_000);
            assertThat(Thread.getAllStackTraces().keySet())
                    .anyMatch(t -> t.getName().equals("sqlite-checkpoint " + db) && t.isAlive());
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("closing the storage stops its checkpoint thread")
                .noneMatch(t -> t.getName().equals("sqlite-checkpoint " + db) && t.isAlive());
    }
}
