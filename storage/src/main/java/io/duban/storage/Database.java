package io.duban.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Builds the one {@link Jdbi} of the process for a JDBC URL and applies the migrations for its dialect.
 * SQLite gets WAL, foreign keys, a busy timeout and immediate transactions (one writer at a time, no
 * read-then-upgrade deadlocks) and a prepared-statement cache; PostgreSQL is used as it is.
 *
 * <p>Storage faults are never silent: opening a database that cannot be written fails with one {@link StorageFault}
 * line naming the file and the cause, and every connection borrowed afterwards first checks that the SQLite file is
 * still the one that was opened — a file deleted or replaced underneath the bot stops all writes (instead of writing
 * into an unlinked file) until the bot is restarted.
 */
public final class Database implements AutoCloseable {
    /** How long a SQLite transaction waits for the file's write lock (in this process: its {@link WriteTurn}). */
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    public enum Dialect {
        SQLITE("sqlite"),
        POSTGRESQL("postgresql");

        private final String folder;

        Dialect(String folder) {
            this.folder = folder;
        }
    }

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String url;

    private final HikariDataSource pool;
    private final FileWatch file;

    private final Optional<WalCheckpointer> checkpointer;
    private final Optional<WriteTurn> writeTurn;

    private Database(Jdbi jdbi, Dialect dialect, String url, HikariDataSource pool, FileWatch file,
                     Optional<WalCheckpointer> checkpointer, Optional<WriteTurn> writeTurn) {
        this.checkpointer = checkpointer;
        this.writeTurn = writeTurn;
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.url = url;
        this.pool = pool;
        this.file = file;
    }

    /**
     * Whether another transaction of this process waits to write (SQLite writes one transaction at a time): a long
     * unit of work that can be cut, such as answering several messages, commits early so that the waiting one (an
     * acknowledgement waiting for its message to be stored) goes first. Always {@code false} on PostgreSQL, where
     * transactions write side by side.
     */
    public boolean othersWaitToWrite() {
        return writeTurn.map(WriteTurn::othersWait).orElse(false);
    }

    /**
     * Pool sizes, from who uses the database in {@code serve}: the group-commit writer that stores callbacks (HTTP
     * threads never touch the database), two callback answer threads, the long connection's conversation worker,
     * the outbox drainer, the weekly rhythm, the recovery pass for unanswered messages and the status writer — eight
     * threads at most, so eight connections: no thread ever waits for the pool. With SQLite they still write one at
     * a time (immediate transactions queue on SQLite's lock, up to the busy timeout) and read in parallel (WAL), so
     * more connections than users would only hold idle native memory, while fewer (the old 4, profiled in issue 14)
     * made HTTP threads queue for the pool behind the answer threads. PostgreSQL gets two more for the lease and
     * heartbeat of active/standby instances. Opening a SQLite connection costs more than most statements, so
     * connections are kept (minimum idle 2) and each keeps its prepared statements ({@link StatementCache}).
     */
    private static HikariDataSource pool(DataSource dataSource, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("duban-" + dialect.folder);
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? 8 : 10);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    public static Database open(String jdbcUrl) {
        Optional<Path> file = sqliteFile(jdbcUrl);
        String name = file.map(Path::toString).orElse(redact(jdbcUrl));
        try {
            return openChecked(jdbcUrl, file);
        } catch (RuntimeException e) {
            Optional<StorageFault> fault = StorageFault.of(e, name);
            if (fault.isPresent()) {
                throw fault.get();
            }
            throw e;
        }
    }

