package io.duban.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite writers of one process take turns in Java instead of sleeping in SQLite's busy handler: the turn is taken
 * when a connection begins a transaction and handed back when it returns to auto-commit or closes (on any thread), and
 * a turn that was not granted is never handed back.
 */
class WriteTurnTest {
    @TempDir
    Path dir;

    private Connection connection(String file, WriteTurn turn) throws Exception {
        return StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file)), turn);
    }

    /** Whether the turn is free now (taking and handing it back at once). */
    private static boolean free(WriteTurn turn) {
        if (turn.begin()) {
            turn.end();
            return true;
        }
        return false;
    }

    @Test
    void aTransactionHoldsTheTurn_untilItsConnectionReturnsToAutoCommit() throws Exception {
        WriteTurn turn = new WriteTurn(50);
        try (Connection c = connection("a.db", turn)) {
            assertThat(free(turn)).isTrue();
            c.setAutoCommit(false);
            assertThat(free(turn)).as("taken by the open transaction").isFalse();
            c.createStatement().execute("CREATE TABLE t (x INTEGER)");
            c.commit();
            assertThat(free(turn)).as("sqlite-jdbc begins the next transaction at once: still taken").isFalse();
            c.setAutoCommit(true);
            assertThat(free(turn)).isTrue();
            c.setAutoCommit(true);
            c.setAutoCommit(false);
            c.setAutoCommit(false);
            assertThat(free(turn)).isFalse();
        }
        assertThat(free(turn)).as("closing the connection ends its transaction and hands the turn back").isTrue();
    }

    @Test
    void aConnectionClosedOnAnotherThread_handsTheTurnBack() throws Exception {
        WriteTurn turn = new WriteTurn(50);
        Connection c = connection("a.db", turn);
        c.setAutoCommit(false);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> {
                c.close();
                return null;
            }).get(10, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(free(turn)).isTrue();
    }

    @Test
    void aTurnNotGrantedInTime_isNeverHandedBack() throws Exception {
        WriteTurn turn = new WriteTurn(50);
        // two files so that SQLite's own lock stays out of the way: only the shared turn is in question here
        try (Connection holder = connection("a.db", turn); Connection late = connection("b.db", turn)) {
            holder.setAutoCommit(false);
            late.setAutoCommit(false); // waits 50 ms, then goes on without the turn
            late.createStatement().execute("CREATE TABLE t (x INTEGER)");
            late.setAutoCommit(true);
            assertThat(free(turn)).as("still the holder's").isFalse();
            holder.setAutoCommit(true);
        }
        assertThat(turn.begin()).isTrue();
        assertThat(turn.begin()).as("one turn, not two").isFalse();
    }

    @Test
    void manyWritersOfOneFile_allCommit() throws Exception {
        try (Storage storage = Storage.open("jdbc:sqlite:" + dir.resolve("many.db"))) {
            ExecutorService writers = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        String id = "w" + writer + "-" + i;
                        storage.inTransaction(() -> storage.inbound().receive(UnitOfWorkTest.message(id,
                                UnitOfWorkTest.T0)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
            assertThat(storage.inbound().count()).isEqualTo(240);
        }
    }
}
