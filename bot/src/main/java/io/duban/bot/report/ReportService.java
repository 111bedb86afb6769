package io.duban.bot.report;

import io.duban.bot.message.Reply;
import io.duban.bot.text.UserText;
import io.duban.config.Settings;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.storage.ReportRepository;
import io.duban.storage.model.NewReport;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import io.duban.storage.model.ReportStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stores reports, corrections and withdrawals for a person's unit, after checking them against the plan, and
 * answers with exactly what was stored.
 */
public final class ReportService {
    private static final Pattern QUOTED_TASK = Pattern.compile("任务\\s*(\\d{1,4})");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Organization org;
    private final Settings settings;
    private final ReportRepository reports;
    private final Clock clock;
    private final BiPredicate<Integer, Integer> isClosed;
    private final ReportFilter countable;
    private final DueThisWeek due;
    private final ReportParser parser = new ReportParser();
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

    /** A new report. {@code quotedText} may name the task when the person answered the bot's prompt. */
    public Reply submit(WorkPlan plan, Person person, String text, Optional<String> quotedText, long inboundId) {
        Optional<List<Integer>> noChange = ReportParser.noChange(text);
        if (noChange.isPresent()) {
            return noChange(plan, person, noChange.get(), inboundId);
        }
        ParseResult result = parser.parse(text);
        if (result instanceof ParseResult.Invalid invalid) {
            return Reply.of(invalid.reason());
        }
        ParsedReport parsed = ((ParseResult.Ok) result).report();
        if (parsed.taskNumber().isEmpty()) {
            Optional<Integer> fromQuote = quotedText.flatMap(ReportService::singleTaskIn);
            if (fromQuote.isPresent()) {
                parsed = parsed.withTask(fromQuote.get());
            } else {
                List<PlanTask> awaiting = awaitingThisWeek(plan, person.unit());
                List<PlanTask> own = plan.tasks().stream().filter(t -> org.isAssigned(t, person.unit())).toList();
                if (awaiting.size() == 1) {
                    parsed = parsed.withTask(awaiting.get(0).number());
                } else if (awaiting.isEmpty() && own.size() == 1) {
                    parsed = parsed.withTask(own.get(0).number());
                } else {
                    return Reply.of(askWhichTask(plan, person.unit(), awaiting));
                }
            }
        }
        int number = parsed.taskNumber().getAsInt();
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(unknownTask(plan, number));
        }
        Optional<String> refused = refuse(plan, person, task.get(), parsed);
        if (refused.isPresent()) {
            return Reply.of(refused.get());
        }
        Optional<ProgressReport> previous = reports.latestEffective(plan.year(), number, person.unit());
        OptionalInt percent = parsed.percent();
        if (percent.isEmpty()) {
            percent = previous.map(ProgressReport::percent).orElse(OptionalInt.empty());
            if (percent.isEmpty()) {
                return Reply.of("请写明进度百分比（0–100），例如：" + number + " 60% 本周进展；问题：…；下一步：…");
            }
        }
        ProgressReport stored = reports.append(newReport(plan, person, number, inboundId, ReportKind.REPORT,
                Optional.empty(), parsed, percent));
        StringBuilder reply = new StringBuilder("已记录 ").append(person.unit()).append(" 对任务 ").append(number)
                .append(" 的报送：\n").append(describe(stored));
        previous.flatMap(p -> p.percent().isPresent() ? Optional.of(p.percent().getAsInt()) : Optional.empty())
                .filter(p -> p > stored.percent().orElse(0))
                .ifPresent(p -> reply.append("\n⚠ 进度 ").append(stored.percent().getAsInt())
                        .append("% 低于上次报送的 ").append(p).append("%，已照录。如有误请更正。"));
        followUp.afterStore(plan, task.get(), stored, Optional.empty()).forEach(l -> reply.append('\n').append(l));
        reply.append("\n如需修改：更正 ").append(number).append(" 70% …；如需撤回：撤回 ").append(number);
        return Reply.of(reply.toString());
    }

    /**
     * "No change this period" for the named tasks, or for every task due from the unit this week when none is
     * named: one entry per task that counts as reported and keeps the unit's last percent and status. A task the
     * unit never reported a percent on cannot keep one: nothing is stored and the person is asked for the figure.
     */
    public Reply noChange(WorkPlan plan, Person person, List<Integer> named, long inboundId) {
        String unit = person.unit();
        List<PlanTask> tasks;
        if (named.isEmpty()) {
            tasks = awaitingThisWeek(plan, unit);
            if (tasks.isEmpty()) {
                return Reply.of(unit + " 本周没有待报送的任务，无需回复“无变化”。如需补充某项任务，例如：12 60% 本周进展");
            }
        } else {
            tasks = new java.util.ArrayList<>();
            for (int n : named) {
                Optional<PlanTask> t = plan.task(n);
                if (t.isEmpty()) {
                    return Reply.of(unknownTask(plan, n));
                }
                if (!org.isAssigned(t.get(), unit)) {
                    return Reply.of(notAssigned(plan, person, n));
                }
                if (isClosed.test(plan.year(), n)) {
                    return Reply.of("任务 " + n + " 已销号，无需再报送。");
                }
                tasks.add(t.get());
            }
        }
        List<String> never = new java.util.ArrayList<>();
        for (PlanTask t : tasks) {
            if (reports.latestEffective(plan.year(), t.number(), unit).filter(r -> r.percent().isPresent()).isEmpty()) {
                never.add(t.label());
            }
        }
        if (!never.isEmpty()) {
            return Reply.of("未记录：" + unit + " 还没有报送过 " + String.join("、", never) + " 的进度，无法沿用“无变化”。"
                    + "请写明进度，每项一行，例如：\n" + tasks.get(0).number() + " 30% 本周进展；问题：…"
                    + (tasks.size() > 1 ? "\n" + tasks.get(1).number() + " 无变化" : ""));
        }
        List<String> kept = new java.util.ArrayList<>();
        for (PlanTask t : tasks) {
            ProgressReport last = reports.latestEffective(plan.year(), t.number(), unit).orElseThrow();
            Instant now = clock.instant();
            reports.append(new NewReport(plan.year(), t.number(), unit, person.userId(), Optional.of(inboundId),
                    ReportKind.REPORT, Optional.empty(), last.status(), last.percent(), "", "", "",
                    OptionalInt.empty(), OptionalInt.empty(), ReportingWeek.of(now, settings.zone()).toString(), now,
                    true));
            kept.add(t.label() + " " + last.percent().getAsInt() + "%");
        }
        return Reply.of("已记录 " + unit + " 本期无变化 " + kept.size() + " 项（进度沿用上次）：" + String.join("、", kept)
                + "。\n如需修改：更正 " + tasks.get(0).number() + " 70% …；如需撤回：撤回 " + tasks.get(0).number());
    }

    /** A correction of the unit's latest effective report on a task. */
    public Reply correct(WorkPlan plan, Person person, String text, long inboundId) {
        ParseResult result = parser.parse(text);
        if (result instanceof ParseResult.Invalid invalid) {
            return Reply.of(invalid.reason().replace("例如：", "例如：更正 "));
        }
        ParsedReport parsed = ((ParseResult.Ok) result).report();
        if (parsed.taskNumber().isEmpty()) {
            return Reply.of("请写明要更正的任务编号，例如：更正 12 70% 已对接企业3家；问题：冷链成本高");
        }
        int number = parsed.taskNumber().getAsInt();
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(unknownTask(plan, number));
        }
        Optional<String> refused = refuse(plan, person, task.get(), parsed);
        if (refused.isPresent()) {
            return Reply.of(refused.get());
        }
        Optional<ProgressReport> target = reports.latestEffective(plan.year(), number, person.unit());
        if (target.isEmpty()) {
            return Reply.of(person.unit() + " 还没有任务 " + number + " 的报送，没有可更正的内容。"
                    + "请直接报送，例如：" + number + " 60% 本周进展；问题：…；下一步：…");
        }
        OptionalInt percent = parsed.percent().isPresent() ? parsed.percent() : target.get().percent();
        ProgressReport stored = reports.append(newReport(plan, person, number, inboundId, ReportKind.CORRECTION,
                Optional.of(target.get().id()), parsed, percent));
        StringBuilder extra = new StringBuilder();
        followUp.afterStore(plan, task.get(), stored, target).forEach(l -> extra.append('\n').append(l));
        return Reply.of("已更正 " + person.unit() + " 对任务 " + number + " 的报送（原 "
                + target.get().reportedAt().atZone(settings.zone()).format(DAY_TIME) + " 的报送保留在历史中）：\n"
                + describe(stored) + extra + "\n如需撤回：撤回 " + number);
    }

    /** Withdraws the unit's latest effective report on a task; the one before it counts again. */
    public Reply withdraw(WorkPlan plan, Person person, String args, long inboundId) {
        Matcher m = Pattern.compile("^(?:任务)?\\s*(\\d{1,4})\\s*$").matcher(args.strip());
        if (!m.matches()) {
            return Reply.of("请写明要撤回的任务编号，例如：撤回 12");
        }
        int number = Integer.parseInt(m.group(1));
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(unknownTask(plan, number));
        }
        if (!org.isAssigned(task.get(), person.unit())) {
            return Reply.of(notAssigned(plan, person, number));
        }
        Optional<ProgressReport> target = reports.latestEffective(plan.year(), number, person.unit());
        if (target.isEmpty()) {
            return Reply.of(person.unit() + " 没有任务 " + number + " 的有效报送，无需撤回。");
        }
        ParsedReport empty = new ParsedReport(OptionalInt.of(number), OptionalInt.empty(), Optional.empty(), "", "", "",
                OptionalInt.empty(), OptionalInt.empty());
        reports.append(newReport(plan, person, number, inboundId, ReportKind.WITHDRAWAL,
                Optional.of(target.get().id()), empty, OptionalInt.empty()));
        Optional<ProgressReport> now = reports.latestEffective(plan.year(), number, person.unit());
        StringBuilder extra = new StringBuilder();
        followUp.afterWithdraw(plan, task.get(), target.get()).forEach(l -> extra.append('\n').append(l));
        return Reply.of("已撤回 " + person.unit() + " 在 "
                + target.get().reportedAt().atZone(settings.zone()).format(DAY_TIME) + " 对任务 " + number
                + " 的报送（记录保留在历史中）。"
                + now.map(r -> "\n现以 " + r.reportedAt().atZone(settings.zone()).format(DAY_TIME) + " 的报送为准："
                        + r.percent().orElse(0) + "%。").orElse("\n该任务本单位目前没有有效报送。") + extra);
    }

    /** The tasks still due from the unit in the current reporting week, as the due component counts them. */
    public List<PlanTask> awaitingThisWeek(WorkPlan plan, String unit) {
        return due.tasks(plan, unit);
    }

    private Optional<String> refuse(WorkPlan plan, Person person, PlanTask task, ParsedReport parsed) {
        if (!org.isAssigned(task, person.unit())) {
            return Optional.of(notAssigned(plan, person, task.number()));
        }
        if (isClosed.test(plan.year(), task.number())) {
            return Optional.of("任务 " + task.number() + " 已销号，无需再报送。如需重新打开，请联系办公室。");
        }
        if (parsed.hasKpi()) {
            if (task.kpi().isEmpty()) {
                return Optional.of("任务 " + task.number() + " 没有数量指标，请去掉“援滇人数/疗休养总人数”后重发。");
            }
            if (parsed.kpiNumerator().isPresent() && parsed.kpiDenominator().isPresent()
                    && parsed.kpiNumerator().getAsInt() > parsed.kpiDenominator().getAsInt()) {
                return Optional.of("援滇人数（" + parsed.kpiNumerator().getAsInt() + "）不能多于疗休养总人数（"
                        + parsed.kpiDenominator().getAsInt() + "），请核对后重发。");
            }
        }
        return Optional.empty();
    }

    private String notAssigned(WorkPlan plan, Person person, int number) {
        List<PlanTask> own = plan.tasks().stream().filter(t -> org.isAssigned(t, person.unit())).toList();
        return person.unit() + " 不是任务 " + number + " 的牵头或责任单位，不能报送该任务。"
                + (own.isEmpty() ? "" : "本单位的任务：" + numbers(own) + "。");
    }

    private String askWhichTask(WorkPlan plan, String unit, List<PlanTask> awaiting) {
        List<PlanTask> candidates = awaiting.isEmpty()
                ? plan.tasks().stream().filter(t -> org.isAssigned(t, unit)).toList() : awaiting;
        if (candidates.isEmpty()) {
            return unit + " 在本计划中没有任务，无需报送。如有疑问请联系办公室。";
        }
        StringBuilder sb = new StringBuilder("请写明任务编号，例如：")
                .append(candidates.get(0).number()).append(" 60% 本周进展；问题：…；下一步：…\n")
                .append(awaiting.isEmpty() ? unit + " 的任务：" : unit + " 本周待报送的任务：");
        for (PlanTask t : candidates) {
            sb.append("\n  任务 ").append(t.number()).append("　").append(t.shortText(24));
        }
        return sb.toString();
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
                ReportingWeek.of(now, settings.zone()).toString(), now);
    }

    /** The stored report, field by field, escaped. */
    public String describe(ProgressReport r) {
        int max = settings.maxQuoteChars();
        StringBuilder sb = new StringBuilder();
        sb.append("  进度：").append(r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—");
        r.status().ifPresent(s -> sb.append("（").append(s.label()).append("）"));
        sb.append("\n  进展：").append(r.progress().isBlank() ? "—" : UserText.escape(r.progress(), max));
        sb.append("\n  问题：").append(r.problems().isBlank() ? "无" : UserText.escape(r.problems(), max));
        sb.append("\n  下一步：").append(r.nextSteps().isBlank() ? "—" : UserText.escape(r.nextSteps(), max));
        if (r.kpiNumerator().isPresent() || r.kpiDenominator().isPresent()) {
            sb.append("\n  援滇人数：").append(r.kpiNumerator().isPresent() ? r.kpiNumerator().getAsInt() : "—")
                    .append("；疗休养总人数：").append(r.kpiDenominator().isPresent() ? r.kpiDenominator().getAsInt() : "—");
        }
        return sb.toString();
    }

    public static String unknownTask(WorkPlan plan, int number) {
        List<PlanTask> tasks = plan.tasks();
        return "没有任务 " + number + "。" + plan.year() + " 年计划的任务编号为 " + tasks.get(0).number() + "–"
                + tasks.get(tasks.size() - 1).number() + "，例如：" + ReportParser.EXAMPLE;
    }

    private static String numbers(List<PlanTask> tasks) {
        return tasks.stream().map(t -> String.valueOf(t.number())).collect(Collectors.joining("、"));
    }

    private static Optional<Integer> singleTaskIn(String quoted) {
        Matcher m = QUOTED_TASK.matcher(quoted);
        Set<Integer> found = new java.util.LinkedHashSet<>();
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }
}
