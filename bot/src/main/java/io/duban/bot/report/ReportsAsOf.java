package io.duban.bot.report;

import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.ReportRepository;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A read-only view of a plan year's reports as they stood at a moment: rows made later are left out, so a later
 * correction or withdrawal does not yet replace anything. Lets the status board, the 台账 and the chart answer
 * "as of the end of week 40".
 */
public final class ReportsAsOf implements ReportRepository {
    private final List<ProgressReport> rows;
    private final List<ProgressReport> effective;
    private final Set<Long> effectiveIds;

    private ReportsAsOf(List<ProgressReport> rows) {
        this.rows = rows;
        Set<Long> replaced = rows.stream().flatMap(r -> r.supersedesId().stream()).collect(Collectors.toSet());
        this.effective = rows.stream()
                .filter(r -> r.kind() != ReportKind.WITHDRAWAL && !replaced.contains(r.id()))
                .toList();
        this.effectiveIds = effective.stream().map(ProgressReport::id).collect(Collectors.toSet());
    }

    /** The rows of the plan's tasks reported at or before {@code cutoff}. */
    public static ReportsAsOf of(ReportRepository source, WorkPlan plan, Instant cutoff) {
        return new ReportsAsOf(plan.tasks().stream()
                .map(PlanTask::number)
                .flatMap(n -> source.history(plan.year(), n).stream())
                .filter(r -> !r.reportedAt().isAfter(cutoff))
                .sorted(Comparator.comparingLong(ProgressReport::id))
                .toList());
    }

    /** The same snapshot, cut again at an earlier moment (no further queries). */
    public ReportsAsOf cutAt(Instant cutoff) {
        return new ReportsAsOf(rows.stream().filter(r -> !r.reportedAt().isAfter(cutoff)).toList());
    }

    /** Every row, corrections and withdrawals included, oldest first. */
    public List<ProgressReport> rows() {
        return rows;
    }

    public boolean isEffective(ProgressReport r) {
        return effectiveIds.contains(r.id());
    }

    @Override
    public ProgressReport append(NewReport report) {
        throw new UnsupportedOperationException("a snapshot of reports is read-only");
    }

    @Override
    public Optional<ProgressReport> find(long id) {
        return rows.stream().filter(r -> r.id() == id).findFirst();
    }

    @Override
    public List<ProgressReport> latestEffective(int planYear) {
        Map<String, ProgressReport> latest = new HashMap<>();
        for (ProgressReport r : effective) {
            if (r.planYear() == planYear) {
                latest.merge(r.taskNumber() + "|" + r.unit(), r, (a, b) -> a.id() > b.id() ? a : b);
            }
        }
        return latest.values().stream()
                .sorted(Comparator.comparingInt(ProgressReport::taskNumber).thenComparing(ProgressReport::unit))
                .toList();
    }

    @Override
    public List<ProgressReport> latestEffectiveAsOf(int planYear, Instant asOf) {
        Map<String, ProgressReport> latest = new HashMap<>();
        for (ProgressReport r : effective) {
            if (r.planYear() == planYear && !r.reportedAt().isAfter(asOf)) {
                latest.merge(r.taskNumber() + "|" + r.unit(), r, (a, b) -> a.id() > b.id() ? a : b);
            }
        }
        return latest.values().stream()
                .sorted(Comparator.comparingInt(ProgressReport::taskNumber).thenComparing(ProgressReport::unit))
                .toList();
    }

    @Override
    public Optional<ProgressReport> latestEffective(int planYear, int taskNumber, String unit) {
        return effective.stream()
                .filter(r -> r.planYear() == planYear && r.taskNumber() == taskNumber && r.unit().equals(unit))
                .max(Comparator.comparingLong(ProgressReport::id));
    }

    @Override
    public List<ProgressReport> effectiveInWeek(int planYear, String reportWeek) {
        return effective.stream().filter(r -> r.planYear() == planYear && r.reportWeek().equals(reportWeek)).toList();
    }

    @Override
    public List<ProgressReport> history(int planYear, int taskNumber) {
        return rows.stream().filter(r -> r.planYear() == planYear && r.taskNumber() == taskNumber).toList();
    }

    @Override
    public List<ProgressReport> allEffective(int planYear) {
        return effective.stream().filter(r -> r.planYear() == planYear).toList();
    }
}
