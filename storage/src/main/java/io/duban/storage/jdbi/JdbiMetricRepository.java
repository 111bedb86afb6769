package io.duban.storage.jdbi;

import io.duban.storage.MetricRepository;
import io.duban.storage.model.MetricTarget;
import io.duban.storage.model.MetricValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

public final class JdbiMetricRepository implements MetricRepository {
    private static final RowMapper<MetricValue> VALUE = (rs, ctx) -> new MetricValue(
            rs.getLong("report_id"), rs.getInt("plan_year"), rs.getInt("task_number"), rs.getString("unit"),
            rs.getString("metric"), rs.getDouble("value"), Times.instant(rs, "reported_at"));
    private static final RowMapper<MetricTarget> TARGET = (rs, ctx) -> new MetricTarget(
            rs.getLong("id"), rs.getInt("plan_year"), rs.getInt("task_number"), rs.getString("metric"),
            rs.getDouble("target"), rs.getString("person_id"), Times.optionalLong(rs, "inbound_id"),
            Times.instant(rs, "created_at"));

    private final Jdbi jdbi;

    public JdbiMetricRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void addValues(long reportId, Map<String, Double> values) {
        if (values.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(
                    "INSERT INTO metric_value (report_id, metric, value) VALUES (:report, :metric, :value)");
            values.forEach((metric, value) -> batch.bind("report", reportId).bind("metric", metric)
                    .bind("value", value).add());
            batch.execute();
        });
    }

    @Override
    public Map<String, Double> valuesOf(long reportId) {
        Map<String, Double> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT metric, value FROM metric_value WHERE report_id = :id ORDER BY id")
                .bind("id", reportId)
                .map((rs, ctx) -> Map.entry(rs.getString("metric"), rs.getDouble("value")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    @Override
    public List<MetricValue> values(int planYear) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT v.report_id, v.metric, v.value, r.plan_year, r.task_number, r.unit, r.reported_at
                        FROM metric_value v JOIN progress_report r ON r.id = v.report_id
                        WHERE r.plan_year = :year ORDER BY v.report_id, v.id""")
                .bind("year", planYear).map(VALUE).list());
    }

    /**
     * Driven from the (few) figures, not from the (many) reports: SQLite keeps the table order of a CROSS JOIN, so it
     * looks each figure's report up by id instead of scanning every report of the task.
     */
    private static final String EFFECTIVE = """
            SELECT v.report_id, v.metric, v.value, r.plan_year, r.task_number, r.unit, r.reported_at
            FROM metric_value v CROSS JOIN progress_report r
            WHERE r.id = v.report_id AND r.plan_year = :year AND %s AND r.kind <> 'withdrawal'
              AND NOT EXISTS (SELECT 1 FROM progress_report s WHERE s.supersedes_id = r.id)
            ORDER BY v.report_id, v.id""";

    @Override
    public List<MetricValue> effectiveValues(int planYear) {
        return jdbi.withHandle(h -> h.createQuery(EFFECTIVE.formatted("1 = 1"))
                .bind("year", planYear).map(VALUE).list());
    }

    @Override
    public List<MetricValue> effectiveValues(int planYear, int taskNumber) {
        return jdbi.withHandle(h -> h.createQuery(EFFECTIVE.formatted("r.task_number = :task"))
                .bind("year", planYear).bind("task", taskNumber).map(VALUE).list());
    }

    @Override
    public MetricTarget setTarget(MetricTarget t) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO metric_target (plan_year, task_number, metric, target, person_id, inbound_id, created_at)
                    VALUES (:year, :task, :metric, :target, :person, :inbound, :at)""")
                    .bind("year", t.planYear())
                    .bind("task", t.taskNumber())
                    .bind("metric", t.metric())
                    .bind("target", t.target())
                    .bind("person", t.personId())
                    .bind("inbound", t.inboundId().orElse(null))
                    .bind("at", t.at().toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return h.createQuery("SELECT * FROM metric_target WHERE id = :id").bind("id", id).map(TARGET).one();
        });
    }

    @Override
    public List<MetricTarget> targets(int planYear) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM metric_target WHERE plan_year = :year ORDER BY id")
                .bind("year", planYear).map(TARGET).list());
    }
}
