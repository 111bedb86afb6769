package io.duban.bot.duty;

import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportPoint;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The reports that count, reduced to what the due calculation needs: for each (task, unit) the dates reports were
 * made on and whether they said the task was done. Built from the countable effective reports (a report the office
 * returned does not count; an explicit "no change" entry does).
 *
 * <p>Either complete (every countable report of the year) or <em>recent</em>: every countable report made on or
 * after a day {@code from}, and a {@link History} that reads one (task, unit)'s whole history when a question
 * reaches back before {@code from} and the recent reports cannot answer it. Every answer is the same as from the
 * complete facts: a question is answered from the recent reports only when they decide it (a report found in the
 * range asked about; a range that starts on or after {@code from}; the latest report by a day when one was made
 * on or after {@code from}), otherwise from the unit's whole history.
 */
public final class ReportFacts {
    /** One countable report: the day it was made (office zone) and whether it reported completion. */
    public record Fact(long id, LocalDate day, boolean done) {
    }

    /** Reads the whole history of one (task, unit): its countable facts, as {@link ReportFacts#facts} orders them. */
    @FunctionalInterface
    public interface History {
        List<Fact> of(int task, String unit);
    }

    private static final Comparator<Fact> ORDER = Comparator.comparing(Fact::day).thenComparingLong(Fact::id);

    /** Complete facts; or, when {@link #from} is set, the facts made on or after it. */
    private final Map<Key, List<Fact>> byTaskAndUnit;
    private final LocalDate from;
    /** Facts made on or after this day are left out ({@link #before}); {@link LocalDate#MAX} when none are. */
    private final LocalDate cut;
    private final History history;
    /** Whole histories read so far, before {@link #cut} is applied; shared with the copies {@link #before} makes. */
    private final Map<Key, List<Fact>> read;

    private ReportFacts(Map<Key, List<Fact>> byTaskAndUnit, LocalDate from, LocalDate cut, History history,
                        Map<Key, List<Fact>> read) {
        this.byTaskAndUnit = byTaskAndUnit;
        this.from = from;
        this.cut = cut;
        this.history = history;
        this.read = read;
    }

    public static ReportFacts none() {
        return complete(new HashMap<>());
    }

    private static ReportFacts complete(Map<Key, List<Fact>> byTaskAndUnit) {
        return new ReportFacts(byTaskAndUnit, null, LocalDate.MAX, null, null);
    }

    /** The reports made at or before {@code asOf}. */
    public static ReportFacts of(Collection<ProgressReport> countable, ZoneId zone, Instant asOf) {
        return complete(group(countable.stream().filter(r -> !r.reportedAt().isAfter(asOf))
                .map(ReportPoint::of).toList(), zone));
    }

    public static ReportFacts of(Collection<ProgressReport> countable, ZoneId zone) {
        return of(countable, zone, Instant.MAX);
    }

    /**
     * Recent facts: {@code recent} must be every countable report made from the start of {@code from} (office zone)
     * up to the moment asked about; {@code history} reads a (task, unit)'s countable reports up to that moment.
     */
    public static ReportFacts recent(Collection<ReportPoint> recent, ZoneId zone, LocalDate from, History history) {
        return new ReportFacts(group(recent, zone), from, LocalDate.MAX, history, new ConcurrentHashMap<>());
    }

    /** A (task, unit)'s facts from its countable reports, in the order every question reads them. */
    public static List<Fact> facts(Collection<ReportPoint> countable, ZoneId zone) {
        List<Fact> out = new ArrayList<>(countable.size());
        countable.forEach(r -> out.add(fact(r, zone)));
        out.sort(ORDER);
        return out;
    }

    private static Fact fact(ReportPoint r, ZoneId zone) {
        return new Fact(r.id(), r.reportedAt().atZone(zone).toLocalDate(), r.done());
    }

