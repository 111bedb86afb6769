package io.duban.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
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

    private Database(Jdbi jdbi, Dialect dialect, String url) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.url = url;
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
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.folder)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        return new Database(jdbi, dialect, jdbcUrl);
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
        // Connections are opened per handle; nothing is pooled, so nothing stays open.
    }
}
