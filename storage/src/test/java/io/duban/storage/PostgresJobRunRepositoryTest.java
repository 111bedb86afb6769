package io.duban.storage;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The claim contract on PostgreSQL, when {@code DUBAN_TEST_PG_URL} names a database (CI starts a local server and
 * sets it). Each test starts from an empty schema; the racing test uses two connections to it.
 */
@Tag("postgres")
class PostgresJobRunRepositoryTest extends JobRunRepositoryTest {
    @BeforeEach
    void emptySchema() {
        Jdbi.create(url()).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
    }

    @Override
    protected String url() {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        return url;
    }
}
