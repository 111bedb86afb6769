package io.duban.storage;

/** {@link LeaseAndInstanceTest} against PostgreSQL (skipped without {@code DUBAN_TEST_PG_URL}). */
class PostgresLeaseAndInstanceTest extends LeaseAndInstanceTest {
    @Override
    protected Storage open() {
        return PostgresTestDatabase.open(true);
    }
}
