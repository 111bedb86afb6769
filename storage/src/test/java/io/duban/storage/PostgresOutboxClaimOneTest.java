package io.duban.storage;

import org.junit.jupiter.api.Tag;

/** The same on PostgreSQL, when {@code DUBAN_TEST_PG_URL} names a database. */
@Tag("postgres")
class PostgresOutboxClaimOneTest extends OutboxClaimOneTest {
    @Override
    protected Storage open() {
        return PostgresTestDatabase.open(storage == null);
    }
}
