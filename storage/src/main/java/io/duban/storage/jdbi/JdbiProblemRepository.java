package io.duban.storage.jdbi;

import io.duban.storage.ProblemRepository;
import io.duban.storage.model.ProblemDecision;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProblemState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiProblemRepository implements ProblemRepository {
    private static final RowMapper<ProblemItem> ITEM = (rs, ctx) -> new ProblemItem(
            rs.getLong("id"), rs.getInt("plan_year"), rs.getInt("task_number"), rs.getString("unit"),
            rs.getString("text"), Times.optionalLong(rs, "raised_report_id"), Times.instant(rs, "raised_at"),
            Times.optionalLong(rs, "last_report_id"), Times.instant(rs, "last_mentioned_at"),
            rs.getInt("silent_reports"), ProblemState.fromKey(rs.getString("state")),
            Times.optionalInstant(rs, "closed_at"), Optional.ofNullable(rs.getString("closed_by")),
            rs.getString("close_note"), Optional.ofNullable(rs.getString("counted_week")));
    private static final RowMapper<ProblemDecision> DECISION = (rs, ctx) -> new ProblemDecision(
            rs.getLong("id"), rs.getLong("problem_id"), LocalDate.parse(rs.getString("meeting_date")),
            rs.getString("decision"), rs.getString("person_id"), Times.optionalLong(rs, "inbound_id"),
            Times.instant(rs, "created_at"));

    private final Jdbi jdbi;

    public JdbiProblemRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ProblemItem create(ProblemItem p) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO problem_item (plan_year, task_number, unit, text, raised_report_id, raised_at,
                                              last_report_id, last_mentioned_at, silent_reports, state, counted_week)
                    VALUES (:year, :task, :unit, :text, :report, :at, :report, :at, 0, 'open', :week)""")
                    .bind("year", p.planYear())
                    .bind("task", p.taskNumber())
                    .bind("unit", p.unit())
                    .bind("text", p.text())
                    .bind("report", p.raisedReportId().orElse(null))
                    .bind("at", p.raisedAt().toEpochMilli())
                    .bind("week", p.countedWeek().orElse(null))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return h.createQuery("SELECT * FROM problem_item WHERE id = :id").bind("id", id).map(ITEM).one();
        });
    }

    @Override
    public void mentioned(long id, long reportId, Instant at, String week) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE problem_item SET last_report_id = :report, last_mentioned_at = :at, silent_reports = 0,
                                                counted_week = :week
                        WHERE id = :id AND state = 'open'""")
                .bind("id", id).bind("report", reportId).bind("at", at.toEpochMilli()).bind("week", week).execute());
    }

    @Override
    public void silent(long id, int silentReports, String week) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE problem_item SET silent_reports = :n, counted_week = :week WHERE id = :id AND state = 'open'")
                .bind("id", id).bind("n", silentReports).bind("week", week).execute());
    }

    @Override
    public boolean close(long id, ProblemState state, Instant at, String by, String note) {
        if (state == ProblemState.OPEN) {
            throw new IllegalArgumentException("closing needs a closed state");
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE problem_item SET state = :state, closed_at = :at, closed_by = :by, close_note = :note
                        WHERE id = :id AND state = 'open'""")
                .bind("id", id).bind("state", state.key()).bind("at", at.toEpochMilli()).bind("by", by)
                .bind("note", note).execute()) == 1;
    }

    @Override
    public Optional<ProblemItem> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM problem_item WHERE id = :id")
                .bind("id", id).map(ITEM).findOne());
    }

    @Override
    public List<ProblemItem> all(int planYear) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM problem_item WHERE plan_year = :year ORDER BY id")
                .bind("year", planYear).map(ITEM).list());
    }

    @Override
    public List<ProblemItem> open(int planYear, int taskNumber, String unit) {
        return jdbi.withHandle(h -> Jdbc.list(h, """
                SELECT * FROM problem_item
                WHERE plan_year = ? AND task_number = ? AND unit = ? AND state = 'open'
                ORDER BY id""", st -> {
            st.setInt(1, planYear);
            st.setInt(2, taskNumber);
            st.setString(3, unit);
        }, ITEM));
    }

    @Override
    public ProblemDecision decide(ProblemDecision d) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO problem_decision (problem_id, meeting_date, decision, person_id, inbound_id, created_at)
                    VALUES (:problem, :date, :decision, :person, :inbound, :at)""")
                    .bind("problem", d.problemId())
                    .bind("date", d.meetingDate().toString())
                    .bind("decision", d.decision())
                    .bind("person", d.personId())
                    .bind("inbound", d.inboundId().orElse(null))
                    .bind("at", d.at().toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return h.createQuery("SELECT * FROM problem_decision WHERE id = :id").bind("id", id).map(DECISION).one();
        });
    }

    @Override
    public List<ProblemDecision> decisions(int planYear) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT d.* FROM problem_decision d JOIN problem_item p ON p.id = d.problem_id
                        WHERE p.plan_year = :year ORDER BY d.id""")
                .bind("year", planYear).map(DECISION).list());
    }
}
