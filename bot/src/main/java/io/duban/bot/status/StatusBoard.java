package io.duban.bot.status;

import io.duban.bot.duty.DueCalculator;
import io.duban.bot.duty.DutyRules;
import io.duban.bot.duty.Period;
import io.duban.bot.duty.ReportFacts;
import io.duban.bot.duty.Staleness;
import io.duban.bot.milestone.MilestoneBook;
import io.duban.bot.milestone.MilestonePace;
import io.duban.bot.report.ReportFilter;
import io.duban.bot.report.ReportingWeek;
import io.duban.config.Settings;
import io.duban.plan.Cadence;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.MilestoneRepository;
import io.duban.storage.ReportRepository;
import io.duban.storage.model.MilestoneEdit;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Computes where every task stands at the clock's current date, from {@link AcceptedReports}: the one filter (not
 * withdrawn, not superseded, not returned) that every view uses. Two queries per call, then everything in memory.
 */
public final class StatusBoard {
    /** Without chat edits: the plan file's milestones only. */
    private static final MilestoneRepository NO_MILESTONE_EDITS = new MilestoneRepository() {
        @Override
        public MilestoneEdit append(MilestoneEdit edit) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public List<MilestoneEdit> all(int planYear) {
            return List.of();
        }
    };

    private final Organization org;
    private final Settings settings;
    private final ReportRepository reports;
    private final Clock clock;
    private final BiPredicate<Integer, Integer> isClosed;
    private final ReportFilter countable;
    private final DutyRules duty;
    private final MilestoneRepository milestoneEdits;

    public StatusBoard(Organization org, Settings settings, ReportRepository reports, Clock clock,
                       BiPredicate<Integer, Integer> isClosed, DutyRules duty) {
        this(org, settings, reports, clock, isClosed, ReportFilter.all(), duty);
    }

    /**
     * @param isClosed  tells whether (plan year, task number) has been closed (销号); closed tasks count as done
     * @param countable which effective reports count (a report the office returned does not): the one filter of
     *                  {@link AcceptedReports}, also behind the due calculation's {@link ReportFacts}
     * @param duty      what is due and when a task is stale is decided by {@link DueCalculator} under these rules
     */
    public StatusBoard(Organization org, Settings settings, ReportRepository reports, Clock clock,
                       BiPredicate<Integer, Integer> isClosed, ReportFilter countable, DutyRules duty) {
        this(org, settings, reports, clock, isClosed, countable, duty, NO_MILESTONE_EDITS);
    }

    private StatusBoard(Organization org, Settings settings, ReportRepository reports, Clock clock,
                        BiPredicate<Integer, Integer> isClosed, ReportFilter countable, DutyRules duty,
                        MilestoneRepository milestoneEdits) {
        this.milestoneEdits = milestoneEdits;
        this.duty = duty;
        this.org = org;
        this.settings = settings;
        this.reports = reports;
        this.clock = clock;
        this.isClosed = isClosed;
        this.countable = countable;
    }

    /** The same board with the milestones set in chat (without it: the plan file's milestones only). */
    public StatusBoard withMilestones(MilestoneRepository edits) {
        return new StatusBoard(org, settings, reports, clock, isClosed, countable, duty, edits);
    }

    /**
     * The same board seen at another moment (a job's run, a rehearsal): the clock fixed at {@code at}, the reports,
     * closures, filter, rules and milestone edits unchanged.
     */
    public StatusBoard asOf(Instant at) {
        return new StatusBoard(org, settings, reports, Clock.fixed(at, settings.zone()), isClosed, countable, duty,
                milestoneEdits);
    }

    /** Every task's milestones as they stand at the board's moment. */
    public MilestoneBook milestones(WorkPlan plan) {
        return MilestoneBook.of(plan, milestoneEdits.all(plan.year()), clock.instant());
    }

