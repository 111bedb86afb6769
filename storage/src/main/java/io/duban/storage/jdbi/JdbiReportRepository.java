package io.duban.storage.jdbi;

import io.duban.storage.ReportRepository;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportPoint;
import io.duban.storage.model.ReportStatus;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMappers;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiReportRepository implements ReportRepository {
    /** Rows that count: not replaced by a later row, and not withdrawals themselves. */
    private static final String EFFECTIVE = """
            r.kind <> 'withdrawal'
            AND NOT EXISTS (SELECT 1 FROM progress_report s WHERE s.supersedes_id = r.id)""";

    /**
     * The latest effective report of each (task, unit): {@code current_report} is kept by triggers in the same
     * transaction as every report row (see V010), so this reads one row per (task, unit) through its primary key.
     */
    private static final String LATEST_EFFECTIVE = """
            SELECT r.* FROM current_report c
            JOIN progress_report r ON r.id = c.report_id
            WHERE c.plan_year = :year
            ORDER BY r.task_number, r.unit""";

    private static final String LATEST_EFFECTIVE_AS_OF = """
            SELECT r.* FROM progress_report r
            JOIN (SELECT r.task_number, r.unit, MAX(r.id) AS id FROM progress_report r
                  WHERE r.plan_year = :year AND r.reported_at <= :asOf AND %s
                  GROUP BY r.task_number, r.unit) latest ON latest.id = r.id
            ORDER BY r.task_number, r.unit""".formatted(EFFECTIVE);

    private static final RowMapper<ProgressReport> MAPPER = new ReportMapper();

    private final Jdbi jdbi;

    public JdbiReportRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ProgressReport append(NewReport n) {
        // one statement: RETURNING * (SQLite 3.35+, PostgreSQL) instead of generated keys and a second SELECT
        return jdbi.inTransaction(h -> h.createQuery("""
                    INSERT INTO progress_report
                        (plan_year, task_number, unit, reporter_id, inbound_id, kind, supersedes_id, status, percent,
                         progress, problems, next_steps, kpi_numerator, kpi_denominator, report_week, reported_at,
                         no_change)
                    VALUES (:year, :task, :unit, :reporter, :inbound, :kind, :supersedes, :status, :percent,
                            :progress, :problems, :nextSteps, :kpiNumerator, :kpiDenominator, :week, :at,
                            :noChange)
                    RETURNING *""")
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
                    .map(MAPPER)
                    .one());
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
    public List<ProgressReport> latestEffectiveAsOf(int planYear, java.time.Instant asOf) {
        return jdbi.withHandle(h -> h.createQuery(LATEST_EFFECTIVE_AS_OF).bind("year", planYear)
                .bind("asOf", asOf.toEpochMilli()).map(MAPPER).list());
    }

    @Override
    public Optional<ProgressReport> latestEffective(int planYear, int taskNumber, String unit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.* FROM current_report c
                        JOIN progress_report r ON r.id = c.report_id
                        WHERE c.plan_year = :year AND c.task_number = :task AND c.unit = :unit""")
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

    /** The columns of {@link ReportPoint}: the due calculation reads many rows, so it reads only these. */
    private static final String POINT_COLUMNS = "r.id, r.task_number, r.unit, r.reported_at, r.status, r.percent";

    @Override
    public List<ReportPoint> effectivePoints(int planYear, java.time.Instant from, java.time.Instant until) {
        // progress_report_reported_at (V091) finds the window's rows; only they are checked for being superseded
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s FROM progress_report r
                        WHERE r.plan_year = :year AND r.reported_at >= :from AND r.reported_at <= :until AND %s"""
                        .formatted(POINT_COLUMNS, EFFECTIVE))
                .bind("year", planYear).bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli())
                .map(JdbiReportRepository::point).list());
    }

    @Override
    public List<ReportPoint> effectivePoints(int planYear, int taskNumber, String unit, java.time.Instant until) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s FROM progress_report r
                        WHERE r.plan_year = :year AND r.task_number = :task AND r.unit = :unit
                          AND r.reported_at <= :until AND %s
                        ORDER BY r.id""".formatted(POINT_COLUMNS, EFFECTIVE))
                .bind("year", planYear).bind("task", taskNumber).bind("unit", unit)
                .bind("until", until.toEpochMilli())
                .map(JdbiReportRepository::point).list());
    }

    private static ReportPoint point(ResultSet rs, StatementContext ctx) throws SQLException {
        // by position, in the order of POINT_COLUMNS
        String status = rs.getString(5);
        int percent = rs.getInt(6);
        java.util.OptionalInt p = rs.wasNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(percent);
        return new ReportPoint(rs.getLong(1), rs.getInt(2), rs.getString(3), java.time.Instant.ofEpochMilli(rs.getLong(4)),
                Optional.ofNullable(status).map(ReportStatus::valueOf), p);
    }

    /**
     * A row onto the record's canonical constructor, column by name ({@code plan_year} → {@code planYear}), so no
     * list of columns is kept by hand: times are epoch milliseconds, the kind is stored as its key, the status as
     * its name, absent values as NULL.
     */
    static final class ReportMapper implements RowMapper<ProgressReport> {
        private static final RowMapper<ProgressReport> BY_NAME = ConstructorMapper.of(canonical());

        private static Constructor<ProgressReport> canonical() {
            Class<?>[] types = Arrays.stream(ProgressReport.class.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return ProgressReport.class.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record has its canonical constructor", e);
            }
        }

        @Override
        public RowMapper<ProgressReport> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            ctx.getConfig(ColumnMappers.class)
                    .register(new EpochMillis.Columns())
                    .register(ReportKind.class, (ColumnMapper<ReportKind>) (r, column, c) ->
                            ReportKind.fromKey(r.getString(column)));
            return BY_NAME.specialize(rs, ctx);
        }

        @Override
        public ProgressReport map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }
    }
}
