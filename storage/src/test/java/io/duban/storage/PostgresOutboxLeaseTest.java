package io.duban.storage;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The outbox lease contract on PostgreSQL, when {@code DUBAN_TEST_PG_URL} names a database. */
@Tag("postgres")
class PostgresOutboxLeaseTest extends OutboxLeaseTest {
    @BeforeEach
    void emptySchema() {
        String url = System.getenv("DUBAN_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "DUBAN_TEST_PG_URL not set");
        Jdbi.create(url).useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
    }

    @Override
    protected String url() {
        return System.getenv("DUBAN_TEST_PG_URL");
    }
}
