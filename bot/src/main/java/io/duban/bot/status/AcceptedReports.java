package io.duban.bot.status;

import io.duban.bot.report.ReportFilter;
import io.duban.storage.ReportRepository;
import io.duban.storage.model.ProgressReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one filter behind every figure the bot shows: a plan year's <em>accepted</em> reports, i.e. effective (not
 * withdrawn, not superseded by a correction) and not returned by the office. Read with two queries
 * ({@link ReportRepository#allEffective} and the filter's returned ids), then answered in memory.
 *
 * <p>A unit whose latest effective report was returned shows that report as {@link #returned} (已退回) until it
 * reports again; its figure falls back to its latest accepted report, if any.
 */
public final class AcceptedReports {
    private static final Comparator<ProgressReport> BY_ID = Comparator.comparingLong(ProgressReport::id);

    private final List<ProgressReport> accepted;
    private final Set<Long> acceptedIds;
    private final Map<String, List<ProgressReport>> acceptedByTaskUnit = new HashMap<>();
    private final Map<String, ProgressReport> latestEffectiveByTaskUnit = new HashMap<>();

    private AcceptedReports(List<ProgressReport> effective, List<ProgressReport> accepted) {
        this.accepted = accepted.stream().sorted(BY_ID).toList();
        this.acceptedIds = new HashSet<>();
        for (ProgressReport r : this.accepted) {
            acceptedIds.add(r.id());
            acceptedByTaskUnit.computeIfAbsent(key(r.taskNumber(), r.unit()), k -> new ArrayList<>()).add(r);
        }
        for (ProgressReport r : effective) {
            latestEffectiveByTaskUnit.merge(key(r.taskNumber(), r.unit()), r, (a, b) -> a.id() > b.id() ? a : b);
        }
    }

    /** Reads a plan year's effective reports and keeps those the filter counts (the office's returns left out). */
    public static AcceptedReports load(ReportRepository reports, ReportFilter filter, int planYear) {
        List<ProgressReport> effective = reports.allEffective(planYear);
        return new AcceptedReports(effective, filter.countable(planYear, effective));
    }

    /** Every accepted report, oldest first. */
    public List<ProgressReport> all() {
        return accepted;
    }

    public boolean isAccepted(ProgressReport r) {
        return acceptedIds.contains(r.id());
    }

    /** A unit's latest accepted report on a task. */
    public Optional<ProgressReport> latest(int task, String unit) {
        List<ProgressReport> rows = acceptedByTaskUnit.get(key(task, unit));
        return rows == null || rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
    }

    /** A unit's latest accepted report on a task made at or before {@code at} (for "change since last week"). */
    public Optional<ProgressReport> latestAt(int task, String unit, Instant at) {
        List<ProgressReport> rows = acceptedByTaskUnit.getOrDefault(key(task, unit), List.of());
        ProgressReport found = null;
        for (ProgressReport r : rows) {
            if (!r.reportedAt().isAfter(at)) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The unit's latest effective report when the office returned it and the unit has not reported again. */
    public Optional<ProgressReport> returned(int task, String unit) {
        ProgressReport latest = latestEffectiveByTaskUnit.get(key(task, unit));
        return latest == null || acceptedIds.contains(latest.id()) ? Optional.empty() : Optional.of(latest);
    }

    /** Accepted reports made in a reporting week, e.g. {@code 2023-W41}, oldest first. */
    public List<ProgressReport> inWeek(String reportWeek) {
        return accepted.stream().filter(r -> r.reportWeek().equals(reportWeek)).toList();
    }

    /** The latest accepted report of every (task, unit), by task then unit. */
    public List<ProgressReport> latestOfEach() {
        return acceptedByTaskUnit.values().stream().map(rows -> rows.get(rows.size() - 1))
                .sorted(Comparator.comparingInt(ProgressReport::taskNumber).thenComparing(ProgressReport::unit))
                .toList();
    }

    /** Returned reports still waiting for the unit to report again, by task then unit. */
    public List<ProgressReport> awaitingResubmission() {
        return latestEffectiveByTaskUnit.values().stream().filter(r -> !acceptedIds.contains(r.id()))
                .sorted(Comparator.comparingInt(ProgressReport::taskNumber).thenComparing(ProgressReport::unit))
                .toList();
    }

    private static String key(int task, String unit) {
        return task + "|" + unit;
    }
}