    private static Map<Key, List<Fact>> group(Collection<ReportPoint> points, ZoneId zone) {
        Map<Key, List<Fact>> out = new HashMap<>();
        for (ReportPoint r : points) {
            out.computeIfAbsent(key(r.taskNumber(), r.unit()), k -> new ArrayList<>()).add(fact(r, zone));
        }
        out.values().forEach(l -> l.sort(ORDER));
        return out;
    }

    /** The same facts without the reports made on or after {@code day}. */
    public ReportFacts before(LocalDate day) {
        Map<Key, List<Fact>> kept = new HashMap<>();
        byTaskAndUnit.forEach((k, facts) -> {
            List<Fact> f = facts.stream().filter(x -> x.day().isBefore(day)).toList();
            if (!f.isEmpty()) {
                kept.put(k, f);
            }
        });
        return new ReportFacts(kept, from, day.isBefore(cut) ? day : cut, history, read);
    }

    private record Key(int task, String unit) {
    }

    private static Key key(int task, String unit) {
        return new Key(task, unit);
    }

    /** The facts made on or after {@link #from} (all of them when complete). */
    private List<Fact> recent(int task, String unit) {
        return byTaskAndUnit.getOrDefault(key(task, unit), List.of());
    }

    /** The (task, unit)'s whole history if it is at hand without reading; else empty. */
    private Optional<List<Fact>> atHand(int task, String unit) {
        if (from == null) {
            return Optional.of(recent(task, unit));
        }
        List<Fact> whole = read.get(key(task, unit));
        return whole == null ? Optional.empty() : Optional.of(cut(whole));
    }

    /** The (task, unit)'s whole history, read if need be. */
    List<Fact> of(int task, String unit) {
        return atHand(task, unit).orElseGet(() ->
                cut(read.computeIfAbsent(key(task, unit), k -> List.copyOf(history.of(task, unit)))));
    }

    private List<Fact> cut(List<Fact> whole) {
        return cut.equals(LocalDate.MAX) ? whole : whole.stream().filter(f -> f.day().isBefore(cut)).toList();
    }

    /**
     * Whether a fact matches: from the recent facts when they decide it ({@code decidedWithoutMatch}: no fact before
     * {@link #from} could match), else from the whole history.
     */
    private boolean anyMatch(int task, String unit, Predicate<Fact> match, boolean decidedWithoutMatch) {
        Optional<List<Fact>> whole = atHand(task, unit);
        if (whole.isPresent()) {
            return whole.get().stream().anyMatch(match);
        }
        if (recent(task, unit).stream().anyMatch(match)) {
            return true;
        }
        return !decidedWithoutMatch && of(task, unit).stream().anyMatch(match);
    }

    /** A report in the period (for a once-task: a report of completion). */
    boolean covers(int task, String unit, Period period, boolean onlyDone) {
        return anyMatch(task, unit, f -> period.contains(f.day()) && (!onlyDone || f.done()),
                from != null && !period.start().isBefore(from));
    }

    /** A report made after {@code after} and on or before {@code until}. */
    boolean reportedAfter(int task, String unit, LocalDate after, LocalDate until) {
        return anyMatch(task, unit, f -> f.day().isAfter(after) && !f.day().isAfter(until),
                from != null && !after.isBefore(from.minusDays(1)));
    }

    /** The unit's latest report on or before {@code day} said the task is done. */
    boolean doneBy(int task, String unit, LocalDate day) {
        // the recent facts are the tail of the whole history: a recent fact on or before the day is the latest one
        Optional<Fact> latest = latestBy(atHand(task, unit).orElse(recent(task, unit)), day);
        if (latest.isEmpty() && atHand(task, unit).isEmpty()) {
            latest = latestBy(of(task, unit), day);
        }
        return latest.map(Fact::done).orElse(false);
    }

    private static Optional<Fact> latestBy(List<Fact> facts, LocalDate day) {
        Fact latest = null;
        for (Fact f : facts) {
            if (!f.day().isAfter(day)) {
                latest = f;
            }
        }
        return Optional.ofNullable(latest);
    }
}
