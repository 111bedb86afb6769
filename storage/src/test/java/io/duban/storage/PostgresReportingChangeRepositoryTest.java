package io.duban.storage;

import org.junit.jupiter.api.Tag;

/** The same contract on PostgreSQL, when {@code DUBAN_TEST_PG_URL} names a database. */
@Tag("postgres")
class PostgresReportingChangeRepositoryTest extends ReportingChangeRepositoryTest {
    @Override
    protected Storage open() {
        return PostgresTestDatabase.open(storage == null);
    }
}
