package io.duban.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a SQLite file's write-ahead log back into the database in the background, every {@link #INTERVAL} after
 * something was written, so that no message waits for it. Left to SQLite, the commit that fills the log to 1,000 pages does the copy and its two
 * fsyncs itself: 3–4 ms about every fiftieth report, a fifth of the time a stored-and-answered report took on average.
 * A passive checkpoint takes no lock a writer needs. SQLite still checkpoints inside a commit once the log reaches
 * {@link #INLINE_AFTER_PAGES} pages, should this thread fall behind or stop.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    static final Duration INTERVAL = Duration.ofMillis(100);
    /** wal_autocheckpoint of the pooled connections: the inline checkpoint as a safety net only. */
    static final int INLINE_AFTER_PAGES = 10_000;

    private final Connection connection;
    private final String name;
    private final AtomicBoolean written;
    private final ScheduledExecutorService thread;
    private String lastProblem = "";

    private WalCheckpointer(Connection connection, String name, AtomicBoolean written) {
        this.connection = connection;
        this.name = name;
        this.written = written;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sqlite-checkpoint " + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts checkpointing on a connection of its own, which it closes when it is closed.
     *
     * @param written set by each write transaction; a checkpoint runs only after one (and clears it)
     */
    static WalCheckpointer start(Connection own, String name, AtomicBoolean written) {
        WalCheckpointer c = new WalCheckpointer(own, name, written);
        c.thread.scheduleWithFixedDelay(c::checkpoint, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return c;
    }

    private void checkpoint() {
        if (!written.getAndSet(false)) {
            return;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            lastProblem = "";
        } catch (SQLException | RuntimeException e) {
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(lastProblem)) { // once per kind of failure, not ten times a second
                LOG.warn("SQLite {}: background checkpoint failed ({}); commits checkpoint themselves meanwhile",
                        name, problem);
                lastProblem = problem;
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown
        }
    }
}
