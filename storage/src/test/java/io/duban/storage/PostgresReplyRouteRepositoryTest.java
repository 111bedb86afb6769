package io.duban.storage;

import org.junit.jupiter.api.Tag;

/**
 * The same contract on PostgreSQL, when {@code DUBAN_TEST_PG_URL} names a database (CI starts a local server and
 * sets it). Each test starts from an empty schema.
 */
@Tag("postgres")
class PostgresReplyRouteRepositoryTest extends ReplyRouteRepositoryTest {
    @Override
    protected Storage open() {
        return PostgresTestDatabase.open(storage == null);
    }
}
