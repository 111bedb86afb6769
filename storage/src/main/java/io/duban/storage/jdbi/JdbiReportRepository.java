package io.duban.storage.jdbi;

import io.duban.storage.ReportRepository;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiReportRepository implements ReportRepository {
    /** Rows that count: not replaced by a later row, and not withdrawals themselves. */
    private static final String EFFECTIVE = """
            r.kind <> 'withdrawal'
            AND NOT EXISTS (SELECT 1 FROM progress_report s WHERE s.supersedes_id = r.id)""";

    private static final String LATEST_EFFECTIVE = """
            SELECT r.* FROM progress_report r
            JOIN (SELECT r.task_number, r.unit, MAX(r.id) AS id FROM progress_report r
                  WHERE r.plan_year = :year AND %s
                  GROUP BY r.task_number, r.unit) latest ON latest.id = r.id
            ORDER BY r.task_number, r.unit""".formatted(EFFECTIVE);

    private static final RowMapper<ProgressReport> MAPPER = new ReportMapper();

    private final Jdbi jdbi;

    public JdbiReportRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ProgressReport append(NewReport n) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO progress_report
                        (plan_year, task_number, unit, reporter_id, inbound_id, kind, supersedes_id, status, percent,
                         progress, problems, next_steps, kpi_numerator, kpi_denominator, report_week, reported_at,
                         no_change)
                    VALUES (:year, :task, :unit, :reporter, :inbound, :kind, :supersedes, :status, :percent,
                            :progress, :problems, :nextSteps, :kpiNumerator, :kpiDenominator, :week, :at,
                            :noChange)""")
                    .bind("year", n.planYear())
                    .bind("task", n.taskNumber())
                    .bind("unit", n.unit())
                    .bind("reporter", n.reporterId())
                    .bind("inbound", n.inboundId().orElse(null))
                    .bind("kind", n.kind().key())
                    .bind("supersedes", n.supersedesId().orElse(null))
                    .bind("status", n.status().map(ReportStatus::name).orElse(null))
                    .bind("percent", Times.nullable(n.percent()))
                    .bind("progress", n.progress())
                    .bind("problems", n.problems())
                    .bind("nextSteps", n.nextSteps())
                    .bind("kpiNumerator", Times.nullable(n.kpiNumerator()))
                    .bind("kpiDenominator", Times.nullable(n.kpiDenominator()))
                    .bind("week", n.reportWeek())
                    .bind("at", n.reportedAt().toEpochMilli())
                    .bind("noChange", n.noChange())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return h.createQuery("SELECT * FROM progress_report WHERE id = :id").bind("id", id).map(MAPPER).one();
        });
    }

    @Override
    public Optional<ProgressReport> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM progress_report WHERE id = :id")
                .bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public List<ProgressReport> latestEffective(int planYear) {
        return jdbi.withHandle(h -> h.createQuery(LATEST_EFFECTIVE).bind("year", planYear).map(MAPPER).list());
    }

    @Override
    public Optional<ProgressReport> latestEffective(int planYear, int taskNumber, String unit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.* FROM progress_report r
                        WHERE r.plan_year = :year AND r.task_number = :task AND r.unit = :unit AND %s
                        ORDER BY r.id DESC LIMIT 1""".formatted(EFFECTIVE))
                .bind("year", planYear).bind("task", taskNumber).bind("unit", unit)
                .map(MAPPER).findOne());
    }

    @Override
    public List<ProgressReport> effectiveInWeek(int planYear, String reportWeek) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.* FROM progress_report r
                        WHERE r.plan_year = :year AND r.report_week = :week AND %s
                        ORDER BY r.id""".formatted(EFFECTIVE))
                .bind("year", planYear).bind("week", reportWeek)
                .map(MAPPER).list());
    }

    @Override
    public List<ProgressReport> history(int planYear, int taskNumber) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM progress_report WHERE plan_year = :year AND task_number = :task ORDER BY id""")
                .bind("year", planYear).bind("task", taskNumber)
                .map(MAPPER).list());
    }

    @Override
    public List<ProgressReport> allEffective(int planYear) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.* FROM progress_report r WHERE r.plan_year = :year AND %s ORDER BY r.id"""
                        .formatted(EFFECTIVE))
                .bind("year", planYear)
                .map(MAPPER).list());
    }

    static final class ReportMapper implements RowMapper<ProgressReport> {
        @Override
        public ProgressReport map(ResultSet rs, StatementContext ctx) throws SQLException {
            String status = rs.getString("status");
            return new ProgressReport(
                    rs.getLong("id"),
                    rs.getInt("plan_year"),
                    rs.getInt("task_number"),
                    rs.getString("unit"),
                    rs.getString("reporter_id"),
                    Times.optionalLong(rs, "inbound_id"),
                    ReportKind.fromKey(rs.getString("kind")),
                    Times.optionalLong(rs, "supersedes_id"),
                    status == null ? Optional.empty() : Optional.of(ReportStatus.valueOf(status)),
                    Times.optionalInt(rs, "percent"),
                    rs.getString("progress"),
                    rs.getString("problems"),
                    rs.getString("next_steps"),
                    Times.optionalInt(rs, "kpi_numerator"),
                    Times.optionalInt(rs, "kpi_denominator"),
                    rs.getString("report_week"),
                    Times.instant(rs, "reported_at"),
                    rs.getBoolean("no_change"));
        }
    }
}
