package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondServeOnTheSameSqliteFile_isRefusedWithOneClearLine_andMayStartOnceTheFirstStopped() {
        Path file = dir.resolve("duban.db");
        try (Storage a = Storage.open("jdbc:sqlite:" + file); Storage b = Storage.open("jdbc:sqlite:" + file)) {
            Optional<ServeLock> first = ServeLock.take(a.database());
            assertThat(first).isPresent();
            assertThatThrownBy(() -> ServeLock.take(b.database()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another duban serve already uses " + file)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            first.get().close();
            ServeLock.take(b.database()).orElseThrow().close();
        }
    }
}