    /** Where the task should be and which milestones it missed, for a percent, at the board's date. */
    public MilestonePace.Pace pace(WorkPlan plan, MilestoneBook book, PlanTask task, int percent) {
        return MilestonePace.of(book.of(task), plan.start(), task.deadline(), today(), percent);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    public ReportingWeek currentWeek() {
        return ReportingWeek.of(today());
    }

    /** The moment changes are measured from: the start of the previous reporting week ("较上周"). */
    public Instant baseline() {
        return currentWeek().previous().monday().atStartOfDay(settings.zone()).toInstant();
    }

    /** The accepted reports of the plan year: what every figure is computed from. */
    public AcceptedReports accepted(WorkPlan plan) {
        return AcceptedReports.load(reports, countable, plan.year(), baseline());
    }

    /** Every accepted report of the plan year (effective, not returned), through the board's one filter. */
    public List<ProgressReport> acceptedReports(WorkPlan plan) {
        return countable.countable(plan.year(), reports.allEffective(plan.year()));
    }

    /** Every task of the plan, in plan order. */
    public List<TaskStatus> tasks(WorkPlan plan) {
        return tasks(plan, accepted(plan));
    }

    public List<TaskStatus> tasks(WorkPlan plan, AcceptedReports accepted) {
        DueCalculator due = calculator(plan);
        Supplier<ReportFacts> facts = lazyFacts(due, accepted);
        MilestoneBook book = milestones(plan);
        List<TaskStatus> out = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            out.add(status(plan, task, accepted, due, facts, book));
        }
        return out;
    }

    public TaskStatus task(WorkPlan plan, PlanTask task) {
        AcceptedReports accepted = accepted(plan);
        DueCalculator due = calculator(plan);
        return status(plan, task, accepted, due, lazyFacts(due, accepted), milestones(plan));
    }

    /** The report history is read only if some task gets as far as the staleness check. */
    private Supplier<ReportFacts> lazyFacts(DueCalculator due, AcceptedReports accepted) {
        ReportFacts[] once = new ReportFacts[1];
        return () -> {
            if (once[0] == null) {
                once[0] = facts(due, accepted);
            }
            return once[0];
        };
    }

    /** The one "what is due" component, for this plan (with its reporters and cadences). */
    public DueCalculator calculator(WorkPlan plan) {
        return new DueCalculator(plan, org, duty, isClosed);
    }

    /** The accepted reports as of the board's clock, as the due calculation reads them. */
    public ReportFacts facts(WorkPlan plan) {
        return facts(calculator(plan), accepted(plan));
    }

    /**
     * The reports made in the recent window are read at once (narrowly); a unit's older history only when a question
     * reaches back before the window (see {@link ReportFacts}: the answers are those of the whole year's reports).
     */
    private ReportFacts facts(DueCalculator due, AcceptedReports accepted) {
        return accepted.facts(settings.zone(), clock.instant(), recentFrom(due, today()));
    }

    /** How far back the questions of a day usually reach before older history is read. */
    private static final int LONGEST_RECENT_WINDOW_DAYS = 92;

    /**
     * Where the recent window starts: the start of each task's period in progress and of its latest period that
     * ended before today (what the weekly questions, 未报送 and "missed in a row" of a unit that reports read),
     * never more than {@link #LONGEST_RECENT_WINDOW_DAYS} back. Only speed depends on it, never an answer.
     */
    static LocalDate recentFrom(DueCalculator due, LocalDate today) {
        LocalDate limit = today.minusDays(LONGEST_RECENT_WINDOW_DAYS);
        LocalDate from = today.with(java.time.DayOfWeek.MONDAY).minusWeeks(1);
        for (PlanTask t : due.plan().tasks()) {
            if (t.cadence().kind() == Cadence.Kind.NONE) {
                continue;
            }
            Period lastEnded = null;
            for (Period p : due.periods(t)) {
                if (p.endedBefore(today)) {
                    lastEnded = p;
                } else if (!p.start().isAfter(today)) {
                    from = earlier(from, p.start());
                }
            }
            if (lastEnded != null) {
                from = earlier(from, lastEnded.start());
            }
        }
        return from.isBefore(limit) ? limit : from;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b.isBefore(a) ? b : a;
    }

