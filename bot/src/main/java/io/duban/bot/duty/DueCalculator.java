package io.duban.bot.duty;

import io.duban.bot.report.ReportingWeek;
import io.duban.plan.Cadence;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * What is due: given the plan (with who owes each task and its cadence), the working calendar and the reports
 * that count, which (unit, task) reports are due in which reporting period, and which periods were missed. Pure:
 * no storage, no clock; every caller passes the date or week it asks about. The weekly prompt, the nudges and the
 * group reminder, 未报送, 我的任务, the reporting rates in the summaries and the 通报, and the status colours all
 * ask here, so that they agree.
 *
 * <p>Rules: only the units that owe a task ({@link Organization#owedBy}) are ever due; a closed task (销号) is
 * never due; a unit whose latest report on a task says it is done owes nothing more on it; a period is covered by
 * any countable report the unit made on the task within it (for a once-task, only by a report of completion).
 */
public final class DueCalculator {
    private final WorkPlan plan;
    private final Organization org;
    private final DutyRules rules;
    private final BiPredicate<Integer, Integer> isClosed;
    private final ReportingPeriods periods;
    private final Map<Integer, List<Period>> cache = new HashMap<>();

    /** @param isClosed tells whether (plan year, task number) has been closed (销号) */
    public DueCalculator(WorkPlan plan, Organization org, DutyRules rules, BiPredicate<Integer, Integer> isClosed) {
        this.plan = plan;
        this.org = org;
        this.rules = rules;
        this.isClosed = isClosed;
        this.periods = new ReportingPeriods(plan, rules);
    }

    public WorkPlan plan() {
        return plan;
    }

    public Organization org() {
        return org;
    }

    public DutyRules rules() {
        return rules;
    }

    /** The task's reporting periods, in order. */
    public synchronized List<Period> periods(PlanTask task) {
        return cache.computeIfAbsent(task.number(), n -> periods.of(task));
    }

    /** The task's period that contains the day, if the day is in one. */
    public Optional<Period> periodOn(PlanTask task, LocalDate day) {
        return periods(task).stream().filter(p -> p.contains(day)).findFirst();
    }

    private boolean open(PlanTask t) {
        return !isClosed.test(plan.year(), t.number());
    }

    /** Open tasks the unit owes reports on (cadence other than none), in plan order. */
    public List<PlanTask> owedTasks(String unit) {
        return plan.tasks().stream()
                .filter(t -> open(t) && t.cadence().kind() != Cadence.Kind.NONE && org.owes(t, unit)).toList();
    }

    /** Units that owe at least one report on an open task, in organization order. */
    public List<String> owingUnits() {
        return org.units().stream().filter(u -> !owedTasks(u).isEmpty()).toList();
    }

    /**
     * Every (unit, task) report the bot starts asking for in the week, whatever has been reported: the load the
     * plan puts on units that week.
     */
    public List<Due> askedIn(ReportingWeek week) {
        List<Due> out = new ArrayList<>();
        for (String unit : org.units()) {
            for (PlanTask t : owedTasks(unit)) {
                for (Period p : periods(t)) {
                    if (p.askWeek().equals(week)) {
                        out.add(new Due(unit, t, p));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The reports still due in the week as the facts stand: the bot asks for the period in the week, the unit has
     * not covered it and has not reported the task done. In organization order, then plan order.
     */
    public List<Due> due(ReportingWeek week, ReportFacts facts) {
        LocalDate asOf = week.sunday();
        List<Due> out = new ArrayList<>();
        for (String unit : org.units()) {
            for (PlanTask t : owedTasks(unit)) {
                for (Period p : periods(t)) {
                    if (p.askedIn(week) && !covered(t, unit, p, facts, asOf)) {
                        out.add(new Due(unit, t, p));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The units the bot asked for something in the week: what was still due from them when the week began (reports
     * made before it count, reports made in it do not), in organization order. The base of "N of M units reported".
     */
    public List<String> unitsAskedIn(ReportingWeek week, ReportFacts facts) {
        return List.copyOf(dueByUnit(week, facts.before(week.monday())).keySet());
    }

    /** {@link #due} grouped by unit, in organization order. */
    public Map<String, List<Due>> dueByUnit(ReportingWeek week, ReportFacts facts) {
        Map<String, List<Due>> out = new LinkedHashMap<>();
        for (Due d : due(week, facts)) {
            out.computeIfAbsent(d.unit(), u -> new ArrayList<>()).add(d);
        }
        return out;
    }

    /** The reports a unit still owes in the week. */
    public List<Due> dueFrom(String unit, ReportingWeek week, ReportFacts facts) {
        return due(week, facts).stream().filter(d -> d.unit().equals(unit)).toList();
    }

    /**
     * Whether the unit owes a report on the task on this working day (the bot has begun asking, not yet covered).
     * Days off are never due days.
     */
    public boolean isDue(PlanTask task, String unit, LocalDate day, ReportFacts facts) {
        if (!rules.calendar().isWorkingDay(day) || !open(task) || task.cadence().kind() == Cadence.Kind.NONE || !org.owes(task, unit)) {
            return false;
        }
        return periodOn(task, day).filter(p -> !p.askFrom().isAfter(day))
                .filter(p -> !covered(task, unit, p, facts, day)).isPresent();
    }

    private boolean covered(PlanTask t, String unit, Period p, ReportFacts facts, LocalDate asOf) {
        boolean onlyDone = t.cadence().kind() == Cadence.Kind.ONCE;
        return facts.covers(t.number(), unit, p, onlyDone) || facts.doneBy(t.number(), unit, asOf);
    }

    /**
     * The periods of the task that ended before {@code today} without a report from the unit, counted back from
     * the latest; none once the unit has reported since the latest of them ended (it is back on track).
     */
    public int missedInARow(PlanTask task, String unit, LocalDate today, ReportFacts facts) {
        if (!org.owes(task, unit) || facts.doneBy(task.number(), unit, today)) {
            return 0;
        }
        List<Period> ps = periods(task);
        Optional<Period> lastEnded = ps.stream().filter(p -> p.endedBefore(today)).reduce((a, b) -> b);
        if (lastEnded.isEmpty() || facts.reportedAfter(task.number(), unit, lastEnded.get().end(), today)) {
            return 0;
        }
        int missed = 0;
        for (int i = ps.size() - 1; i >= 0; i--) {
            Period p = ps.get(i);
            if (!p.endedBefore(today)) {
                continue;
            }
            if (covered(task, unit, p, facts, p.end())) {
                break;
            }
            missed++;
        }
        return missed;
    }

    /**
     * Whether the task missed its own cadence: an owing unit let {@link DutyRules#stalePeriods} or more of the
     * task's periods in a row end without a report. The unit that missed most is named.
     */
    public Optional<Staleness> staleness(PlanTask task, LocalDate today, ReportFacts facts) {
        if (!open(task) || task.cadence().kind() == Cadence.Kind.NONE) {
            return Optional.empty();
        }
        Staleness worst = null;
        for (String unit : org.owedBy(task)) {
            int missed = missedInARow(task, unit, today, facts);
            if (missed >= rules.stalePeriods() && (worst == null || missed > worst.missed())) {
                Period last = periods(task).stream().filter(p -> p.endedBefore(today))
                        .max(Comparator.comparing(Period::end)).orElseThrow();
                worst = new Staleness(unit, missed, last, task.cadence());
            }
        }
        return Optional.ofNullable(worst);
    }

    /**
     * A unit's reporting rate over the periods the bot asked for from {@code from} to {@code to} (by the day it
     * began asking), counting only periods it had begun asking by {@code asOf}; a period counts as covered when
     * the unit reported in it by {@code asOf}.
     */
    public ReportingRate rate(String unit, LocalDate from, LocalDate to, LocalDate asOf, ReportFacts facts) {
        int owed = 0;
        int covered = 0;
        for (PlanTask t : owedTasks(unit)) {
            for (Period p : periods(t)) {
                if (p.askFrom().isBefore(from) || p.askFrom().isAfter(to) || p.askFrom().isAfter(asOf)) {
                    continue;
                }
                owed++;
                LocalDate until = p.end().isBefore(asOf) ? p.end() : asOf;
                if (covered(t, unit, p, facts, until)) {
                    covered++;
                }
            }
        }
        return new ReportingRate(covered, owed);
    }
}
