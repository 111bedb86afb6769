package io.duban.storage.jdbi;

import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;

/** Times are stored as epoch milliseconds (BIGINT) on SQLite and PostgreSQL alike. */
final class EpochMillis {
    private EpochMillis() {
    }

    /** Binds an {@link Instant} as its epoch milliseconds. */
    public static final class Arguments extends AbstractArgumentFactory<Instant> {
        public Arguments() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
        }
    }

    /** Reads a BIGINT of epoch milliseconds as an {@link Instant}. */
    public static final class Columns implements ColumnMapper<Instant> {
        @Override
        public Instant map(java.sql.ResultSet rs, int column, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        }
    }
}