    private TaskStatus status(WorkPlan plan, PlanTask task, AcceptedReports accepted, DueCalculator due,
                              Supplier<ReportFacts> facts, MilestoneBook book) {
        LocalDate today = today();
        List<String> leads = org.expand(task.leadUnits());
        List<UnitPart> parts = new ArrayList<>();
        for (String unit : org.assignedUnits(task)) {
            int n = task.number();
            parts.add(new UnitPart(unit, leads.contains(unit), accepted.latest(n, unit), accepted.returned(n, unit)));
        }
        List<UnitPart> leadFigures = parts.stream().filter(p -> p.lead() && p.latest().isPresent()).toList();
        Comparator<ProgressReport> newest = Comparator.comparingLong(ProgressReport::id);
        Optional<ProgressReport> headline;
        if (!leadFigures.isEmpty()) {
            // the worse lead figure is the headline; ties go to the newer report
            headline = leadFigures.stream().map(p -> p.latest().orElseThrow())
                    .min(Comparator.comparingInt(StatusBoard::percentOf).thenComparing(newest.reversed()));
        } else {
            headline = parts.stream().flatMap(p -> p.latest().stream()).max(newest);
        }
        int percent = headline.map(StatusBoard::percentOf).orElse(0);
        MilestonePace.Pace pace = pace(plan, book, task, percent);
        int expected = pace.expected();
        long daysLeft = ChronoUnit.DAYS.between(today, task.deadline());
        boolean closed = isClosed.test(plan.year(), task.number());
        List<ProgressReport> figures = leadFigures.isEmpty() ? headline.stream().toList()
                : leadFigures.stream().map(p -> p.latest().orElseThrow()).toList();
        boolean done = closed || (!figures.isEmpty() && figures.stream().allMatch(StatusBoard::isDone));
        Optional<ProgressReport> blocked = figures.stream()
                .filter(r -> r.status().filter(s -> s == ReportStatus.BLOCKED).isPresent()).findFirst();
        boolean named = leadFigures.size() >= 2;
        int missed = missedPeriods(task, today, due, facts);
        // staleness names the unit that missed most when it missed at least stalePeriods: none when no unit did
        Optional<Staleness> stale = missed >= due.rules().stalePeriods() ? stale(task, today, due, facts)
                : Optional.empty();
        boolean anyReport = parts.stream().anyMatch(p -> p.latest().isPresent());

        Colour colour;
        String reason;
        if (closed) {
            colour = Colour.GREEN;
            reason = "已销号";
        } else if (done) {
            colour = Colour.GREEN;
            reason = "已完成，待销号";
        } else if (daysLeft < 0) {
            colour = Colour.RED;
            reason = "已逾期 " + (-daysLeft) + " 天，进度 " + percent + "%";
        } else if (pace.missedReason(percent).isPresent()) {
            colour = Colour.RED;
            reason = pace.missedReason(percent).get();
        } else if (blocked.isPresent()) {
            ProgressReport b = blocked.get();
            colour = Colour.RED;
            reason = (named ? b.unit() : "") + "受阻" + (b.hasProblems() ? "：" + shorten(b.problems()) : "");
        } else if (task.cadence().kind() == Cadence.Kind.NONE && !anyReport) {
            colour = Colour.GREEN;
            reason = "无需报送，由督办助手汇总";
        } else if (headline.isPresent() && percent + settings.paceTolerancePercent() < expected) {
            colour = Colour.YELLOW;
            reason = (named ? headline.get().unit() : "") + "进度 " + percent + "%，落后于应有进度 " + expected + "%";
        } else if (stale.isPresent()) {
            colour = Colour.YELLOW;
            reason = anyReport ? stale.get().reason() : "尚无报送";
        } else if (!anyReport) {
            colour = Colour.GREEN;
            reason = parts.stream().anyMatch(UnitPart::isReturned) ? "报送已退回，待重报" : "刚启动，尚无报送";
        } else {
            colour = Colour.GREEN;
            reason = "按计划推进（进度 " + percent + "%，应有 " + expected + "%）";
        }
        return new TaskStatus(task, colour, reason, percent, expected, headline, parts, daysLeft, closed, missed);
    }

