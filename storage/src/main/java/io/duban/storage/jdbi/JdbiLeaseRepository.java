package io.duban.storage.jdbi;

import io.duban.storage.LeaseRepository;
import io.duban.storage.model.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiLeaseRepository implements LeaseRepository {
    private static final RowMapper<Lease> MAPPER = (rs, ctx) -> new Lease(rs.getString("name"),
            rs.getString("holder"), rs.getLong("token"), Times.instant(rs, "expires_at"));

    private final Jdbi jdbi;

    public JdbiLeaseRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Lease> acquire(String name, String holder, Instant now, Duration ttl) {
        long until = now.plus(ttl).toEpochMilli();
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO leader_lease (name, holder, token, expires_at)
                            VALUES (:name, :holder, 1, :until)
                            ON CONFLICT (name) DO NOTHING""")
                    .bind("name", name).bind("holder", holder).bind("until", until)
                    .execute();
            // Renew our own lease, or take one that ran out; the token grows whenever the holder changes. The
            // condition is checked again on the locked row, so two instances racing for it cannot both win.
            h.createUpdate("""
                            UPDATE leader_lease
                            SET token = CASE WHEN holder = :holder THEN token ELSE token + 1 END,
                                holder = :holder, expires_at = :until
                            WHERE name = :name AND (holder = :holder OR expires_at < :now)""")
                    .bind("name", name).bind("holder", holder).bind("until", until).bind("now", now.toEpochMilli())
                    .execute();
            return h.createQuery("SELECT * FROM leader_lease WHERE name = :name AND holder = :holder")
                    .bind("name", name).bind("holder", holder)
                    .map(MAPPER).findOne();
        });
    }

    @Override
    public void release(String name, String holder) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE leader_lease SET expires_at = 0 WHERE name = :name AND holder = :holder""")
                .bind("name", name).bind("holder", holder).execute());
    }

    @Override
    public Optional<Lease> current(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM leader_lease WHERE name = :name")
                .bind("name", name).map(MAPPER).findOne());
    }

    @Override
    public boolean holds(String name, String holder, long token, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM leader_lease
                        WHERE name = :name AND holder = :holder AND token = :token AND expires_at >= :now""")
                .bind("name", name).bind("holder", holder).bind("token", token).bind("now", now.toEpochMilli())
                .mapTo(Integer.class).one()) == 1;
    }
}
