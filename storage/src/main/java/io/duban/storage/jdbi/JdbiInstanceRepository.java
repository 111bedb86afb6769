package io.duban.storage.jdbi;

import io.duban.storage.InstanceRepository;
import io.duban.storage.model.ServeInstance;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiInstanceRepository implements InstanceRepository {
    private static final RowMapper<ServeInstance> MAPPER = (rs, ctx) -> new ServeInstance(
            rs.getString("instance_id"), rs.getString("host"), rs.getLong("pid"), rs.getString("role"),
            Times.instant(rs, "started_at"), Times.instant(rs, "heartbeat_at"), rs.getString("note"));

    private final Jdbi jdbi;

    public JdbiInstanceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void heartbeat(ServeInstance i) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO serve_instance (instance_id, host, pid, role, started_at, heartbeat_at, note)
                        VALUES (:id, :host, :pid, :role, :started, :beat, :note)
                        ON CONFLICT (instance_id) DO UPDATE
                        SET role = EXCLUDED.role, heartbeat_at = EXCLUDED.heartbeat_at, note = EXCLUDED.note""")
                .bind("id", i.instanceId())
                .bind("host", i.host())
                .bind("pid", i.pid())
                .bind("role", i.role())
                .bind("started", i.startedAt().toEpochMilli())
                .bind("beat", i.heartbeatAt().toEpochMilli())
                .bind("note", i.note())
                .execute());
    }

    @Override
    public List<ServeInstance> all() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT * FROM serve_instance ORDER BY heartbeat_at DESC, instance_id").map(MAPPER).list());
    }

    @Override
    public int forgetSilentSince(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM serve_instance WHERE heartbeat_at < :before")
                .bind("before", before.toEpochMilli()).execute());
    }

    @Override
    public void remove(String instanceId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM serve_instance WHERE instance_id = :id")
                .bind("id", instanceId).execute());
    }
}
