package io.duban.storage;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

/** The desk tables on PostgreSQL, when {@code DUBAN_TEST_PG_URL} names a database. Each test starts empty. */
@Tag("postgres")
class PostgresDeskRepositoryTest extends DeskRepositoryTest {
    @Override
    protected Storage open() {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        return Storage.open(url);
    }
}
