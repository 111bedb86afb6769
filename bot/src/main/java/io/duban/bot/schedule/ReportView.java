package io.duban.bot.schedule;

import io.duban.storage.model.ProgressReport;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The effective reports of a plan year, read once per run and queried in memory. */
final class ReportView {
    private final List<ProgressReport> reports;

    ReportView(List<ProgressReport> effective) {
        this.reports = effective;
    }

    /** A unit's latest report on a task made at or before {@code asOf}. */
    Optional<ProgressReport> latest(int task, String unit, Instant asOf) {
        return reports.stream()
                .filter(r -> r.taskNumber() == task && r.unit().equals(unit) && !r.reportedAt().isAfter(asOf))
                .max(Comparator.comparing(ProgressReport::reportedAt).thenComparing(ProgressReport::id));
    }

    List<ProgressReport> inWeek(IsoWeek week) {
        return reports.stream().filter(r -> r.reportWeek().equals(week.key())).toList();
    }

    Set<String> unitsReportedIn(IsoWeek week) {
        return inWeek(week).stream().map(ProgressReport::unit).collect(Collectors.toSet());
    }
}
