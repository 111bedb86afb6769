package io.duban.storage.jdbi;

import io.duban.storage.ReportingChangeRepository;
import io.duban.storage.model.ReportingChange;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiReportingChangeRepository implements ReportingChangeRepository {
    private static final RowMapper<ReportingChange> MAPPER = (rs, ctx) -> new ReportingChange(
            rs.getLong("id"), rs.getInt("plan_year"), rs.getInt("task_number"), rs.getString("cadence"),
            rs.getInt("month_week"), holidays(rs.getString("holidays")), rs.getBoolean("responsible_owe"),
            rs.getString("changed_by"), Times.optionalLong(rs, "inbound_id"), Times.instant(rs, "changed_at"));

    private final Jdbi jdbi;

    public JdbiReportingChangeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static List<String> holidays(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split("、"));
    }

    @Override
    public ReportingChange append(ReportingChange c) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO task_reporting_change (plan_year, task_number, cadence, month_week, holidays,
                                                       responsible_owe, changed_by, inbound_id, changed_at)
                    VALUES (:year, :task, :cadence, :monthWeek, :holidays, :owe, :by, :inbound, :at)""")
                    .bind("year", c.planYear())
                    .bind("task", c.taskNumber())
                    .bind("cadence", c.cadence())
                    .bind("monthWeek", c.monthWeek())
                    .bind("holidays", String.join("、", c.holidays()))
                    .bind("owe", c.responsibleOwe())
                    .bind("by", c.changedBy())
                    .bind("inbound", c.inboundId().orElse(null))
                    .bind("at", c.changedAt().toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return h.createQuery("SELECT * FROM task_reporting_change WHERE id = :id").bind("id", id).map(MAPPER).one();
        });
    }

    @Override
    public List<ReportingChange> latestPerTask(int planYear) {
        return jdbi.withHandle(h -> Jdbc.list(h, """
                SELECT c.* FROM task_reporting_change c
                JOIN (SELECT task_number, MAX(id) AS id FROM task_reporting_change WHERE plan_year = ?
                      GROUP BY task_number) latest ON latest.id = c.id
                ORDER BY c.task_number""", st -> st.setInt(1, planYear), MAPPER));
    }

    @Override
    public List<ReportingChange> history(int planYear, int taskNumber) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM task_reporting_change WHERE plan_year = :year AND task_number = :task ORDER BY id""")
                .bind("year", planYear).bind("task", taskNumber).map(MAPPER).list());
    }
}
