package io.duban.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * SQLite serves one {@code serve} process: the first takes an exclusive lock on {@code <db>.serve.lock} (released by
 * the operating system when the process ends, however it ends), a second one on the same file refuses to start with
 * one line saying which process holds it. PostgreSQL needs no lock: its instances agree through a lease.
 */
public final class ServeLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ServeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for a SQLite database file; nothing to take for other databases.
     *
     * @throws IllegalStateException when another process serves the same file
     */
    public static Optional<ServeLock> take(Database database) {
        Optional<Path> file = database.file();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path lockFile = file.get().resolveSibling(file.get().getFileName() + ".serve.lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // held by this very process
            }
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new IllegalStateException("another duban serve already uses " + file.get()
                        + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + "; SQLite serves one instance — stop it first, or run several instances on PostgreSQL");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)),
                    0);
            channel.force(false);
            return Optional.of(new ServeLock(channel, lock));
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process is ending; the operating system drops the lock anyway
        }
    }
}
