package io.duban.storage;

import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The database cannot take what the bot must store: the disk is full, the file is read-only, missing or was replaced
 * underneath the running bot, or the server is unreachable. {@link #getMessage} is one plain line naming the database
 * and the cause, for the log and for {@code ./duban status}; no stack trace is needed to understand it.
 */
public final class StorageFault extends IllegalStateException {
    public enum Kind {
        DISK_FULL("the disk is full (or the database reached its size limit)"),
        READ_ONLY("the database is read-only"),
        FILE_MISSING("the database file is missing (deleted or moved while the bot was running)"),
        FILE_REPLACED("the database file was replaced while the bot was running"),
        UNAVAILABLE("the database cannot be reached"),
        IO_ERROR("the database file cannot be read or written (I/O error)");

        private final String cause;

        Kind(String cause) {
            this.cause = cause;
        }

        public String cause() {
            return cause;
        }
    }

    private final Kind kind;

    public StorageFault(Kind kind, String database, String detail, Throwable cause) {
        super("cannot store in " + database + ": " + kind.cause()
                + (detail == null || detail.isBlank() ? "" : " (" + oneLine(detail) + ")"), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The storage fault behind a failure, if the failure is one (walks the causes). */
    public static Optional<StorageFault> of(Throwable failure, String database) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageFault fault) {
                return Optional.of(fault);
            }
            if (t instanceof SQLException sql) {
                Optional<Kind> kind = kindOf(sql);
                if (kind.isPresent()) {
                    return Optional.of(new StorageFault(kind.get(), database, sql.getMessage(), failure));
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<Kind> kindOf(SQLException e) {
        if (e instanceof SQLiteException lite) {
            SQLiteErrorCode code = lite.getResultCode();
            String name = code.name();
            if (code == SQLiteErrorCode.SQLITE_READONLY_DBMOVED) {
                return Optional.of(Kind.FILE_MISSING);
            }
            if (name.startsWith("SQLITE_FULL")) {
                return Optional.of(Kind.DISK_FULL);
            }
            if (name.startsWith("SQLITE_READONLY")) {
                return Optional.of(Kind.READ_ONLY);
            }
            if (name.startsWith("SQLITE_CANTOPEN")) {
                return Optional.of(Kind.FILE_MISSING);
            }
            if (name.startsWith("SQLITE_IOERR") || name.startsWith("SQLITE_NOTADB") || name.startsWith("SQLITE_CORRUPT")) {
                return Optional.of(Kind.IO_ERROR);
            }
            return Optional.empty();
        }
        String state = e.getSQLState();
        if (state == null) {
            // The pool could not hand out a connection in time: the server is down or unreachable.
            return e instanceof java.sql.SQLTransientConnectionException ? Optional.of(Kind.UNAVAILABLE)
                    : Optional.empty();
        }
        if (state.startsWith("08")) {
            return Optional.of(Kind.UNAVAILABLE);
        }
        if (state.equals("53100")) {
            return Optional.of(Kind.DISK_FULL);
        }
        if (state.equals("25006")) {
            return Optional.of(Kind.READ_ONLY);
        }
        return Optional.empty();
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
