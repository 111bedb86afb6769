package io.duban.storage;

/** {@link UnitOfWorkTest} against PostgreSQL (skipped without {@code DUBAN_TEST_PG_URL}). */
class PostgresUnitOfWorkTest extends UnitOfWorkTest {
    @Override
    protected Storage open() {
        return PostgresTestDatabase.open(true);
    }
}
