package io.duban.storage;

import org.junit.jupiter.api.Tag;

/** The V020 tables on PostgreSQL, when {@code DUBAN_TEST_PG_URL} names a database. Each test starts empty. */
@Tag("postgres")
class PostgresMeasuresRepositoryTest extends MeasuresRepositoryTest {
    @Override
    protected Storage open() {
        return PostgresTestDatabase.open(true);
    }
}
