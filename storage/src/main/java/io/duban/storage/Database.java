package io.duban.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
 * read-then-upgrade deadlocks); PostgreSQL is used as it is.
 */
public final class Database implements AutoCloseable {
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

    private Database(Jdbi jdbi, Dialect dialect, String url, HikariDataSource pool) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.url = url;
        this.pool = pool;
    }

    /**
     * A small pool: opening a SQLite connection costs more than most of our statements. SQLite still has one writer
     * at a time (immediate transactions wait up to the busy timeout), so a few connections are enough.
     */
    private static HikariDataSource pool(DataSource dataSource, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("duban-" + dialect.folder);
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? 4 : 8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    public static Database open(String jdbcUrl) {
        DataSource dataSource;
        Dialect dialect;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            dialect = Dialect.SQLITE;
            createParentFolder(jdbcUrl);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(10_000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(jdbcUrl);
            dataSource = ds;
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(jdbcUrl);
            dataSource = ds;
        } else {
            throw new IllegalArgumentException(
                    "unsupported database URL (expected jdbc:sqlite:… or jdbc:postgresql:…): " + redact(jdbcUrl));
        }
        checkConnection(dataSource, jdbcUrl);
        HikariDataSource pool = pool(dataSource, dialect);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/" + dialect.folder)
                .failOnMissingLocations(true)
                // Migration numbers were handed out per feature and land in any order: a database already at
                // V005 still gets V002 (each migration only adds tables and columns).
                .outOfOrder(true)
                .load()
                .migrate();
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        return new Database(jdbi, dialect, jdbcUrl, pool);
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

    @Override
    public void close() {
        pool.close();
    }
}
