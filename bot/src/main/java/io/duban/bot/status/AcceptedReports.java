package io.duban.bot.status;

import io.duban.bot.duty.ReportFacts;
import io.duban.bot.report.ReportFilter;
import io.duban.storage.ReportRepository;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The one filter behind every figure the bot shows: a plan year's <em>accepted</em> reports, i.e. effective (not
 * withdrawn, not superseded by a correction) and not returned by the office, as the latest of each (task, unit).
 * Set-based: the latest effective report of every (task, unit) (one query), the filter's returned ids (one query),
 * and, only for the few units whose latest report was returned, their task's history to find the accepted report
 * before it. The figures at the baseline (for "change since last week") and the reports of one week are read when
 * first asked for.
 *
 * <p>A unit whose latest effective report was returned shows that report as {@link #returned} (已退回) until it
 * reports again; its figure falls back to its latest accepted report, if any.
 */
public final class AcceptedReports {
    private final ReportRepository reports;
    private final ReportFilter filter;
    private final int planYear;
    private final Map<String, ProgressReport> latest = new HashMap<>();
    private final Map<String, ProgressReport> returned = new HashMap<>();
    private final Instant baseline;
    private Map<String, ProgressReport> atBaseline;
    private final Map<String, List<ProgressReport>> byWeek = new HashMap<>();
    private List<ProgressReport> all;
    /** The ids the filter leaves out, read once; empty when the filter needs whole reports. */
    private final Optional<Set<Long>> excluded;

    private AcceptedReports(ReportRepository reports, ReportFilter filter, int planYear, Instant baseline) {
        this.reports = reports;
        this.filter = filter;
        this.planYear = planYear;
        List<ProgressReport> now = reports.latestEffective(planYear);
        // one read of the returned ids serves these figures and the due calculation's facts
        this.excluded = filter.excludedIds(planYear);
        Set<Long> acceptedNow = excluded.isPresent()
                ? ids(now.stream().filter(r -> !excluded.get().contains(r.id())).toList())
                : ids(filter.countable(planYear, now));
        this.baseline = baseline;
        for (ProgressReport r : now) {
            if (acceptedNow.contains(r.id())) {
                latest.put(key(r), r);
            } else {
                returned.put(key(r), r);
            }
        }
        // a returned report hides the unit's earlier accepted one: find it in the (few) tasks concerned
        Set<String> toFind = new HashSet<>(returned.keySet());
        acceptedBefore(toFind, returned.values().stream().map(ProgressReport::taskNumber).toList(), Instant.MAX,
                latest);
    }

    /** The baseline figures, read on first use: only answers that show a change ("较上周") need them. */
    private void loadBaseline() {
        if (atBaseline != null) {
            return;
        }
        atBaseline = new HashMap<>();
        List<ProgressReport> then = reports.latestEffectiveAsOf(planYear, baseline);
        Set<Long> acceptedThen = ids(filter.countable(planYear, then));
        Set<String> toFind = new HashSet<>();
        List<Integer> tasks = new java.util.ArrayList<>();
        for (ProgressReport r : then) {
            if (acceptedThen.contains(r.id())) {
                atBaseline.put(key(r), r);
            } else {
                toFind.add(key(r));
                tasks.add(r.taskNumber());
            }
        }
        acceptedBefore(toFind, tasks, baseline, atBaseline);
    }

    /** For each key, the latest accepted report made at or before {@code until}, read from its task's history. */
    private void acceptedBefore(Set<String> keys, List<Integer> tasks, Instant until, Map<String, ProgressReport> into) {
        for (int task : new TreeSet<>(tasks)) {
            List<ProgressReport> effective = effectiveRows(reports.history(planYear, task));
            Set<Long> accepted = ids(filter.countable(planYear, effective));
            for (ProgressReport r : effective) {
                if (accepted.contains(r.id()) && keys.contains(key(r)) && !r.reportedAt().isAfter(until)) {
                    into.merge(key(r), r, AcceptedReports::newer);
                }
            }
        }
    }

    /** Reads a plan year's accepted reports; changes are measured from {@code baseline}. */
    public static AcceptedReports load(ReportRepository reports, ReportFilter filter, int planYear, Instant baseline) {
        return new AcceptedReports(reports, filter, planYear, baseline);
    }

    /** A unit's latest accepted report on a task. */
    public Optional<ProgressReport> latest(int task, String unit) {
        return Optional.ofNullable(latest.get(key(task, unit)));
    }

    /** A unit's latest accepted report on a task as it stood at the baseline (for "change since last week"). */
    public Optional<ProgressReport> atBaseline(int task, String unit) {
        loadBaseline();
        return Optional.ofNullable(atBaseline.get(key(task, unit)));
    }

    /** The unit's latest effective report when the office returned it and the unit has not reported again. */
    public Optional<ProgressReport> returned(int task, String unit) {
        return Optional.ofNullable(returned.get(key(task, unit)));
    }

    /** Accepted reports made in a reporting week, e.g. {@code 2023-W41}, oldest first (one query per week asked). */
    public List<ProgressReport> inWeek(String reportWeek) {
        return byWeek.computeIfAbsent(reportWeek, w -> filter.countable(planYear, reports.effectiveInWeek(planYear, w))
                .stream().sorted(Comparator.comparingLong(ProgressReport::id)).toList());
    }

    /**
     * Every accepted report of the plan year (effective and not returned), for the due calculation: read on first
     * use, through the same filter as every other figure here.
     */
    public List<ProgressReport> all() {
        if (all == null) {
            all = filter.countable(planYear, reports.allEffective(planYear));
        }
        return all;
    }

    /** More (task, unit) histories than this read one by one, and the rest of the year is read at once. */
    private static final int HISTORIES_READ_ONE_BY_ONE = 32;

    /**
     * The accepted reports as the due calculation reads them, as of {@code asOf}: those made from {@code from} on
     * (one narrow query through an index), and a (task, unit)'s whole history only when a question reaches back
     * before {@code from} (see {@link ReportFacts}); the answers are those of {@link #all()}. The filter is applied
     * by id, exactly as {@link ReportFilter#countable} applies it; a filter that needs whole reports gets them.
     */
    public ReportFacts facts(ZoneId zone, Instant asOf, LocalDate from) {
        if (excluded.isEmpty()) {
            return ReportFacts.of(all(), zone, asOf);
        }
        Set<Long> out = excluded.get();
        Predicate<ReportPoint> counts = p -> !out.contains(p.id());
        List<ReportPoint> recent = reports.effectivePoints(planYear, from.atStartOfDay(zone).toInstant(), asOf)
                .stream().filter(counts).toList();
        int[] readOneByOne = {0};
        java.util.concurrent.atomic.AtomicReference<Map<String, List<ReportFacts.Fact>>> year =
                new java.util.concurrent.atomic.AtomicReference<>();
        ReportFacts.History history = (task, unit) -> {
            synchronized (readOneByOne) {
                if (year.get() == null && ++readOneByOne[0] > HISTORIES_READ_ONE_BY_ONE) {
                    Map<String, List<ReportPoint>> byKey = new HashMap<>();
                    reports.effectivePoints(planYear, Instant.ofEpochMilli(Long.MIN_VALUE), asOf).stream()
                            .filter(counts).forEach(p -> byKey.computeIfAbsent(key(p.taskNumber(), p.unit()),
                                    k -> new ArrayList<>()).add(p));
                    Map<String, List<ReportFacts.Fact>> all = new HashMap<>();
                    byKey.forEach((k, points) -> all.put(k, ReportFacts.facts(points, zone)));
                    year.set(all);
                }
                if (year.get() != null) {
                    return year.get().getOrDefault(key(task, unit), List.of());
                }
            }
            return ReportFacts.facts(reports.effectivePoints(planYear, task, unit, asOf).stream().filter(counts)
                    .toList(), zone);
        };
        return ReportFacts.recent(recent, zone, from, history);
    }

    /** Ids of every effective report of the plan year that the office returned (not only the latest). */
    public Set<Long> returnedIds() {
        Set<Long> out = ids(reports.allEffective(planYear));
        out.removeAll(ids(all()));
        return out;
    }

    /** The latest accepted report of every (task, unit), by task then unit. */
    public List<ProgressReport> latestOfEach() {
        return latest.values().stream()
                .sorted(Comparator.comparingInt(ProgressReport::taskNumber).thenComparing(ProgressReport::unit))
                .toList();
    }

    /** Returned reports still waiting for the unit to report again, by task then unit. */
    public List<ProgressReport> awaitingResubmission() {
        return returned.values().stream()
                .sorted(Comparator.comparingInt(ProgressReport::taskNumber).thenComparing(ProgressReport::unit))
                .toList();
    }

    /** The rows of a task's history that count: not withdrawals and not replaced by a later row. */
    private static List<ProgressReport> effectiveRows(List<ProgressReport> history) {
        Set<Long> replaced = new HashSet<>();
        history.forEach(r -> r.supersedesId().ifPresent(replaced::add));
        Predicate<ProgressReport> effective = r -> r.kind() != io.duban.storage.model.ReportKind.WITHDRAWAL
                && !replaced.contains(r.id());
        return history.stream().filter(effective).toList();
    }

    private static ProgressReport newer(ProgressReport a, ProgressReport b) {
        return a.id() > b.id() ? a : b;
    }

    private static Set<Long> ids(List<ProgressReport> rows) {
        Set<Long> out = new HashSet<>();
        rows.forEach(r -> out.add(r.id()));
        return out;
    }

    private static String key(ProgressReport r) {
        return key(r.taskNumber(), r.unit());
    }

    private static String key(int task, String unit) {
        return task + "|" + unit;
    }
}