    private static int percentOf(ProgressReport r) {
        return r.percent().isPresent() ? r.percent().getAsInt() : 0;
    }

    private static boolean isDone(ProgressReport r) {
        return percentOf(r) >= 100 || r.status().filter(s -> s == ReportStatus.DONE).isPresent();
    }

    /** Stale = an owing unit missed the task's own cadence periods (see {@link DueCalculator#staleness}). */
    private static Optional<Staleness> stale(PlanTask task, LocalDate today, DueCalculator due,
                                             Supplier<ReportFacts> facts) {
        return task.cadence().kind() == Cadence.Kind.NONE ? Optional.empty() : due.staleness(task, today, facts.get());
    }

    /**
     * Complete periods of the task's cadence that ended without a report, in a row, from the owing unit that missed
     * most ({@link DueCalculator#missedInARow}). The period in progress never counts, so a report on Sunday evening
     * and a look on Monday morning differ by exactly the one period that has just ended.
     */
    private static int missedPeriods(PlanTask task, LocalDate today, DueCalculator due, Supplier<ReportFacts> facts) {
        if (task.cadence().kind() == Cadence.Kind.NONE) {
            return 0;
        }
        int missed = 0;
        for (String unit : due.org().owedBy(task)) {
            missed = Math.max(missed, due.missedInARow(task, unit, today, facts.get()));
        }
        return missed;
    }

    /** Share of the period from the plan start to the task deadline that has passed, in whole percent. */
    public static int expectedPercent(LocalDate start, LocalDate deadline, LocalDate today) {
        long total = ChronoUnit.DAYS.between(start, deadline);
        if (total <= 0 || !today.isAfter(start)) {
            return today.isAfter(deadline) ? 100 : 0;
        }
        long elapsed = Math.min(total, ChronoUnit.DAYS.between(start, today));
        return (int) Math.round(100.0 * elapsed / total);
    }

    /**
     * Units that still owe a report in the given week under each task's cadence and reporters (contributors never
     * owe), with the tasks they owe, in organization order. Decided by {@link DueCalculator#due}.
     */
    public Map<String, List<Integer>> unitsNotReported(WorkPlan plan, ReportingWeek week) {
        return unitsNotReported(plan, week, accepted(plan));
    }

    public Map<String, List<Integer>> unitsNotReported(WorkPlan plan, ReportingWeek week, AcceptedReports accepted) {
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        DueCalculator due = calculator(plan);
        due.dueByUnit(week, facts(due, accepted)).forEach((unit, dues) ->
                missing.put(unit, dues.stream().map(d -> d.task().number()).distinct().toList()));
        return missing;
    }

    /** Who reported in a week: the count every message uses; "owing" is what {@link DueCalculator} says is due. */
    public WeekTally tally(WorkPlan plan, ReportingWeek week) {
        return tally(plan, week, accepted(plan));
    }

    public WeekTally tally(WorkPlan plan, ReportingWeek week, AcceptedReports accepted) {
        // the base: the units the bot asked for something in the week (what was due from them as it began)
        DueCalculator due = calculator(plan);
        List<String> units = due.unitsAskedIn(week, facts(due, accepted));
        Set<String> reported = new java.util.HashSet<>();
        accepted.inWeek(week.toString()).forEach(r -> reported.add(r.unit()));
        return new WeekTally(units, reported, unitsNotReported(plan, week, accepted));
    }

