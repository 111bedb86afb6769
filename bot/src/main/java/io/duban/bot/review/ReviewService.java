package io.duban.bot.review;

import io.duban.bot.notify.UnitNotices;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.storage.PersonRepository;
import io.duban.storage.ReportRepository;
import io.duban.storage.ReviewRepository;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportReview;
import io.duban.storage.model.ReviewDecision;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The office's check of reports (核查): pass or return a unit's latest effective report on a task, tell the unit,
 * and list what is still unchecked. Decisions are rows of their own; the latest decision on a report counts. Takes
 * parsed input and returns what happened; the chat commands word it.
 */
public final class ReviewService {
    private final Organization org;
    private final ReportRepository reports;
    private final ReviewRepository reviews;
    private final PersonRepository people;
    private final UnitNotices notices;
    private final ReviewTexts texts;
    private final Clock clock;
    private final BiPredicate<Integer, Integer> isClosed;

    public ReviewService(Organization org, ReportRepository reports, ReviewRepository reviews, PersonRepository people,
                         UnitNotices notices, ReviewTexts texts, Clock clock, BiPredicate<Integer, Integer> isClosed) {
        this.org = org;
        this.reports = reports;
        this.reviews = reviews;
        this.people = people;
        this.notices = notices;
        this.texts = texts;
        this.clock = clock;
        this.isClosed = isClosed;
    }

    /**
     * The latest effective report of each unit on each open task that the office has not decided on yet, in plan
     * order and then organization order. The weekly summary lists these as 待核查.
     */
    public List<ProgressReport> unchecked(WorkPlan plan) {
        Map<Long, ReportReview> decided = reviews.latestDecisions(plan.year()).stream()
                .collect(Collectors.toMap(ReportReview::reportId, Function.identity()));
        return reports.latestEffective(plan.year()).stream()
                .filter(r -> !decided.containsKey(r.id()))
                .filter(r -> plan.task(r.taskNumber()).isPresent())
                .filter(r -> !isClosed.test(plan.year(), r.taskNumber()))
                .sorted(Comparator.comparingInt(ProgressReport::taskNumber)
                        .thenComparingInt(r -> unitOrder(r.unit())))
                .toList();
    }

    /** The latest decision on a report row, if the office has made one. */
    public Optional<ReportReview> decision(ProgressReport report) {
        return reviews.latest(report.id());
    }

    /** The name of whoever sent the report (the userid when they left the roster). */
    public String reporterName(ProgressReport report) {
        return people.find(report.reporterId()).map(Person::name).orElse(report.reporterId());
    }

    /** Each unit's latest effective report on task {@code number}, in organization order. */
    public List<ProgressReport> latestOfTask(WorkPlan plan, int number) {
        return reports.latestEffective(plan.year()).stream()
                .filter(r -> r.taskNumber() == number)
                .sorted(Comparator.comparingInt(r -> unitOrder(r.unit())))
                .toList();
    }

    /**
     * Passes or returns the latest effective report on task {@code number}: of {@code unit} when given, otherwise
     * of the one unit whose report waits (or the only report). The unit is told where it will see it.
     */
    public ReviewResult decide(WorkPlan plan, Person reviewer, int number, Optional<String> unit,
                               ReviewDecision decision, String reason, long inboundId) {
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return new ReviewResult.UnknownTask(number);
        }
        if (decision == ReviewDecision.RETURNED && reason.isBlank()) {
            return new ReviewResult.ReasonMissing(number);
        }
        ProgressReport target;
        if (unit.isPresent()) {
            if (!org.isAssigned(task.get(), unit.get())) {
                return new ReviewResult.NotAssigned(unit.get(), number, org.assignedUnits(task.get()));
            }
            Optional<ProgressReport> latest = reports.latestEffective(plan.year(), number, unit.get());
            if (latest.isEmpty()) {
                return new ReviewResult.NothingFromUnit(unit.get(), number);
            }
            target = latest.get();
        } else {
            List<ProgressReport> latest = latestOfTask(plan, number);
            if (latest.isEmpty()) {
                return new ReviewResult.NothingReported(number);
            }
            List<ProgressReport> open = latest.stream().filter(r -> reviews.latest(r.id()).isEmpty()).toList();
            if (open.size() == 1) {
                target = open.get(0);
            } else if (open.isEmpty() && latest.size() == 1) {
                target = latest.get(0);
            } else {
                return new ReviewResult.WhichUnit(number, open.isEmpty() ? latest : open, decision, open.isEmpty());
            }
        }
        Optional<ReportReview> previous = reviews.latest(target.id());
        if (decision == ReviewDecision.PASSED && previous.filter(v -> v.decision() == ReviewDecision.PASSED).isPresent()) {
            return new ReviewResult.AlreadyPassed(target, previous.get());
        }
        ReportReview stored = reviews.record(new ReportReview(0, target.id(), decision, reason.strip(),
                reviewer.userId(), Optional.of(inboundId), clock.instant()));
        String reporterName = reporterName(target);
        UnitNotices.Told told = notices.tell(target.unit(), target.reporterId(), reporterName,
                texts.notice(target, stored), decision == ReviewDecision.RETURNED, "review:" + stored.id());
        return new ReviewResult.Decided(target, stored, reporterName, told);
    }

    private int unitOrder(String unit) {
        int i = org.units().indexOf(unit);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
