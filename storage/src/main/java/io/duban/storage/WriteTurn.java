package io.duban.storage;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Whose turn it is to write one SQLite file in this process. SQLite lets one transaction write at a time; a
 * connection that finds the file locked sleeps in SQLite's busy handler (1, 2, 5, 10, 15, 20, 25 … ms) and looks
 * again, so under load a writer sleeps on long after the lock was free: the group commit, two answering threads and
 * the outbox were measured losing a fifth of their callback throughput to those sleeps. Here a waiting transaction
 * wakes the moment the one before it ends.
 *
 * <p>A transaction takes the turn when its connection leaves auto-commit ({@code BEGIN IMMEDIATE}) and gives it back
 * when the connection returns to auto-commit or closes. A permit, not a lock: the pool may close a connection on
 * another thread. Waiting is bounded by SQLite's own busy timeout; past it the transaction goes on without the turn
 * and SQLite decides, as before. Another process on the same file still meets SQLite's lock and busy handler.
 */
final class WriteTurn {
    private final Semaphore permit = new Semaphore(1, true);
    private final long waitMillis;
    private final Runnable afterTransaction;

    /** @param afterTransaction told when a transaction hands its turn back (e.g. that there is log to checkpoint) */
    WriteTurn(long waitMillis, Runnable afterTransaction) {
        this.waitMillis = waitMillis;
        this.afterTransaction = afterTransaction;
    }

    WriteTurn(long waitMillis) {
        this(waitMillis, () -> { });
    }

    /** Waits for the turn. @return whether it was granted (to be handed back with {@link #end()}) */
    boolean begin() {
        try {
            return permit.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a transaction waits for the turn now. */
    boolean othersWait() {
        return permit.hasQueuedThreads();
    }

    void end() {
        permit.release();
        afterTransaction.run();
    }
}
