package io.duban.bot.report;

import io.duban.config.Settings;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.ReportRepository;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Stores reports, corrections and withdrawals for a person's unit, after checking them against the plan, and says
 * exactly what was stored or why not. Takes what the command parsed; returns results the command words.
 */
public final class ReportService {
    /** A report the same person sends again within this time, unchanged, is a repeat (a double tap, a retry). */
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

    private final Organization org;
    private final Settings settings;
    private final ReportRepository reports;
    private final Clock clock;
    private final BiPredicate<Integer, Integer> isClosed;
    private final ReportFilter countable;
    private final DueThisWeek due;
    private final ReportFollowUp followUp;

    public ReportService(Organization org, Settings settings, ReportRepository reports, Clock clock,
                         BiPredicate<Integer, Integer> isClosed, DueThisWeek due) {
        this(org, settings, reports, clock, isClosed, ReportFilter.all(), due);
    }

    /**
     * @param countable which effective reports count as reported (a report the office returned does not)
     * @param due       what the unit still owes this week (the due component, through the status board)
     */
    public ReportService(Organization org, Settings settings, ReportRepository reports, Clock clock,
                         BiPredicate<Integer, Integer> isClosed, ReportFilter countable, DueThisWeek due) {
        this(org, settings, reports, clock, isClosed, countable, due, ReportFollowUp.NONE);
    }

    /** @param followUp feeds every stored report to the task's metrics and the unit's problem items (issue 15) */
    public ReportService(Organization org, Settings settings, ReportRepository reports, Clock clock,
                         BiPredicate<Integer, Integer> isClosed, ReportFilter countable, DueThisWeek due,
                         ReportFollowUp followUp) {
        this.followUp = followUp;
        this.due = due;
        this.countable = countable;
        this.org = org;
        this.settings = settings;
        this.reports = reports;
        this.clock = clock;
        this.isClosed = isClosed;
    }

    /**
     * A message with one or more reports, as the parser read it (preamble parts left out, at least one part).
     * {@code quotedTask} is the task named in the bot's prompt the person answered, if it named exactly one.
     */
    public SubmitResult submit(WorkPlan plan, Person person, List<ReportPart> parts, Optional<Integer> quotedTask,
                               long inboundId) {
        Optional<List<Integer>> noChange = onlyNoChange(parts);
        if (noChange.isPresent()) {
            return new SubmitResult.NoChange(noChange(plan, person, noChange.get(), inboundId));
        }
        List<ReportPart> rest = parts.stream().filter(ReportService::isRestUnchanged).toList();
        if (rest.size() == 1 && parts.size() > 1) {
            // the named reports first: what is still due after them is "the rest"
            List<ReportPart> named = parts.stream().filter(p -> p != rest.get(0)).toList();
            SubmitResult reports = submit(plan, person, named, quotedTask, inboundId);
            if (reports instanceof SubmitResult.WhichTask) {
                return reports; // nothing stored: "the rest" depends on the task still to be named
            }
            if (named.stream().anyMatch(p -> !(p instanceof ReportPart.Read))) {
                return new SubmitResult.RestUnchanged(reports, Optional.empty());
            }
            return new SubmitResult.RestUnchanged(reports, Optional.of(noChange(plan, person, List.of(), inboundId)));
        }
        if (parts.size() == 1) {
            if (parts.get(0) instanceof ReportPart.Unreadable u) {
                return new SubmitResult.One(
                        new ReportOutcome.NotStored(u.source(), new Refusal.Unreadable(u.reason())));
            }
            ParsedReport parsed = ((ReportPart.Read) parts.get(0)).report();
            if (parsed.taskNumber().isEmpty()) {
                if (quotedTask.isPresent()) {
                    parsed = parsed.withTask(quotedTask.get());
                } else {
                    List<PlanTask> awaiting = awaitingThisWeek(plan, person.unit());
                    List<PlanTask> own = ownTasks(plan, person.unit());
                    List<PlanTask> reported = reportedThisWeek(plan, person.unit());
                    if (own.size() == 1) {
                        parsed = parsed.withTask(own.get(0).number());
                    } else if (awaiting.size() == 1 && reported.isEmpty()) {
                        parsed = parsed.withTask(awaiting.get(0).number());
                    } else if (!reported.isEmpty()) {
                        // "问题：资金未到位" right after "12 60% …" may add to 12 as well as report the one task
                        // still due: ask rather than store it on the wrong task
                        return new SubmitResult.WhichTask(person.unit(), false,
                                Stream.concat(reported.stream(), awaiting.stream()).distinct().toList());
                    } else {
                        return whichTask(plan, person.unit(), awaiting);
                    }
                }
            }
            return new SubmitResult.One(store(plan, person, parsed, inboundId));
        }
        List<ReportOutcome> outcomes = new ArrayList<>();
        for (ReportPart part : parts) {
            if (part instanceof ReportPart.Unreadable u) {
                outcomes.add(new ReportOutcome.NotStored(u.source(), new Refusal.Unreadable(u.reason())));
            } else {
                outcomes.add(store(plan, person, ((ReportPart.Read) part).report(), inboundId));
            }
        }
        return new SubmitResult.Several(outcomes);
    }