    /** The tasks the unit still owes in the current reporting week, in plan order. */
    public List<PlanTask> dueThisWeek(WorkPlan plan, String unit) {
        return calculator(plan).dueFrom(unit, currentWeek(), facts(plan)).stream()
                .map(io.duban.bot.duty.Due::task).distinct().toList();
    }

    /** Units that owe reports on some open task of the plan, in organization order. */
    public List<String> owingUnits(WorkPlan plan) {
        return calculator(plan).owingUnits();
    }

    /** Tasks still to be reported on: not closed, not past their deadline by more than the grace of a week. */
    public List<PlanTask> openTasks(WorkPlan plan) {
        return plan.tasks().stream().filter(t -> !isClosed.test(plan.year(), t.number())).toList();
    }

    /** The open tasks a unit is assigned to (lead or responsible). */
    public List<PlanTask> tasksOf(WorkPlan plan, String unit) {
        return openTasks(plan).stream().filter(t -> org.isAssigned(t, unit)).toList();
    }

    /** Latest effective reports that still name a problem, newest first. */
    public List<ProgressReport> openProblems(WorkPlan plan) {
        return openProblems(plan, accepted(plan));
    }

    /** Latest accepted reports that still name a problem, on open tasks, newest first. */
    public List<ProgressReport> openProblems(WorkPlan plan, AcceptedReports accepted) {
        Set<Integer> open = new TreeSet<>(openTasks(plan).stream().map(PlanTask::number).toList());
        return accepted.latestOfEach().stream()
                .filter(ProgressReport::hasProblems)
                .filter(r -> open.contains(r.taskNumber()))
                .sorted(Comparator.comparingLong(ProgressReport::id).reversed())
                .toList();
    }

    /** Every task with a numeric target, against the latest figures. */
    public List<KpiStatus> kpis(WorkPlan plan) {
        List<KpiStatus> out = new ArrayList<>();
        Map<Integer, Map<String, ProgressReport>> latest = new HashMap<>();
        for (ProgressReport r : accepted(plan).latestOfEach()) {
            latest.computeIfAbsent(r.taskNumber(), k -> new HashMap<>()).put(r.unit(), r);
        }
        for (PlanTask task : plan.tasks()) {
            if (task.kpi().isEmpty()) {
                continue;
            }
            Map<String, ProgressReport> byUnit = latest.getOrDefault(task.number(), Map.of());
            List<String> leads = org.expand(task.leadUnits());
            Optional<ProgressReport> consolidated = byUnit.values().stream()
                    .filter(r -> leads.contains(r.unit()))
                    .filter(r -> r.kpiNumerator().isPresent() && r.kpiDenominator().isPresent())
                    .max(Comparator.comparingLong(ProgressReport::id));
            if (consolidated.isPresent()) {
                ProgressReport r = consolidated.get();
                out.add(new KpiStatus(task, task.kpi().get(), r.kpiNumerator().getAsInt(),
                        r.kpiDenominator().getAsInt(), List.of(r.unit() + "（汇总）")));
                continue;
            }
            int num = 0;
            int den = 0;
            List<String> sources = new ArrayList<>();
            for (ProgressReport r : byUnit.values()) {
                if (leads.contains(r.unit()) || (r.kpiNumerator().isEmpty() && r.kpiDenominator().isEmpty())) {
                    continue;
                }
                num += r.kpiNumerator().orElse(0);
                den += r.kpiDenominator().orElse(0);
                sources.add(r.unit());
            }
            sources.sort(Comparator.comparingInt(u -> org.units().indexOf(u)));
            out.add(new KpiStatus(task, task.kpi().get(), num, den, sources));
        }
        return out;
    }

    private static String shorten(String s) {
        return io.duban.bot.text.UserText.escape(s, 30);
    }
}
