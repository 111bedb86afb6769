package io.duban.storage.jdbi;

import io.duban.storage.ReviewRepository;
import io.duban.storage.model.ReportReview;
import io.duban.storage.model.ReviewDecision;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiReviewRepository implements ReviewRepository {
    private static final RowMapper<ReportReview> MAPPER = (rs, ctx) -> new ReportReview(
            rs.getLong("id"), rs.getLong("report_id"), ReviewDecision.fromKey(rs.getString("decision")),
            rs.getString("reason"), rs.getString("reviewer_id"), Times.optionalLong(rs, "inbound_id"),
            Times.instant(rs, "reviewed_at"));

    /** The latest decision on each report row of a plan year. */
    /**
     * Driven from the reviews (few) to their reports: SQLite keeps a CROSS JOIN's order, where a plain join would
     * walk every report of the year (156,000 at city scale) looking for a review of each.
     */
    private static final String LATEST = """
            SELECT v.* FROM report_review v
            CROSS JOIN progress_report r
            WHERE r.id = v.report_id AND r.plan_year = :year
              AND v.id = (SELECT MAX(w.id) FROM report_review w WHERE w.report_id = v.report_id)""";

    private final Jdbi jdbi;

    public JdbiReviewRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ReportReview record(ReportReview r) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO report_review (report_id, decision, reason, reviewer_id, inbound_id, reviewed_at)
                    VALUES (:report, :decision, :reason, :reviewer, :inbound, :at)""")
                    .bind("report", r.reportId())
                    .bind("decision", r.decision().key())
                    .bind("reason", r.reason())
                    .bind("reviewer", r.reviewerId())
                    .bind("inbound", r.inboundId().orElse(null))
                    .bind("at", r.reviewedAt().toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return h.createQuery("SELECT * FROM report_review WHERE id = :id").bind("id", id).map(MAPPER).one();
        });
    }

    @Override
    public Optional<ReportReview> latest(long reportId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM report_review WHERE report_id = :report ORDER BY id DESC LIMIT 1")
                .bind("report", reportId).map(MAPPER).findOne());
    }

    @Override
    public List<ReportReview> latestDecisions(int planYear) {
        return jdbi.withHandle(h -> h.createQuery(LATEST + " ORDER BY v.report_id")
                .bind("year", planYear).map(MAPPER).list());
    }

    @Override
    public Set<Long> returnedReportIds(int planYear) {
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery(
                        "SELECT report_id FROM (" + LATEST + ") latest WHERE decision = 'returned'")
                .bind("year", planYear).mapTo(Long.class).list()));
    }

    @Override
    public List<ReportReview> all(int planYear) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT v.* FROM report_review v JOIN progress_report r ON r.id = v.report_id
                        WHERE r.plan_year = :year ORDER BY v.id""")
                .bind("year", planYear).map(MAPPER).list());
    }
}
