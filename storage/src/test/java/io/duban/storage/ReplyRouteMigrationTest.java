package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.storage.model.ReplyRoute;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V092 rebuilds SQLite's reply routes as a table without rowids and without the received_at index: a database from
 * before keeps its routes, a repeated delivery still replaces the handle, and pruning still works.
 */
class ReplyRouteMigrationTest {
    @TempDir
    Path dir;

    @Test
    void routesStoredBeforeV092_surviveIt() throws Exception {
        String url = OlderSchema.without(dir, "V092");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO reply_route VALUES ('m-1', 'wecom-ws', 'req-1', 'wr-chat', 'group', 1696813200000)");
            s.execute("INSERT INTO reply_route VALUES ('m-2', 'wecom-callback', 'https://x/r?code=2', 'zhangsan', "
                    + "'single', 1696900000000)");
        }

        try (Storage storage = Storage.open(url)) {
            assertThat(storage.replyRoutes().find("m-1")).hasValue(new ReplyRoute("m-1", "wecom-ws", "req-1",
                    "wr-chat", "group", Instant.ofEpochMilli(1696813200000L)));
            storage.replyRoutes().remember(new ReplyRoute("m-1", "wecom-ws", "req-1b", "wr-chat", "group",
                    Instant.ofEpochMilli(1696813300000L)));
            assertThat(storage.replyRoutes().find("m-1")).get().extracting(ReplyRoute::transportRef).isEqualTo("req-1b");
            assertThat(storage.replyRoutes().forgetBefore(Instant.ofEpochMilli(1696850000000L))).isEqualTo(1);
            assertThat(storage.replyRoutes().find("m-1")).isEmpty();
            assertThat(storage.replyRoutes().find("m-2")).isPresent();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'reply_route'")) {
            rs.next();
            assertThat(rs.getString(1)).contains("WITHOUT ROWID");
        }
    }
}
