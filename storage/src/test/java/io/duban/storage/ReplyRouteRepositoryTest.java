package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.ReplyRoute;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one table that says how to answer a message: transport, handle (req_id or response_url), conversation.
 * Runs against a real SQLite file; {@code PostgresReplyRouteRepositoryTest} runs the same against PostgreSQL.
 */
class ReplyRouteRepositoryTest {
    static final Instant AT = Instant.parse("2023-10-09T01:00:00Z");
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
    void aRoute_isFoundByMessageId_andARepeatedDeliveryBringsItsNewerHandle() {
        storage.replyRoutes().remember(new ReplyRoute("m1", "wecom-callback",
                "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=A", "wr-1", "group", AT));
        storage.replyRoutes().remember(new ReplyRoute("m1", "wecom-callback",
                "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=B", "wr-1", "group",
                AT.plusSeconds(5)));
        assertThat(storage.replyRoutes().find("m1")).hasValueSatisfying(r -> {
            assertThat(r.transportRef()).endsWith("response_code=B");
            assertThat(r.transport()).isEqualTo("wecom-callback");
            assertThat(r.conversationId()).isEqualTo("wr-1");
            assertThat(r.chatType()).isEqualTo("group");
        });
        assertThat(storage.replyRoutes().find("m2")).isEmpty();
    }

    @Test
    void oldRoutes_arePruned() {
        storage.replyRoutes().remember(new ReplyRoute("old", "wecom-ws", "req-1", "liuyang", "single", AT));
        storage.replyRoutes().remember(new ReplyRoute("new", "console", "", "liuyang", "single",
                AT.plus(Duration.ofHours(30))));
        assertThat(storage.replyRoutes().forgetBefore(AT.plus(Duration.ofHours(25)))).isEqualTo(1);
        assertThat(storage.replyRoutes().find("old")).isEmpty();
        assertThat(storage.replyRoutes().find("new")).isPresent();
    }
}
