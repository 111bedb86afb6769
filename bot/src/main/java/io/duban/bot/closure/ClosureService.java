package io.duban.bot.closure;

import io.duban.bot.message.Reply;
import io.duban.bot.notify.UnitNotices;
import io.duban.bot.report.ReportService;
import io.duban.bot.text.UserText;
import io.duban.config.Settings;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Closing tasks (销号): a member of the lead unit asks with evidence, the office approves or returns the request.
 * Every step is a row of its own; a task's latest step is its state. A closed task keeps its whole history.
 */
public final class ClosureService {
    private static final Pattern TASK_FIRST = Pattern.compile("^(?:任务)?\\s*(\\d{1,4})\\s*[:：,，]?\\s*(.*)$",
            Pattern.DOTALL);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final int MIN_EVIDENCE_CHARS = 4;

    private final Organization org;
    private final Settings settings;
    private final ClosureRepository closures;
    private final PersonRepository people;
    private final UnitNotices notices;
    private final Clock clock;

    public ClosureService(Organization org, Settings settings, ClosureRepository closures, PersonRepository people,
                          UnitNotices notices, Clock clock) {
        this.org = org;
        this.settings = settings;
        this.closures = closures;
        this.people = people;
        this.notices = notices;
        this.clock = clock;
    }

    public boolean isClosed(int planYear, int taskNumber) {
        return closures.isClosed(planYear, taskNumber);
    }

