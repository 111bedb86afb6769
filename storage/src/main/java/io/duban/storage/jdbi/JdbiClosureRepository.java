package io.duban.storage.jdbi;

import io.duban.storage.ClosureRepository;
import io.duban.storage.model.ClosureAction;
import io.duban.storage.model.ClosureEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiClosureRepository implements ClosureRepository {
    private static final RowMapper<ClosureEvent> MAPPER = (rs, ctx) -> new ClosureEvent(
            rs.getLong("id"), rs.getInt("plan_year"), rs.getInt("task_number"),
            ClosureAction.fromKey(rs.getString("action")), rs.getString("unit"), rs.getString("person_id"),
            rs.getString("note"), Times.optionalLong(rs, "inbound_id"), Times.instant(rs, "created_at"));

    /** Memo key: the closed tasks of a plan year, read once per unit of work. */
    private record ClosedTasks(int planYear) {
    }

    private final Jdbi jdbi;

    public JdbiClosureRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ClosureEvent append(ClosureEvent e) {
        WorkScope.forget(ClosedTasks.class);
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO task_closure (plan_year, task_number, action, unit, person_id, note, inbound_id,
                                              created_at)
                    VALUES (:year, :task, :action, :unit, :person, :note, :inbound, :at)""")
                    .bind("year", e.planYear())
                    .bind("task", e.taskNumber())
                    .bind("action", e.action().key())
                    .bind("unit", e.unit())
                    .bind("person", e.personId())
                    .bind("note", e.note())
                    .bind("inbound", e.inboundId().orElse(null))
                    .bind("at", e.at().toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return h.createQuery("SELECT * FROM task_closure WHERE id = :id").bind("id", id).map(MAPPER).one();
        });
    }

    @Override
    public Optional<ClosureEvent> latest(int planYear, int taskNumber) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM task_closure WHERE plan_year = :year AND task_number = :task
                        ORDER BY id DESC LIMIT 1""")
                .bind("year", planYear).bind("task", taskNumber).map(MAPPER).findOne());
    }

    /** Inside a unit of work the closed tasks of the year are read once, not once per task asked about. */
    @Override
    public boolean isClosed(int planYear, int taskNumber) {
        if (!WorkScope.active()) {
            return ClosureRepository.super.isClosed(planYear, taskNumber);
        }
        Set<Integer> closed = WorkScope.memo(new ClosedTasks(planYear), () -> latestPerTask(planYear).stream()
                .filter(e -> e.action() == ClosureAction.APPROVED)
                .map(ClosureEvent::taskNumber)
                .collect(Collectors.toUnmodifiableSet()));
        return closed.contains(taskNumber);
    }

    @Override
    public List<ClosureEvent> latestPerTask(int planYear) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.* FROM task_closure c
                        JOIN (SELECT task_number, MAX(id) AS id FROM task_closure WHERE plan_year = :year
                              GROUP BY task_number) latest ON latest.id = c.id
                        ORDER BY c.task_number""")
                .bind("year", planYear).map(MAPPER).list());
    }

    @Override
    public List<ClosureEvent> all(int planYear) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM task_closure WHERE plan_year = :year ORDER BY id")
                .bind("year", planYear).map(MAPPER).list());
    }
}
