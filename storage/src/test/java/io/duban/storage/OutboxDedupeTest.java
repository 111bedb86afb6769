package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second enqueue with the same dedupe key stores nothing and says so (on SQLite, after another insert too). */
class OutboxDedupeTest {
    @TempDir
    Path dir;

    @Test
    void aRepeatedDedupeKey_returnsEmpty_andStoresNothing() {
        try (Storage s = Storage.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
            Instant at = Instant.parse("2023-10-12T07:00:00Z");
            OutboundMessage first = OutboundMessage.text(Address.group("wr-demo-ngk"), "一", List.of(), "k1");
            OutboundMessage other = OutboundMessage.text(Address.group("wr-demo-bgs"), "二", List.of(), "k2");
            assertThat(s.outbox().enqueue(first, at)).isPresent();
            assertThat(s.outbox().enqueue(other, at)).isPresent();
            assertThat(s.outbox().enqueue(first, at)).isEmpty();
            assertThat(s.outbox().enqueue(OutboundMessage.text(Address.group("x"), "无键", List.of(), null), at))
                    .isPresent();
            assertThat(s.outbox().list(Arrays.asList(OutboxEntry.Status.values()), 100)).hasSize(3);
        }
    }
}
