package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.duban.storage.model.InboundRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage faults are named in one plain line: disk full, read-only, file deleted or replaced underneath. */
class StorageFaultTest {
    @TempDir
    Path dir;

    static InboundRecord message(int i) {
        return new InboundRecord("m" + i, "test", "liuyang", Optional.empty(), "single",
                "12 60% " + "很长的进展".repeat(200), Optional.empty(), Instant.parse("2023-10-09T01:00:00Z"));
    }

    @Test
    void aFullDatabase_isReportedAsDiskFull_withTheFileName() {
        Path file = dir.resolve("full.db");
        Storage.open("jdbc:sqlite:" + file).close();
        // A page limit stands in for a full disk: SQLite answers SQLITE_FULL either way.
        try (Storage storage = Storage.open("jdbc:sqlite:" + file + "?max_page_count=60")) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) {
                    int n = i;
                    storage.inTransaction(() -> storage.inbound().receive(message(n)));
                }
            }).isInstanceOf(StorageFault.class)
                    .satisfies(e -> assertThat(((StorageFault) e).kind()).isEqualTo(StorageFault.Kind.DISK_FULL))
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("the disk is full");
        }
    }

    @Test
    void aDeletedFile_stopsEveryWrite_insteadOfWritingIntoTheUnlinkedFile() throws Exception {
        Path file = dir.resolve("gone.db");
        try (Storage storage = Storage.open("jdbc:sqlite:" + file)) {
            storage.inTransaction(() -> storage.inbound().receive(message(1)));
            Files.delete(file);
            assertThatThrownBy(() -> storage.inTransaction(() -> storage.inbound().receive(message(2))))
                    .isInstanceOf(StorageFault.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("missing");
            assertThat(storage.health()).map(StorageFault::kind).contains(StorageFault.Kind.FILE_MISSING);
            // repository calls outside a unit of work are stopped too
            assertThatThrownBy(() -> storage.inbound().count()).isInstanceOf(StorageFault.class);
        }
    }

    @Test
    void aReplacedFile_isNoticed() throws Exception {
        Path file = dir.resolve("replaced.db");
        Path other = dir.resolve("other.db");
        Storage.open("jdbc:sqlite:" + other).close();
        try (Storage storage = Storage.open("jdbc:sqlite:" + file)) {
            storage.inbound().receive(message(1));
            Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);
            assertThatThrownBy(() -> storage.inbound().receive(message(2)))
                    .isInstanceOf(StorageFault.class)
                    .hasMessageContaining("replaced");
        }
    }

    @Test
    void aDatabaseOpenedReadOnly_isRefusedAtStart_inOneLine() {
        Path file = dir.resolve("ro.db");
        Storage.open("jdbc:sqlite:" + file).close();
        // query_only answers writes as a read-only file or mount does (SQLITE_READONLY), also when the tests run as root
        assertThatThrownBy(() -> Storage.open("jdbc:sqlite:file:" + file + "?mode=ro"))
                .isInstanceOf(StorageFault.class)
                .satisfies(e -> assertThat(((StorageFault) e).kind()).isEqualTo(StorageFault.Kind.READ_ONLY))
                .hasMessageContaining(file.toString()).hasMessageContaining(": the database is read-only")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aReadOnlyDatabase_isRefusedAtStart_inOneLineNamingFileAndCause() throws Exception {
        assumeThat(System.getProperty("user.name")).isNotEqualTo("root"); // root writes read-only files anyway
        Path file = dir.resolve("ro.db");
        Storage.open("jdbc:sqlite:" + file).close();
        Files.deleteIfExists(dir.resolve("ro.db-wal"));
        Files.deleteIfExists(dir.resolve("ro.db-shm"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertThatThrownBy(() -> Storage.open("jdbc:sqlite:" + file))
                .isInstanceOf(StorageFault.class)
                .satisfies(e -> assertThat(((StorageFault) e).kind()).isEqualTo(StorageFault.Kind.READ_ONLY))
                .hasMessageStartingWith("cannot store in " + file + ": the database is read-only")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
