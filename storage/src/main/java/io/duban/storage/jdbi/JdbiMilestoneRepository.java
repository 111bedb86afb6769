package io.duban.storage.jdbi;

import io.duban.storage.MilestoneRepository;
import io.duban.storage.model.MilestoneEdit;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiMilestoneRepository implements MilestoneRepository {
    private static final RowMapper<MilestoneEdit> MAPPER = (rs, ctx) -> new MilestoneEdit(
            rs.getLong("id"), rs.getInt("plan_year"), rs.getInt("task_number"),
            MilestoneEdit.Action.fromKey(rs.getString("action")), LocalDate.parse(rs.getString("milestone_date")),
            rs.getString("text"), Times.optionalInt(rs, "percent"), rs.getString("person_id"),
            Times.optionalLong(rs, "inbound_id"), Times.instant(rs, "created_at"));

    private final Jdbi jdbi;

    public JdbiMilestoneRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public MilestoneEdit append(MilestoneEdit e) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO milestone_edit (plan_year, task_number, action, milestone_date, text, percent,
                                                person_id, inbound_id, created_at)
                    VALUES (:year, :task, :action, :date, :text, :percent, :person, :inbound, :at)""")
                    .bind("year", e.planYear())
                    .bind("task", e.taskNumber())
                    .bind("action", e.action().key())
                    .bind("date", e.date().toString())
                    .bind("text", e.text())
                    .bind("percent", Times.nullable(e.percent()))
                    .bind("person", e.personId())
                    .bind("inbound", e.inboundId().orElse(null))
                    .bind("at", e.at().toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return h.createQuery("SELECT * FROM milestone_edit WHERE id = :id").bind("id", id).map(MAPPER).one();
        });
    }

    @Override
    public List<MilestoneEdit> all(int planYear) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM milestone_edit WHERE plan_year = :year ORDER BY id")
                .bind("year", planYear).map(MAPPER).list());
    }
}
