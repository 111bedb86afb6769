package io.duban.storage;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL database the contract tests run against when {@code DUBAN_TEST_PG_URL} names one (CI starts a
 * local server and sets it); the tests are skipped otherwise.
 */
final class PostgresTestDatabase {
    private PostgresTestDatabase() {
    }

    /** Opens the test database; {@code fresh} first empties the schema so that each test starts clean. */
    static Storage open(boolean fresh) {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        if (fresh) {
            Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
        }
        return Storage.open(url);
    }
}