    /**
     * The tasks a message says "no change" about, when that is all it says ({@code 无变化}, {@code 15 同上周},
     * {@code 12、15 无变化}, one per line): empty list = none named, every task still owed. Empty otherwise.
     */
    private static Optional<List<Integer>> onlyNoChange(List<ReportPart> parts) {
        List<Integer> named = new ArrayList<>();
        for (ReportPart part : parts) {
            if (!(part instanceof ReportPart.Read read)) {
                return Optional.empty();
            }
            ParsedReport r = read.report();
            if (!saysOnlyNoChange(r) || (r.taskNumber().isEmpty() && parts.size() > 1)) {
                return Optional.empty();
            }
            r.taskNumber().ifPresent(named::add);
        }
        return Optional.of(named);
    }

    /** A part that says only "no change" for the tasks the message does not name ({@code 其余无变化}). */
    private static boolean isRestUnchanged(ReportPart part) {
        if (!(part instanceof ReportPart.Read read)) {
            return false;
        }
        ParsedReport r = read.report();
        return r.taskNumber().isEmpty() && saysOnlyNoChange(r) && StatusWords.isRestUnchangedClause(r.source());
    }

    /** "No change" and nothing else: no percent, status, text, problem, next step or count. */
    private static boolean saysOnlyNoChange(ParsedReport r) {
        return r.noChange() && r.percent().isEmpty() && r.status().isEmpty() && r.progress().isEmpty()
                && r.problems().isEmpty() && r.nextSteps().isEmpty() && !r.hasKpi();
    }