    /** {@code 申请办结 12 全部项目已验收，附验收报告}. */
    public Reply request(WorkPlan plan, Person person, String args, long inboundId) {
        Matcher m = TASK_FIRST.matcher(args.strip());
        if (!m.matches()) {
            return Reply.of("请写明任务编号和办结依据，例如：申请办结 12 全部项目已验收，附验收报告");
        }
        int number = Integer.parseInt(m.group(1));
        String evidence = m.group(2).strip();
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(ReportService.unknownTask(plan, number));
        }
        if (!org.isLead(task.get(), person.unit())) {
            return Reply.of("办结申请由牵头单位（" + String.join("、", org.expand(task.get().leadUnits()))
                    + "）提出；" + person.unit() + " 不是任务 " + number + " 的牵头单位。如认为任务已完成，请联系牵头单位。");
        }
        Optional<ClosureEvent> latest = closures.latest(plan.year(), number);
        if (latest.filter(e -> e.action() == ClosureAction.APPROVED).isPresent()) {
            return Reply.of("任务 " + number + " 已于 " + day(latest.get()) + " 销号，无需再申请。");
        }
        if (evidence.codePointCount(0, evidence.length()) < MIN_EVIDENCE_CHARS) {
            return Reply.of("请写明办结依据（完成情况、验收或佐证材料），例如：申请办结 " + number + " 全部项目已验收，附验收报告");
        }
        boolean update = latest.filter(e -> e.action() == ClosureAction.REQUESTED).isPresent();
        ClosureEvent stored = closures.append(new ClosureEvent(0, plan.year(), number, ClosureAction.REQUESTED,
                person.unit(), person.userId(), evidence, Optional.of(inboundId), clock.instant()));
        String quoted = quote(evidence);
        String notice = "【办结申请】" + person.unit() + " " + person.name() + " 申请办结任务 " + number + " "
                + task.get().shortText(24) + "，依据：" + quoted + "\n同意请发：销号 " + number
                + "；退回请发：退回办结 " + number + " 请补充验收材料";
        List<Person> admins = people.all().stream().filter(p -> p.role() == Role.ADMIN).toList();
        for (Person admin : admins) {
            notices.tellPerson(admin.userId(), notice, "closure:" + stored.id() + ":" + admin.userId());
        }
        return Reply.of((update ? "已更新" : "已提交") + "任务 " + number + " 的办结申请，依据：" + quoted + "。"
                + (admins.isEmpty() ? "请告知办公室审核。" : "已通知办公室审核，结果会告知您。"));
    }

    /** {@code 销号 12}: the office approves the pending request. */
    public Reply approve(WorkPlan plan, Person admin, String args, long inboundId) {
        Matcher m = TASK_FIRST.matcher(args.strip());
        if (!m.matches()) {
            return Reply.of("请写明要销号的任务编号，例如：销号 12");
        }
        int number = Integer.parseInt(m.group(1));
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(ReportService.unknownTask(plan, number));
        }
        Optional<ClosureEvent> latest = closures.latest(plan.year(), number);
        if (latest.filter(e -> e.action() == ClosureAction.APPROVED).isPresent()) {
            return Reply.of("任务 " + number + " 已于 " + day(latest.get()) + " 销号。");
        }
        if (latest.filter(e -> e.action() == ClosureAction.REQUESTED).isEmpty()) {
            return Reply.of("任务 " + number + " 还没有待审核的办结申请。请牵头单位（"
                    + String.join("、", org.expand(task.get().leadUnits())) + "）先发：申请办结 " + number
                    + " 全部项目已验收，附验收报告");
        }
        ClosureEvent request = latest.get();
        String note = m.group(2).strip();
        ClosureEvent stored = closures.append(new ClosureEvent(0, plan.year(), number, ClosureAction.APPROVED,
                admin.unit(), admin.userId(), note, Optional.of(inboundId), clock.instant()));
        String requester = name(request.personId());
        String where = notices.tell(request.unit(), request.personId(), requester,
                "【已销号】任务 " + number + " " + task.get().shortText(24) + " 经办公室审核已销号，今后不再提醒报送。"
                        + (note.isEmpty() ? "" : "备注：" + quote(note)), false, "closure:" + stored.id());
        return Reply.of("已销号：任务 " + number + " " + task.get().shortText(24) + "（" + request.unit() + " "
                + requester + " 申请，依据：" + quote(request.note()) + "）。该任务计为已完成，不再提醒报送，"
                + "历史记录全部保留。" + where + "。");
    }

    /** {@code 退回办结 12 请补充验收材料}. */
    public Reply returnRequest(WorkPlan plan, Person admin, String args, long inboundId) {
        Matcher m = TASK_FIRST.matcher(args.strip());
        if (!m.matches()) {
            return Reply.of("请写明任务编号和退回原因，例如：退回办结 12 请补充验收材料");
        }
        int number = Integer.parseInt(m.group(1));
        String reason = m.group(2).strip();
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(ReportService.unknownTask(plan, number));
        }
        Optional<ClosureEvent> latest = closures.latest(plan.year(), number);
        if (latest.filter(e -> e.action() == ClosureAction.REQUESTED).isEmpty()) {
            return Reply.of("任务 " + number + " 没有待审核的办结申请，无需退回。" + latest
                    .filter(e -> e.action() == ClosureAction.APPROVED)
                    .map(e -> "（该任务已于 " + day(e) + " 销号。）").orElse(""));
        }
        if (reason.isEmpty()) {
            return Reply.of("请写明退回原因，便于牵头单位补充，例如：退回办结 " + number + " 请补充验收材料");
        }
        ClosureEvent request = latest.get();
        ClosureEvent stored = closures.append(new ClosureEvent(0, plan.year(), number, ClosureAction.RETURNED,
                admin.unit(), admin.userId(), reason, Optional.of(inboundId), clock.instant()));
        String requester = name(request.personId());
        String where = notices.tell(request.unit(), request.personId(), requester,
                "【办结申请退回】任务 " + number + " " + task.get().shortText(24) + " 的办结申请被办公室退回，原因："
                        + quote(reason) + "。补充后请重新申请：申请办结 " + number + " 完成情况和佐证材料",
                true, "closure:" + stored.id());
        return Reply.of("已退回任务 " + number + " 的办结申请（" + request.unit() + " " + requester + "），原因："
                + quote(reason) + "。" + where + "。");
    }

    /** {@code 办结情况}: closed tasks, pending requests, and the tasks still open. */
    public Reply overview(WorkPlan plan) {
        Map<Integer, ClosureEvent> latest = closures.latestPerTask(plan.year()).stream()
                .collect(Collectors.toMap(ClosureEvent::taskNumber, Function.identity()));
        List<PlanTask> closed = plan.tasks().stream().filter(t -> is(latest, t, ClosureAction.APPROVED)).toList();
        List<PlanTask> pending = plan.tasks().stream().filter(t -> is(latest, t, ClosureAction.REQUESTED)).toList();
        List<PlanTask> open = plan.tasks().stream().filter(t -> !is(latest, t, ClosureAction.APPROVED)).toList();
        StringBuilder sb = new StringBuilder(plan.year() + " 年计划共 " + plan.tasks().size() + " 项任务：已销号 "
                + closed.size() + " 项，未销号 " + open.size() + " 项（其中待审核办结申请 " + pending.size() + " 项）。");
        if (!closed.isEmpty()) {
            sb.append("\n已销号：");
            closed.forEach(t -> sb.append("\n  ✅ 任务 ").append(t.number()).append(" ").append(t.shortText(16))
                    .append("（").append(day(latest.get(t.number()))).append("）"));
        }
        if (!pending.isEmpty()) {
            sb.append("\n待审核的办结申请：");
            pending.forEach(t -> {
                ClosureEvent e = latest.get(t.number());
                sb.append("\n  ⏳ 任务 ").append(t.number()).append(" ").append(e.unit()).append(" ").append(day(e))
                        .append(" 申请，依据：").append(UserText.escape(e.note(), 30));
            });
            sb.append("\n同意请发：销号 ").append(pending.get(0).number()).append("；退回请发：退回办结 ")
                    .append(pending.get(0).number()).append(" 原因");
        }
        List<PlanTask> notRequested = open.stream().filter(t -> !is(latest, t, ClosureAction.REQUESTED)).toList();
        if (!notRequested.isEmpty()) {
            sb.append("\n未销号：");
            notRequested.forEach(t -> sb.append("\n  任务 ").append(t.number()).append(" ").append(t.shortText(16))
                    .append(is(latest, t, ClosureAction.RETURNED) ? "（办结申请被退回）" : ""));
        }
        return Reply.of(sb.toString());
    }

    private static boolean is(Map<Integer, ClosureEvent> latest, PlanTask t, ClosureAction action) {
        ClosureEvent e = latest.get(t.number());
        return e != null && e.action() == action;
    }

    private String name(String userId) {
        return people.find(userId).map(Person::name).orElse(userId);
    }

    private String quote(String text) {
        return UserText.escape(text, settings.maxQuoteChars());
    }

    private String day(ClosureEvent e) {
        return e.at().atZone(settings.zone()).format(DAY);
    }
}
