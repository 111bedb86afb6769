package io.duban.bot.review;

import io.duban.bot.message.Reply;
import io.duban.bot.notify.UnitNotices;
import io.duban.bot.report.ReportService;
import io.duban.bot.text.UserText;
import io.duban.config.Settings;
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
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The office's check of reports (核查): pass or return a unit's latest effective report on a task, tell the unit,
 * and list what is still unchecked. Decisions are rows of their own; the latest decision on a report counts.
 */
public final class ReviewService {
    private static final Pattern TASK_FIRST = Pattern.compile("^(?:任务)?\\s*(\\d{1,4})\\s*(.*)$", Pattern.DOTALL);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final int MAX_LISTED = 30;

    private final Organization org;
    private final Settings settings;
    private final ReportRepository reports;
    private final ReviewRepository reviews;
    private final PersonRepository people;
    private final UnitNotices notices;
    private final Clock clock;
    private final BiPredicate<Integer, Integer> isClosed;

    public ReviewService(Organization org, Settings settings, ReportRepository reports, ReviewRepository reviews,
                         PersonRepository people, UnitNotices notices, Clock clock,
                         BiPredicate<Integer, Integer> isClosed) {
        this.org = org;
        this.settings = settings;
        this.reports = reports;
        this.reviews = reviews;
        this.people = people;
        this.notices = notices;
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

    /**
     * One line for the weekly summary, e.g. {@code 待核查报送 3 条：任务 12 农技中心、任务 15 农管科…}; empty when
     * nothing waits.
     */
    public Optional<String> uncheckedSummary(WorkPlan plan, int maxItems) {
        List<ProgressReport> open = unchecked(plan);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String items = open.stream().limit(maxItems).map(r -> "任务 " + r.taskNumber() + " " + r.unit())
                .collect(Collectors.joining("、"));
        return Optional.of("待核查报送 " + open.size() + " 条：" + items + (open.size() > maxItems ? "等" : "")
                + "。核查请发：核查");
    }

    /** The latest decision on a report row, if the office has made one. */
    public Optional<ReportReview> decision(ProgressReport report) {
        return reviews.latest(report.id());
    }

    /** {@code 核查} with no arguments: what is still unchecked. */
    public Reply listUnchecked(WorkPlan plan) {
        List<ProgressReport> open = unchecked(plan);
        if (open.isEmpty()) {
            return Reply.of("目前没有待核查的报送。");
        }
        StringBuilder sb = new StringBuilder("待核查的报送（").append(open.size()).append(" 条）：");
        open.stream().limit(MAX_LISTED).forEach(r -> sb.append("\n  ").append(line(r)));
        if (open.size() > MAX_LISTED) {
            sb.append("\n  …另有 ").append(open.size() - MAX_LISTED).append(" 条");
        }
        ProgressReport first = open.get(0);
        sb.append("\n核查通过请发：核查 ").append(first.taskNumber()).append(" ").append(first.unit()).append(" 通过")
                .append("\n退回请发：退回 ").append(first.taskNumber()).append(" ").append(first.unit())
                .append(" 请补充采购金额");
        return Reply.of(sb.toString());
    }

    /** {@code 核查 12 [单位] 通过} (or {@code 核查 12 [单位] 退回 原因}). */
    public Reply check(WorkPlan plan, Person reviewer, String args, long inboundId) {
        if (args.isBlank()) {
            return listUnchecked(plan);
        }
        Optional<Parsed> parsed = parse(args);
        if (parsed.isEmpty()) {
            return Reply.of("请写明任务编号和核查结果，例如：核查 12 通过；多个单位报送时写明单位：核查 12 农技中心 通过。"
                    + "退回请发：退回 12 请补充采购金额");
        }
        Parsed p = parsed.get();
        String rest = p.rest();
        if (rest.startsWith("退回")) {
            return decide(plan, reviewer, p.task(), p.unit(), ReviewDecision.RETURNED, rest.substring(2).strip(),
                    inboundId);
        }
        if (rest.startsWith("通过")) {
            return decide(plan, reviewer, p.task(), p.unit(), ReviewDecision.PASSED, rest.substring(2).strip(),
                    inboundId);
        }
        if (rest.isEmpty()) {
            return Reply.of(taskOverview(plan, p.task()));
        }
        return Reply.of("没有看懂核查结果“" + UserText.escape(rest, 20) + "”。请写“通过”，例如：核查 " + p.task()
                + " 通过；退回请发：退回 " + p.task() + " 请补充采购金额");
    }

    /** {@code 退回 12 [单位] 原因}. */
    public Reply returnReport(WorkPlan plan, Person reviewer, String args, long inboundId) {
        Optional<Parsed> parsed = parse(args);
        if (parsed.isEmpty()) {
            return Reply.of("请写明任务编号和退回原因，例如：退回 12 请补充采购金额；"
                    + "多个单位报送时写明单位：退回 12 农技中心 请补充采购金额");
        }
        Parsed p = parsed.get();
        if (p.rest().isBlank()) {
            return Reply.of("请写明退回原因，便于报送单位补充，例如：退回 " + p.task() + " 请补充采购金额");
        }
        return decide(plan, reviewer, p.task(), p.unit(), ReviewDecision.RETURNED, p.rest(), inboundId);
    }

    private record Parsed(int task, Optional<String> unit, String rest) {
    }

    private Optional<Parsed> parse(String args) {
        Matcher m = TASK_FIRST.matcher(args.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int task = Integer.parseInt(m.group(1));
        String rest = m.group(2).strip();
        Optional<String> unit = org.units().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(rest::startsWith)
                .findFirst();
        if (unit.isPresent()) {
            rest = rest.substring(unit.get().length()).replaceFirst("^[\\s:：,，]+", "").strip();
        }
        return Optional.of(new Parsed(task, unit, rest));
    }

    private Reply decide(WorkPlan plan, Person reviewer, int number, Optional<String> unit, ReviewDecision decision,
                         String reason, long inboundId) {
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(ReportService.unknownTask(plan, number));
        }
        if (decision == ReviewDecision.RETURNED && reason.isBlank()) {
            return Reply.of("请写明退回原因，便于报送单位补充，例如：退回 " + number + " 请补充采购金额");
        }
        ProgressReport target;
        if (unit.isPresent()) {
            if (!org.isAssigned(task.get(), unit.get())) {
                return Reply.of(unit.get() + " 不是任务 " + number + " 的牵头或责任单位。任务 " + number + " 的单位："
                        + String.join("、", org.assignedUnits(task.get())) + "。");
            }
            Optional<ProgressReport> latest = reports.latestEffective(plan.year(), number, unit.get());
            if (latest.isEmpty()) {
                return Reply.of(unit.get() + " 还没有任务 " + number + " 的有效报送，无需核查。");
            }
            target = latest.get();
        } else {
            List<ProgressReport> latest = latestOfTask(plan, number);
            if (latest.isEmpty()) {
                return Reply.of("任务 " + number + " 还没有任何单位报送，无需核查。");
            }
            List<ProgressReport> open = latest.stream().filter(r -> reviews.latest(r.id()).isEmpty()).toList();
            if (open.size() == 1) {
                target = open.get(0);
            } else if (open.isEmpty() && latest.size() == 1) {
                target = latest.get(0);
            } else {
                return Reply.of(askWhichUnit(plan, number, open.isEmpty() ? latest : open, decision, open.isEmpty()));
            }
        }
        Optional<ReportReview> previous = reviews.latest(target.id());
        if (decision == ReviewDecision.PASSED && previous.filter(v -> v.decision() == ReviewDecision.PASSED).isPresent()) {
            return Reply.of(target.unit() + " 对任务 " + number + " 的这次报送已于 " + day(previous.get()) + " 核查通过，无需重复。");
        }
        ReportReview stored = reviews.record(new ReportReview(0, target.id(), decision, reason.strip(),
                reviewer.userId(), Optional.of(inboundId), clock.instant()));
        String reporterName = people.find(target.reporterId()).map(Person::name).orElse(target.reporterId());
        String where = notices.tell(target.unit(), target.reporterId(), reporterName,
                notice(target, stored), decision == ReviewDecision.RETURNED, "review:" + stored.id());
        String quoted = UserText.escape(reason, settings.maxQuoteChars());
        if (decision == ReviewDecision.PASSED) {
            return Reply.of("已核查通过：" + describe(target, reporterName) + (quoted.isEmpty() ? "" : "。备注：" + quoted)
                    + "。" + where + "。");
        }
        return Reply.of("已退回：" + describe(target, reporterName) + "，原因：" + quoted + "。" + where
                + "；该单位重新报送前，此项计为未报送。");
    }

    private String notice(ProgressReport r, ReportReview v) {
        String quoted = UserText.escape(v.reason(), settings.maxQuoteChars());
        String what = r.unit() + " " + r.reportedAt().atZone(settings.zone()).format(DAY) + " 对任务 " + r.taskNumber()
                + " 的报送（" + percent(r) + "）";
        if (v.decision() == ReviewDecision.PASSED) {
            return "【核查通过】" + what + "已经办公室核查通过。" + (quoted.isEmpty() ? "" : "备注：" + quoted);
        }
        return "【报送退回】" + what + "被办公室退回，原因：" + quoted + "。请补充后重新报送，例如：" + r.taskNumber()
                + " " + percent(r) + " 本周进展；问题：…；下一步：…（也可发：更正 " + r.taskNumber() + " …）。"
                + "重新报送前，此项计为未报送。";
    }

    private String taskOverview(WorkPlan plan, int number) {
        if (plan.task(number).isEmpty()) {
            return ReportService.unknownTask(plan, number);
        }
        List<ProgressReport> latest = latestOfTask(plan, number);
        if (latest.isEmpty()) {
            return "任务 " + number + " 还没有任何单位报送，无需核查。";
        }
        StringBuilder sb = new StringBuilder("任务 ").append(number).append(" 各单位最近的报送：");
        for (ProgressReport r : latest) {
            sb.append("\n  ").append(line(r)).append("　").append(state(r));
        }
        sb.append("\n核查通过请发：核查 ").append(number).append(" ").append(latest.get(0).unit()).append(" 通过")
                .append("；退回请发：退回 ").append(number).append(" ").append(latest.get(0).unit()).append(" 原因");
        return sb.toString();
    }

    private String askWhichUnit(WorkPlan plan, int number, List<ProgressReport> candidates, ReviewDecision decision,
                                boolean allChecked) {
        StringBuilder sb = new StringBuilder(allChecked
                ? "任务 " + number + " 的报送都已核查过。如需改变决定，请写明单位："
                : "任务 " + number + " 有 " + candidates.size() + " 个单位的报送待核查，请写明单位：");
        for (ProgressReport r : candidates) {
            sb.append("\n  ").append(line(r)).append(allChecked ? "　" + state(r) : "");
        }
        String unit = candidates.get(0).unit();
        sb.append("\n例如：").append(decision == ReviewDecision.PASSED
                ? "核查 " + number + " " + unit + " 通过" : "退回 " + number + " " + unit + " 请补充采购金额");
        return sb.toString();
    }

    private List<ProgressReport> latestOfTask(WorkPlan plan, int number) {
        return reports.latestEffective(plan.year()).stream()
                .filter(r -> r.taskNumber() == number)
                .sorted(Comparator.comparingInt(r -> unitOrder(r.unit())))
                .toList();
    }

    private String state(ProgressReport r) {
        return reviews.latest(r.id()).map(v -> v.decision().label()
                        + (v.reason().isBlank() ? "" : "（" + UserText.escape(v.reason(), 20) + "）"))
                .orElse("待核查");
    }

    /** {@code 任务 12 农技中心 10月9日 60%（郑丽）}. */
    private String line(ProgressReport r) {
        String name = people.find(r.reporterId()).map(Person::name).orElse(r.reporterId());
        return "任务 " + r.taskNumber() + " " + r.unit() + " " + r.reportedAt().atZone(settings.zone()).format(DAY)
                + " " + percent(r) + "（" + name + "）";
    }

    private String describe(ProgressReport r, String reporterName) {
        return r.unit() + " " + r.reportedAt().atZone(settings.zone()).format(DAY) + " 对任务 " + r.taskNumber()
                + " 的报送（" + percent(r) + "，" + reporterName + "）";
    }

    private String day(ReportReview v) {
        return v.reviewedAt().atZone(settings.zone()).format(DAY);
    }

    private static String percent(ProgressReport r) {
        return r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—";
    }

    private int unitOrder(String unit) {
        int i = org.units().indexOf(unit);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