    /** Checks one report against the plan and the unit's history and stores it, or says why not. */
    private ReportOutcome store(WorkPlan plan, Person person, ParsedReport parsed, long inboundId) {
        String source = parsed.source();
        int number = parsed.taskNumber().getAsInt();
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return new ReportOutcome.NotStored(source, new Refusal.UnknownTask(number));
        }
        Optional<Refusal> refused = refuse(plan, person, task.get(), parsed);
        if (refused.isPresent()) {
            return new ReportOutcome.NotStored(source, refused.get());
        }
        Optional<ProgressReport> previous = reports.latestEffective(plan.year(), number, person.unit());
        OptionalInt before = previous.map(ProgressReport::percent).orElse(OptionalInt.empty());
        OptionalInt percent = parsed.percent().isPresent() ? parsed.percent() : before;
        if (parsed.percent().isEmpty() && parsed.status().isEmpty() && previous.isPresent()) {
            parsed = parsed.withStatus(previous.get().status()); // a text-only update changes neither figure
        }
        if (percent.isEmpty()) {
            return new ReportOutcome.NotStored(source, new Refusal.NoPercentYet(person.unit(), number));
        }
        NewReport report = newReport(plan, person, number, inboundId, ReportKind.REPORT, Optional.empty(), parsed,
                percent);
        if (previous.isPresent() && isRepeat(previous.get(), report)) {
            return new ReportOutcome.Repeated(previous.get());
        }
        ProgressReport stored = reports.append(report);
        return new ReportOutcome.Stored(stored, parsed.percent().isEmpty(), before,
                followUp.afterStore(plan, task.get(), stored, Optional.empty()));
    }

    /** The same person, the same task, the same content, within {@link #REPEAT_WINDOW}. */
    private boolean isRepeat(ProgressReport earlier, NewReport now) {
        return earlier.kind() == ReportKind.REPORT && earlier.reporterId().equals(now.reporterId())
                && Duration.between(earlier.reportedAt(), now.reportedAt()).compareTo(REPEAT_WINDOW) < 0
                && earlier.percent().equals(now.percent()) && earlier.status().equals(now.status())
                && earlier.progress().equals(now.progress()) && earlier.problems().equals(now.problems())
                && earlier.nextSteps().equals(now.nextSteps())
                && earlier.kpiNumerator().equals(now.kpiNumerator())
                && earlier.kpiDenominator().equals(now.kpiDenominator()) && earlier.noChange() == now.noChange();
    }

    /**
     * "No change this period" for the named tasks, or for every task due from the unit this week when none is
     * named: one entry per task that counts as reported and keeps the unit's last percent and status. A task the
     * unit never reported a percent on cannot keep one: nothing is stored and the person is asked for the figure.
     */
    public NoChangeResult noChange(WorkPlan plan, Person person, List<Integer> named, long inboundId) {
        String unit = person.unit();
        List<PlanTask> tasks;
        if (named.isEmpty()) {
            tasks = awaitingThisWeek(plan, unit);
            if (tasks.isEmpty()) {
                return new NoChangeResult.NothingDue(unit);
            }
        } else {
            tasks = new ArrayList<>();
            for (int n : named) {
                Optional<PlanTask> t = plan.task(n);
                if (t.isEmpty()) {
                    return new NoChangeResult.Refused(new Refusal.UnknownTask(n));
                }
                if (!org.isAssigned(t.get(), unit)) {
                    return new NoChangeResult.Refused(notAssigned(plan, person, n));
                }
                if (isClosed.test(plan.year(), n)) {
                    return new NoChangeResult.Refused(new Refusal.Closed(n));
                }
                tasks.add(t.get());
            }
        }
        List<PlanTask> never = new ArrayList<>();
        for (PlanTask t : tasks) {
            if (reports.latestEffective(plan.year(), t.number(), unit).filter(r -> r.percent().isPresent()).isEmpty()) {
                never.add(t);
            }
        }
        if (!never.isEmpty()) {
            return new NoChangeResult.NeverReported(unit, never, tasks);
        }
        List<NoChangeResult.KeptTask> kept = new ArrayList<>();
        for (PlanTask t : tasks) {
            ProgressReport last = reports.latestEffective(plan.year(), t.number(), unit).orElseThrow();
            Instant now = clock.instant();
            reports.append(new NewReport(plan.year(), t.number(), unit, person.userId(), Optional.of(inboundId),
                    ReportKind.REPORT, Optional.empty(), last.status(), last.percent(), "", "", "",
                    OptionalInt.empty(), OptionalInt.empty(), ReportingWeek.of(now, settings.zone()).toString(), now,
                    true));
            kept.add(new NoChangeResult.KeptTask(t, last.percent().getAsInt()));
        }
        return new NoChangeResult.Kept(unit, kept);
    }

    /** A correction of the unit's latest effective report on the task {@code parsed} names. */
    public CorrectResult correct(WorkPlan plan, Person person, ParsedReport parsed, long inboundId) {
        int number = parsed.taskNumber().orElseThrow();
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return new CorrectResult.Refused(new Refusal.UnknownTask(number));
        }
        Optional<Refusal> refused = refuse(plan, person, task.get(), parsed);
        if (refused.isPresent()) {
            return new CorrectResult.Refused(refused.get());
        }
        Optional<ProgressReport> target = reports.latestEffective(plan.year(), number, person.unit());
        if (target.isEmpty()) {
            return new CorrectResult.NothingToCorrect(person.unit(), number);
        }
        OptionalInt percent = parsed.percent().isPresent() ? parsed.percent() : target.get().percent();
        ProgressReport stored = reports.append(newReport(plan, person, number, inboundId, ReportKind.CORRECTION,
                Optional.of(target.get().id()), parsed, percent));
        return new CorrectResult.Corrected(person.unit(), target.get(), stored,
                followUp.afterStore(plan, task.get(), stored, target));
    }

    /**
     * The task of the person's own latest report that still counts ({@code 撤回上一条}): what "the last one" means to
     * the person who sent it. Empty when nothing the person reported counts any more.
     */
    public Optional<Integer> lastOwnReportedTask(WorkPlan plan, Person person) {
        return reports.latestEffective(plan.year()).stream()
                .filter(r -> r.unit().equals(person.unit()) && r.reporterId().equals(person.userId()))
                .max(Comparator.comparing(ProgressReport::reportedAt).thenComparingLong(ProgressReport::id))
                .map(ProgressReport::taskNumber);
    }

    /** Withdraws the unit's latest effective report on a task; the one before it counts again. */
    public WithdrawResult withdraw(WorkPlan plan, Person person, int number, long inboundId) {
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return new WithdrawResult.Refused(new Refusal.UnknownTask(number));
        }
        if (!org.isAssigned(task.get(), person.unit())) {
            return new WithdrawResult.Refused(notAssigned(plan, person, number));
        }
        Optional<ProgressReport> target = reports.latestEffective(plan.year(), number, person.unit());
        if (target.isEmpty()) {
            return new WithdrawResult.NothingToWithdraw(person.unit(), number);
        }
        ParsedReport empty = new ParsedReport(OptionalInt.of(number), OptionalInt.empty(), Optional.empty(), "", "", "",
                OptionalInt.empty(), OptionalInt.empty());
        reports.append(newReport(plan, person, number, inboundId, ReportKind.WITHDRAWAL,
                Optional.of(target.get().id()), empty, OptionalInt.empty()));
        Optional<ProgressReport> now = reports.latestEffective(plan.year(), number, person.unit());
        return new WithdrawResult.Withdrawn(person.unit(), target.get(), now,
                followUp.afterWithdraw(plan, task.get(), target.get()));
    }

    /** The tasks still due from the unit in the current reporting week, as the due component counts them. */
    public List<PlanTask> awaitingThisWeek(WorkPlan plan, String unit) {
        return due.tasks(plan, unit);
    }

    private Optional<Refusal> refuse(WorkPlan plan, Person person, PlanTask task, ParsedReport parsed) {
        if (!org.isAssigned(task, person.unit())) {
            return Optional.of(notAssigned(plan, person, task.number()));
        }
        if (isClosed.test(plan.year(), task.number())) {
            return Optional.of(new Refusal.Closed(task.number()));
        }
        if (parsed.hasKpi()) {
            if (task.kpi().isEmpty()) {
                return Optional.of(new Refusal.NoKpi(task.number()));
            }
            if (parsed.kpiNumerator().isPresent() && parsed.kpiDenominator().isPresent()
                    && parsed.kpiNumerator().getAsInt() > parsed.kpiDenominator().getAsInt()) {
                return Optional.of(new Refusal.KpiExceeds(parsed.kpiNumerator().getAsInt(),
                        parsed.kpiDenominator().getAsInt()));
            }
        }
        return Optional.empty();
    }

    private Refusal notAssigned(WorkPlan plan, Person person, int number) {
        return new Refusal.NotAssigned(number, ownTasks(plan, person.unit()));
    }

    private List<PlanTask> ownTasks(WorkPlan plan, String unit) {
        return plan.tasks().stream().filter(t -> org.isAssigned(t, unit)).toList();
    }

    private SubmitResult whichTask(WorkPlan plan, String unit, List<PlanTask> awaiting) {
        List<PlanTask> assigned = awaiting.isEmpty() ? ownTasks(plan, unit) : awaiting;
        // the unit's own (lead) tasks first: those are the ones it reports most
        List<PlanTask> candidates = Stream.concat(assigned.stream().filter(t -> org.isLead(t, unit)),
                assigned.stream().filter(t -> !org.isLead(t, unit))).toList();
        return new SubmitResult.WhichTask(unit, !awaiting.isEmpty(), candidates);
    }

    /** The tasks the unit has reported on in the current reporting week, most recent first. */
    private List<PlanTask> reportedThisWeek(WorkPlan plan, String unit) {
        String week = ReportingWeek.of(clock.instant(), settings.zone()).toString();
        return reports.effectiveInWeek(plan.year(), week).stream()
                .filter(r -> r.unit().equals(unit))
                .sorted(java.util.Comparator.comparingLong(ProgressReport::id).reversed())
                .map(ProgressReport::taskNumber).distinct()
                .flatMap(n -> plan.task(n).stream())
                .toList();
    }

    private NewReport newReport(WorkPlan plan, Person person, int number, long inboundId, ReportKind kind,
                                Optional<Long> supersedes, ParsedReport parsed, OptionalInt percent) {
        Instant now = clock.instant();
        Optional<ReportStatus> status = parsed.status();
        if (kind != ReportKind.WITHDRAWAL && status.isEmpty() && percent.isPresent()) {
            int p = percent.getAsInt();
            status = Optional.of(p == 100 ? ReportStatus.DONE : p == 0 ? ReportStatus.NOT_STARTED : ReportStatus.IN_PROGRESS);
        }
        return new NewReport(plan.year(), number, person.unit(), person.userId(), Optional.of(inboundId), kind,
                supersedes, status, percent, parsed.progress(), parsed.problems(), parsed.nextSteps(),
                parsed.kpiNumerator(), parsed.kpiDenominator(),
                ReportingWeek.of(now, settings.zone()).toString(), now, parsed.noChange());
    }
}
