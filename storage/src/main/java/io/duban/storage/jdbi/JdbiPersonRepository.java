package io.duban.storage.jdbi;

import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.PersonRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiPersonRepository implements PersonRepository {
    private static final RowMapper<Person> MAPPER = (rs, ctx) -> new Person(
            rs.getString("user_id"), rs.getString("name"), rs.getString("unit"),
            Role.parse(rs.getString("role")).orElse(Role.STAFF));

    private final Jdbi jdbi;

    public JdbiPersonRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Person> find(String userId) {
        // plain JDBC: every message looks this up (see Jdbc)
        return jdbi.withHandle(h -> Jdbc.one(h, "SELECT * FROM person WHERE user_id = ?", st -> st.setString(1, userId),
                MAPPER));
    }

    @Override
    public List<Person> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM person ORDER BY unit, user_id").map(MAPPER).list());
    }

    @Override
    public void seedFromFile(Person p, Instant at) {
        upsert(p, "file", at, "WHERE person.source = 'file'");
    }

    @Override
    public void saveFromChat(Person p, Instant at) {
        upsert(p, "chat", at, "");
    }

    private void upsert(Person p, String source, Instant at, String condition) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO person (user_id, name, unit, role, source, updated_at)
                        VALUES (:id, :name, :unit, :role, :source, :at)
                        ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, unit = excluded.unit,
                            role = excluded.role, source = excluded.source, updated_at = excluded.updated_at
                        """ + condition)
                .bind("id", p.userId()).bind("name", p.name()).bind("unit", p.unit()).bind("role", p.role().key())
                .bind("source", source).bind("at", at.toEpochMilli())
                .execute());
    }
}
