package io.duban.storage.jdbi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Plain JDBC on a Jdbi handle's connection, for the handful of statements every inbound message runs (store it,
 * remember its reply route, look up the sender and the chat, read the reporting changes and the current report,
 * append the report, read its open problems, mark the message answered, enqueue the answer). Profiled in issue
 * 14, Jdbi's per-statement work (named-parameter parsing lookups, argument factories, statement context, the SqlObject
 * proxy) cost more than SQLite's own work for these short statements. The statements are prepared through the
 * connection, so the {@code StatementCache} reuses them; they join the handle's transaction like any Jdbi statement.
 * Everything else keeps Jdbi.
 */
final class Jdbc {
    private Jdbc() {
    }

    /** Sets a statement's parameters. */
    interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    /** A statement that failed; its cause is the {@link SQLException} (which {@code StorageFault} inspects). */
    static final class Failure extends RuntimeException {
        Failure(String sql, SQLException cause) {
            super(cause.getMessage() + " [statement: " + sql.strip().lines().findFirst().orElse("") + " …]", cause);
        }
    }

    /**
     * Runs an UPDATE or DELETE. @return the number of rows changed
     *
     * <p>Not for an INSERT on a hot path: the SQLite driver follows every INSERT run as an update with a
     * {@code SELECT last_insert_rowid()} of its own, prepared anew each time (for getGeneratedKeys), which costs as
     * much as a short insert. End the INSERT with RETURNING and run it with {@link #one} instead.
     */
    static int update(Handle h, String sql, Binder binder) {
        try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            binder.bind(st);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new Failure(sql, e);
        }
    }

    /** Runs a statement yielding at most one row (a SELECT, or an INSERT … RETURNING) and maps that row. */
    static <T> Optional<T> one(Handle h, String sql, Binder binder, RowMapper<T> mapper) {
        try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs, null)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new Failure(sql, e);
        }
    }

    /** Runs a query and maps every row. */
    static <T> List<T> list(Handle h, String sql, Binder binder, RowMapper<T> mapper) {
        try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs, null));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new Failure(sql, e);
        }
    }

    static void text(PreparedStatement st, int index, String value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.VARCHAR);
        } else {
            st.setString(index, value);
        }
    }

    static void integer(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    static void bigint(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BIGINT);
        } else {
            st.setLong(index, value);
        }
    }
}
