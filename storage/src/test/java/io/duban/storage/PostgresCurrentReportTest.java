package io.duban.storage;

/** {@link CurrentReportTest} against PostgreSQL (skipped without {@code DUBAN_TEST_PG_URL}). */
class PostgresCurrentReportTest extends CurrentReportTest {
    @Override
    protected Storage open() {
        return PostgresTestDatabase.open(true);
    }
}
