package io.duban.storage.jdbi;

import io.duban.storage.ReportRepository;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportPoint;
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
        return jdbi.withHandle(h -> Jdbc.one(h, """
                INSERT INTO progress_report
                    (plan_year, task_number, unit, reporter_id, inbound_id, kind, supersedes_id, status, percent,
                     progress, problems, next_steps, kpi_numerator, kpi_denominator, report_week, reported_at,
                     no_change)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING *""", st -> {
            st.setInt(1, n.planYear());
            st.setInt(2, n.taskNumber());
            st.setString(3, n.unit());
            st.setString(4, n.reporterId());
            Jdbc.bigint(st, 5, n.inboundId().orElse(null));
            st.setString(6, n.kind().key());
            Jdbc.bigint(st, 7, n.supersedesId().orElse(null));
            Jdbc.text(st, 8, n.status().map(ReportStatus::name).orElse(null));
            Jdbc.integer(st, 9, Times.nullable(n.percent()));
            Jdbc.text(st, 10, n.progress());
            Jdbc.text(st, 11, n.problems());
            Jdbc.text(st, 12, n.nextSteps());
            Jdbc.integer(st, 13, Times.nullable(n.kpiNumerator()));
            Jdbc.integer(st, 14, Times.nullable(n.kpiDenominator()));
            st.setString(15, n.reportWeek());
            st.setLong(16, n.reportedAt().toEpochMilli());
            st.setBoolean(17, n.noChange());
        }, MAPPER).orElseThrow());
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
        return jdbi.withHandle(h -> Jdbc.one(h, """
                SELECT r.* FROM current_report c
                JOIN progress_report r ON r.id = c.report_id
                WHERE c.plan_year = ? AND c.task_number = ? AND c.unit = ?""", st -> {
            st.setInt(1, planYear);
            st.setInt(2, taskNumber);
            st.setString(3, unit);
        }, MAPPER));
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
     * A row onto {@link ProgressReport}, column by name: the positions are looked up once per result set and every
     * row is read by position (the status board reads thousands of rows; reflection per column cost it about a
     * third of its query time). Times are epoch milliseconds, the kind is stored as its key, the status as its name,
     * absent values as NULL.
     */
    static final class ReportMapper implements RowMapper<ProgressReport> {
        @Override
        public RowMapper<ProgressReport> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            Columns columns = new Columns(rs);
            return (r, c) -> columns.map(r);
        }

        @Override
        public ProgressReport map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Columns(rs).map(rs);
        }

        /** The positions of progress_report's columns in one result set. */
        private static final class Columns {
            private final int id;
            private final int planYear;
            private final int taskNumber;
            private final int unit;
            private final int reporterId;
            private final int inboundId;
            private final int kind;
            private final int supersedesId;
            private final int status;
            private final int percent;
            private final int progress;
            private final int problems;
            private final int nextSteps;
            private final int kpiNumerator;
            private final int kpiDenominator;
            private final int reportWeek;
            private final int reportedAt;
            private final int noChange;

            Columns(ResultSet rs) throws SQLException {
                id = rs.findColumn("id");
                planYear = rs.findColumn("plan_year");
                taskNumber = rs.findColumn("task_number");
                unit = rs.findColumn("unit");
                reporterId = rs.findColumn("reporter_id");
                inboundId = rs.findColumn("inbound_id");
                kind = rs.findColumn("kind");
                supersedesId = rs.findColumn("supersedes_id");
                status = rs.findColumn("status");
                percent = rs.findColumn("percent");
                progress = rs.findColumn("progress");
                problems = rs.findColumn("problems");
                nextSteps = rs.findColumn("next_steps");
                kpiNumerator = rs.findColumn("kpi_numerator");
                kpiDenominator = rs.findColumn("kpi_denominator");
                reportWeek = rs.findColumn("report_week");
                reportedAt = rs.findColumn("reported_at");
                noChange = rs.findColumn("no_change");
            }

            ProgressReport map(ResultSet rs) throws SQLException {
                String s = rs.getString(status);
                return new ProgressReport(rs.getLong(id), rs.getInt(planYear), rs.getInt(taskNumber),
                        rs.getString(unit), rs.getString(reporterId), optionalLong(rs, inboundId),
                        ReportKind.fromKey(rs.getString(kind)), optionalLong(rs, supersedesId),
                        s == null ? Optional.empty() : Optional.of(ReportStatus.valueOf(s)), optionalInt(rs, percent),
                        rs.getString(progress), rs.getString(problems), rs.getString(nextSteps),
                        optionalInt(rs, kpiNumerator), optionalInt(rs, kpiDenominator), rs.getString(reportWeek),
                        java.time.Instant.ofEpochMilli(rs.getLong(reportedAt)), rs.getBoolean(noChange));
            }

            private static Optional<Long> optionalLong(ResultSet rs, int column) throws SQLException {
                long v = rs.getLong(column);
                return rs.wasNull() ? Optional.empty() : Optional.of(v);
            }

            private static java.util.OptionalInt optionalInt(ResultSet rs, int column) throws SQLException {
                int v = rs.getInt(column);
                return rs.wasNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(v);
            }
        }
    }
}
