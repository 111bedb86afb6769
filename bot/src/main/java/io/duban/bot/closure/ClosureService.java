package io.duban.bot.closure;

import io.duban.bot.notify.UnitNotices;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.ClosureRepository;
import io.duban.storage.PersonRepository;
import io.duban.storage.model.ClosureAction;
import io.duban.storage.model.ClosureEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Closing tasks (销号): a member of the lead unit asks with evidence, the office approves or returns the request.
 * Every step is a row of its own; a task's latest step is its state. A closed task keeps its whole history. Takes
 * parsed input and returns what happened; the chat commands word it.
 */
public final class ClosureService {
    static final int MIN_EVIDENCE_CHARS = 4;

    private final Organization org;
    private final ClosureRepository closures;
    private final PersonRepository people;
    private final UnitNotices notices;
    private final ClosureTexts texts;
    private final Clock clock;

    public ClosureService(Organization org, ClosureRepository closures, PersonRepository people, UnitNotices notices,
                          ClosureTexts texts, Clock clock) {
        this.org = org;
        this.closures = closures;
        this.people = people;
        this.notices = notices;
        this.texts = texts;
        this.clock = clock;
    }

    public boolean isClosed(int planYear, int taskNumber) {
        return closures.isClosed(planYear, taskNumber);
    }

    /** A member of a lead unit asks to close task {@code number}; every admin is told privately. */
    public ClosureResult request(WorkPlan plan, Person person, int number, String evidence, long inboundId) {
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return new ClosureResult.UnknownTask(number);
        }
        if (!org.isLead(task.get(), person.unit())) {
            return new ClosureResult.NotLeadUnit(task.get(), person.unit(), org.expand(task.get().leadUnits()));
        }
        Optional<ClosureEvent> latest = closures.latest(plan.year(), number);
        if (latest.filter(e -> e.action() == ClosureAction.APPROVED).isPresent()) {
            return new ClosureResult.AlreadyClosed(number, latest.get());
        }
        if (evidence.codePointCount(0, evidence.length()) < MIN_EVIDENCE_CHARS) {
            return new ClosureResult.EvidenceMissing(number);
        }
        boolean update = latest.filter(e -> e.action() == ClosureAction.REQUESTED).isPresent();
        ClosureEvent stored = closures.append(new ClosureEvent(0, plan.year(), number, ClosureAction.REQUESTED,
                person.unit(), person.userId(), evidence, Optional.of(inboundId), clock.instant()));
        String notice = texts.requestNotice(person, task.get(), evidence);
        List<Person> admins = people.all().stream().filter(p -> p.role() == Role.ADMIN).toList();
        for (Person admin : admins) {
            notices.tellPerson(admin.userId(), notice, "closure:" + stored.id() + ":" + admin.userId());
        }
        return new ClosureResult.Requested(task.get(), evidence, update, !admins.isEmpty());
    }

    /** The office approves the pending request on task {@code number}; the requesting unit is told. */
    public ClosureResult approve(WorkPlan plan, Person admin, int number, String note, long inboundId) {
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return new ClosureResult.UnknownTask(number);
        }
        Optional<ClosureEvent> latest = closures.latest(plan.year(), number);
        if (latest.filter(e -> e.action() == ClosureAction.APPROVED).isPresent()) {
            return new ClosureResult.AlreadyClosed(number, latest.get());
        }
        if (latest.filter(e -> e.action() == ClosureAction.REQUESTED).isEmpty()) {
            return new ClosureResult.NoPendingRequest(task.get(), org.expand(task.get().leadUnits()), Optional.empty());
        }
        ClosureEvent request = latest.get();
        ClosureEvent stored = closures.append(new ClosureEvent(0, plan.year(), number, ClosureAction.APPROVED,
                admin.unit(), admin.userId(), note, Optional.of(inboundId), clock.instant()));
        String requester = name(request.personId());
        UnitNotices.Told told = notices.tell(request.unit(), request.personId(), requester,
                texts.approvedNotice(task.get(), note), false, "closure:" + stored.id());
        return new ClosureResult.Approved(task.get(), request, requester, told);
    }

    /** The office returns the pending request on task {@code number} with a reason; the unit is told. */
    public ClosureResult returnRequest(WorkPlan plan, Person admin, int number, String reason, long inboundId) {
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return new ClosureResult.UnknownTask(number);
        }
        Optional<ClosureEvent> latest = closures.latest(plan.year(), number);
        if (latest.filter(e -> e.action() == ClosureAction.REQUESTED).isEmpty()) {
            return new ClosureResult.NoPendingRequest(task.get(), org.expand(task.get().leadUnits()),
                    latest.filter(e -> e.action() == ClosureAction.APPROVED));
        }
        if (reason.isEmpty()) {
            return new ClosureResult.ReasonMissing(number);
        }
        ClosureEvent request = latest.get();
        ClosureEvent stored = closures.append(new ClosureEvent(0, plan.year(), number, ClosureAction.RETURNED,
                admin.unit(), admin.userId(), reason, Optional.of(inboundId), clock.instant()));
        String requester = name(request.personId());
        UnitNotices.Told told = notices.tell(request.unit(), request.personId(), requester,
                texts.returnedNotice(task.get(), reason), true, "closure:" + stored.id());
        return new ClosureResult.Returned(task.get(), request, requester, reason, told);
    }

    /** Closed tasks, pending requests, and the tasks still open. */
    public ClosureOverview overview(WorkPlan plan) {
        Map<Integer, ClosureEvent> latest = closures.latestPerTask(plan.year()).stream()
                .collect(Collectors.toMap(ClosureEvent::taskNumber, Function.identity()));
        List<ClosureOverview.Step> closed = plan.tasks().stream().filter(t -> is(latest, t, ClosureAction.APPROVED))
                .map(t -> new ClosureOverview.Step(t, latest.get(t.number()))).toList();
        List<ClosureOverview.Step> pending = plan.tasks().stream().filter(t -> is(latest, t, ClosureAction.REQUESTED))
                .map(t -> new ClosureOverview.Step(t, latest.get(t.number()))).toList();
        List<PlanTask> open = plan.tasks().stream().filter(t -> !is(latest, t, ClosureAction.APPROVED)).toList();
        List<ClosureOverview.OpenTask> notRequested = open.stream()
                .filter(t -> !is(latest, t, ClosureAction.REQUESTED))
                .map(t -> new ClosureOverview.OpenTask(t, is(latest, t, ClosureAction.RETURNED))).toList();
        return new ClosureOverview(plan, closed, pending, open, notRequested);
    }

    private static boolean is(Map<Integer, ClosureEvent> latest, PlanTask t, ClosureAction action) {
        ClosureEvent e = latest.get(t.number());
        return e != null && e.action() == action;
    }

    private String name(String userId) {
        return people.find(userId).map(Person::name).orElse(userId);
    }
}
