package io.duban.bot.duty;

import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reports that count, reduced to what the due calculation needs: for each (task, unit) the dates reports were
 * made on and whether they said the task was done. Built from the countable effective reports (a report the office
 * returned does not count; an explicit "no change" entry does).
 */
public final class ReportFacts {
    /** One countable report: the day it was made (office zone) and whether it reported completion. */
    public record Fact(long id, LocalDate day, boolean done) {
    }

    private final Map<String, List<Fact>> byTaskAndUnit = new HashMap<>();

    private ReportFacts() {
    }

    public static ReportFacts none() {
        return new ReportFacts();
    }

    /** The reports made at or before {@code asOf}. */
    public static ReportFacts of(Collection<ProgressReport> countable, ZoneId zone, Instant asOf) {
        ReportFacts f = new ReportFacts();
        for (ProgressReport r : countable) {
            if (r.reportedAt().isAfter(asOf)) {
                continue;
            }
            boolean done = r.status().filter(s -> s == ReportStatus.DONE).isPresent()
                    || (r.percent().isPresent() && r.percent().getAsInt() >= 100);
            f.byTaskAndUnit.computeIfAbsent(key(r.taskNumber(), r.unit()), k -> new ArrayList<>())
                    .add(new Fact(r.id(), r.reportedAt().atZone(zone).toLocalDate(), done));
        }
        f.byTaskAndUnit.values().forEach(l -> l.sort(Comparator.comparing(Fact::day).thenComparingLong(Fact::id)));
        return f;
    }

    public static ReportFacts of(Collection<ProgressReport> countable, ZoneId zone) {
        return of(countable, zone, Instant.MAX);
    }

    /** The same facts without the reports made on or after {@code day}. */
    public ReportFacts before(LocalDate day) {
        ReportFacts f = new ReportFacts();
        byTaskAndUnit.forEach((k, facts) -> {
            List<Fact> kept = facts.stream().filter(x -> x.day().isBefore(day)).toList();
            if (!kept.isEmpty()) {
                f.byTaskAndUnit.put(k, kept);
            }
        });
        return f;
    }

    private static String key(int task, String unit) {
        return task + "|" + unit;
    }

    List<Fact> of(int task, String unit) {
        return byTaskAndUnit.getOrDefault(key(task, unit), List.of());
    }

    /** A report in the period (for a once-task: a report of completion). */
    boolean covers(int task, String unit, Period period, boolean onlyDone) {
        return of(task, unit).stream().anyMatch(f -> period.contains(f.day()) && (!onlyDone || f.done()));
    }

    /** A report made after {@code after} and on or before {@code until}. */
    boolean reportedAfter(int task, String unit, LocalDate after, LocalDate until) {
        return of(task, unit).stream().anyMatch(f -> f.day().isAfter(after) && !f.day().isAfter(until));
    }

    /** The unit's latest report on or before {@code day} said the task is done. */
    boolean doneBy(int task, String unit, LocalDate day) {
        Optional<Fact> latest = of(task, unit).stream().filter(f -> !f.day().isAfter(day)).reduce((a, b) -> b);
        return latest.map(Fact::done).orElse(false);
    }
}