    private static Database openChecked(String jdbcUrl, Optional<Path> file) {
        DataSource dataSource;
        Dialect dialect;
        SQLiteDataSource sqlite = null;
        WriteTurn turn = null;
        AtomicBoolean written = new AtomicBoolean(); // set by each SQLite write transaction, read by the checkpointer
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            dialect = Dialect.SQLITE;
            createParentFolder(jdbcUrl);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
            if (file.isPresent()) {
                config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT,
                        String.valueOf(WalCheckpointer.INLINE_AFTER_PAGES));
            }
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(jdbcUrl);
            sqlite = ds;
            WriteTurn sqliteTurn = new WriteTurn(SQLITE_BUSY_TIMEOUT_MS, () -> written.set(true));
            turn = sqliteTurn;
            dataSource = new Delegating(ds) {
                @Override
                public Connection getConnection() throws SQLException {
                    return StatementCache.wrap(ds.getConnection(), sqliteTurn);
                }
            };
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(jdbcUrl);
            // The driver prepares a statement on the server from its fifth use on and keeps it per connection.
            ds.setPrepareThreshold(1);
            dataSource = ds;
        } else {
            throw new IllegalArgumentException(
                    "unsupported database URL (expected jdbc:sqlite:… or jdbc:postgresql:…): " + redact(jdbcUrl));
        }
        String name = file.map(Path::toString).orElse(redact(jdbcUrl));
        checkConnection(dataSource, jdbcUrl);
        HikariDataSource pool = pool(dataSource, dialect);
        try {
            if (!SchemaCheck.isCurrent(pool, "db/migration/" + dialect.folder)) {
                migrate(pool, dialect);
            }
            FileWatch watch = new FileWatch(file, name);
            DataSource checked = new Delegating(pool) {
                @Override
                public Connection getConnection() throws SQLException {
                    watch.check();
                    return pool.getConnection();
                }
            };
            Jdbi jdbi = Jdbi.create(checked).installPlugin(new SqlObjectPlugin());
            probeWrite(jdbi);
            Optional<WalCheckpointer> checkpointer = sqlite != null && file.isPresent()
                    ? Optional.of(WalCheckpointer.start(ownConnection(sqlite, name), name, written)) : Optional.empty();
            return new Database(jdbi, dialect, jdbcUrl, pool, watch, checkpointer, Optional.ofNullable(turn));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static Connection ownConnection(SQLiteDataSource sqlite, String name) {
        try {
            return sqlite.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + name + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource pool, Dialect dialect) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/" + dialect.folder)
                .failOnMissingLocations(true)
                // Migration numbers were handed out per feature and land in any order: a database already at
                // V005 still gets V002 (each migration only adds tables and columns).
                .outOfOrder(true)
                .load();
        flyway.migrate();
    }

    /**
     * Writes (and rolls back) one row, so that a database the bot could read but not write is refused at start
     * rather than at the first message.
     */
    private static void probeWrite(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            h.begin();
            try {
                h.createUpdate("""
                                INSERT INTO leader_lease (name, holder, token, expires_at)
                                VALUES ('write-probe', 'probe', 0, 0)""")
                        .execute();
            } finally {
                h.rollback();
            }
        });
    }

    /** The SQLite database file of a URL, when it names one (not {@code :memory:} or a {@code file:} URI). */
    static Optional<Path> sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path));
    }

    /**
     * Remembers the identity (device and inode) of the SQLite file at open and compares it before each use: a
     * deleted or replaced file is a {@link StorageFault} from then on, until restart (the connections still point at
     * the old, possibly unlinked file).
     */
    static final class FileWatch {
        private final Optional<Path> file;
        private final Object identity;
        private final String name;
        private final AtomicReference<StorageFault> broken = new AtomicReference<>();

        FileWatch(Optional<Path> file, String name) {
            this.file = file;
            this.name = name;
            this.identity = file.map(FileWatch::identityOf).orElse(null);
        }

        private static Object identityOf(Path p) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return a.fileKey() != null ? a.fileKey() : a.creationTime();
            } catch (IOException e) {
                return null;
            }
        }

        void check() {
            StorageFault known = broken.get();
            if (known != null) {
                throw known;
            }
            if (file.isEmpty() || identity == null) {
                return;
            }
            Object now = identityOf(file.get());
            if (now == null) {
                fail(new StorageFault(StorageFault.Kind.FILE_MISSING, name, "", null));
            } else if (!Objects.equals(now, identity)) {
                fail(new StorageFault(StorageFault.Kind.FILE_REPLACED, name, "", null));
            }
        }

        private void fail(StorageFault fault) {
            broken.compareAndSet(null, fault);
            throw broken.get();
        }

        Optional<StorageFault> problem() {
            return Optional.ofNullable(broken.get());
        }
    }

    /** A data source that hands everything but {@link #getConnection()} to another. */
    private abstract static class Delegating implements DataSource {
        private final DataSource target;

        Delegating(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("credentials come with the URL");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target.isWrapperFor(iface);
        }
    }

    private static void checkConnection(DataSource dataSource, String url) {
        try (Connection ignored = dataSource.getConnection()) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    private static void createParentFolder(String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for the database " + parent, e);
        }
    }

    /** The URL without a password, for logs and messages. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):([^@/]+)@", "//$1:***@");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String redactedUrl() {
        return redact(url);
    }

    /** The database as logs and status name it: the SQLite file path, or the URL without its password. */
    public String displayName() {
        return sqliteFile(url).map(Path::toString).orElse(redact(url));
    }

    /**
     * Checks now that the database file is still the one opened (the check also runs before every use).
     *
     * @return the fault that stopped storage, if any
     */
    public Optional<StorageFault> health() {
        try {
            file.check();
        } catch (StorageFault e) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The SQLite file, when the database is one. */
    public Optional<Path> file() {
        return sqliteFile(url);
    }

    @Override
    public void close() {
        checkpointer.ifPresent(WalCheckpointer::close);
        pool.close();
    }
}
