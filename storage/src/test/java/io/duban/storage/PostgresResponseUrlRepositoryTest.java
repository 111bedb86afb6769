package io.duban.storage;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

/**
 * The same contract on PostgreSQL, when {@code DUBAN_TEST_PG_URL} names a database (CI starts a local server and
 * sets it). Each test starts from an empty schema.
 */
@Tag("postgres")
class PostgresResponseUrlRepositoryTest extends ResponseUrlRepositoryTest {
    @Override
    protected Storage open() {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        if (storage == null) {
            Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        }
        return Storage.open(url);
    }
}
