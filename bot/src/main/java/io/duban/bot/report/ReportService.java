package io.duban.bot.report;

import io.duban.bot.message.Reply;
import io.duban.bot.report.normalize.InputNormalizer;
import io.duban.bot.text.UserText;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** A report the same person sends again within this time, unchanged, is a repeat (a double tap, a retry). */
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);
    /** Unreadable parts quoted in one answer; one phone screen. */
    private static final int MAX_LISTED = 5;

    private final Organization org;
    private final Settings settings;
    private final ReportRepository reports;
    private final Clock clock;
    private final BiPredicate<Integer, Integer> isClosed;
    private final ReportFilter countable;
    private final DueThisWeek due;
    private final ReportParser parser;
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
        this.parser = new ReportParser(settings.botName());
    }

    /**
     * A message with one or more reports. {@code quotedText} may name the task when the person answered the bot's
     * prompt. One report is echoed field by field; several get one compact answer listing what was stored per task
     * and, separately, each part that was not, with why.
     */
    public Reply submit(WorkPlan plan, Person person, String text, Optional<String> quotedText, long inboundId) {
        MessageReading reading = parser.read(text);
        if (reading instanceof MessageReading.Social) {
            return Reply.of("好的。报送进度请发，例如：" + ReportParser.EXAMPLE);
        }
        List<ReportPart> parts = ((MessageReading.Reports) reading).parts().stream()
                .filter(p -> !(p instanceof ReportPart.Preamble)).toList();
        if (parts.isEmpty()) {
            return Reply.of("报送内容为空，请写明进度和本周进展，例如：" + ReportParser.EXAMPLE);
        }
        Optional<List<Integer>> noChange = onlyNoChange(parts);
        if (noChange.isPresent()) {
            return noChange(plan, person, noChange.get(), inboundId);
        }
        if (parts.size() == 1) {
            if (parts.get(0) instanceof ReportPart.Unreadable u) {
                return Reply.of(u.reason());
            }
            ParsedReport parsed = ((ReportPart.Read) parts.get(0)).report();
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
            return Reply.of(echo(person, store(plan, person, parsed, inboundId)));
        }
        List<ReportOutcome> outcomes = new ArrayList<>();
        for (ReportPart part : parts) {
            if (part instanceof ReportPart.Unreadable u) {
                outcomes.add(new ReportOutcome.NotStored(u.source(), u.reason()));
            } else {
                outcomes.add(store(plan, person, ((ReportPart.Read) part).report(), inboundId));
            }
        }
        return Reply.of(summary(outcomes));
    }

    /**
     * A short friendly answer to {@code 收到}, {@code 好的}, {@code 谢谢}, 👍 …, with the next useful hint: what the
     * person's unit still owes this week, if anything (leaders are not reminded).
     */
    public String socialAnswer(WorkPlan plan, Person person, String text) {
        String word = text.contains("谢") || text.toLowerCase(java.util.Locale.ROOT).contains("thank") ? "不客气！" : "好的！";
        List<PlanTask> awaiting = person.role() == Role.LEADER ? List.of() : awaitingThisWeek(plan, person.unit());
        if (awaiting.isEmpty()) {
            return word;
        }
        return word + person.unit() + " 本周还待报送：任务 " + numbers(awaiting) + "。可一条发完，每项一行，例如：\n"
                + awaiting.get(0).number() + " 60% 本周进展" + (awaiting.size() > 1 ? "\n" + awaiting.get(1).number()
                + " 无变化" : "");
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
            boolean bare = r.noChange() && r.percent().isEmpty() && r.status().isEmpty() && r.progress().isEmpty()
                    && r.problems().isEmpty() && r.nextSteps().isEmpty() && !r.hasKpi();
            if (!bare || (r.taskNumber().isEmpty() && parts.size() > 1)) {
                return Optional.empty();
            }
            r.taskNumber().ifPresent(named::add);
        }
        return Optional.of(named);
    }

    /** Checks one report against the plan and the unit's history and stores it, or says why not. */
    private ReportOutcome store(WorkPlan plan, Person person, ParsedReport parsed, long inboundId) {
        String source = parsed.source();
        int number = parsed.taskNumber().getAsInt();
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return new ReportOutcome.NotStored(source, unknownTask(plan, number));
        }
        Optional<String> refused = refuse(plan, person, task.get(), parsed);
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
            return new ReportOutcome.NotStored(source, "请写明进度百分比（0–100）：" + person.unit() + " 还没有报送过任务 "
                    + number + " 的进度，无法沿用上次。例如：" + number + " 60% 本周进展；问题：…；下一步：…");
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

    /** The answer to a message with one report: the stored fields, or why nothing was stored. */
    private String echo(Person person, ReportOutcome outcome) {
        if (outcome instanceof ReportOutcome.NotStored n) {
            return n.reason();
        }
        if (outcome instanceof ReportOutcome.Repeated r) {
            return "这条报送已在 " + r.earlier().reportedAt().atZone(settings.zone()).format(TIME) + " 记录过（任务 "
                    + r.earlier().taskNumber() + "，内容相同），未重复记录。如需修改：更正 " + r.earlier().taskNumber() + " 70% …";
        }
        ReportOutcome.Stored s = (ReportOutcome.Stored) outcome;
        ProgressReport stored = s.report();
        int number = stored.taskNumber();
        StringBuilder reply = new StringBuilder("已记录 ").append(person.unit()).append(" 对任务 ").append(number)
                .append(" 的报送：\n").append(describe(stored, s.keptPercent()));
        if (s.isLower()) {
            reply.append("\n⚠ 进度 ").append(stored.percent().getAsInt()).append("% 低于上次报送的 ")
                    .append(s.previousPercent().getAsInt()).append("%，已照录。如有误请更正。");
        }
        s.notes().forEach(n -> reply.append('\n').append(n));
        reply.append("\n如需修改：更正 ").append(number).append(" 70% …；如需撤回：撤回 ").append(number);
        return reply.toString();
    }

    /** One compact answer for several reports: what was stored per task, then each part that was not, and why. */
    private String summary(List<ReportOutcome> outcomes) {
        List<String> stored = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        List<String> notStored = new ArrayList<>();
        for (ReportOutcome o : outcomes) {
            if (o instanceof ReportOutcome.Stored s) {
                ProgressReport r = s.report();
                stored.add(r.taskNumber() + " " + (s.keptPercent() ? "沿用上次 " : "") + r.percent().getAsInt() + "%");
                s.notes().forEach(n -> remarks.add(r.taskNumber() + "：" + n));
                if (s.isLower()) {
                    remarks.add("⚠ " + r.taskNumber() + " 进度 " + r.percent().getAsInt() + "% 低于上次报送的 "
                            + s.previousPercent().getAsInt() + "%，已照录。");
                }
            } else if (o instanceof ReportOutcome.Repeated r) {
                repeated.add(String.valueOf(r.earlier().taskNumber()));
            } else {
                ReportOutcome.NotStored n = (ReportOutcome.NotStored) o;
                notStored.add("· “" + UserText.escape(n.source(), settings.maxQuoteChars()) + "”：" + n.reason());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!stored.isEmpty()) {
            sb.append("已记录 ").append(stored.size()).append(" 项：").append(String.join("、", stored));
        }
        remarks.forEach(l -> sb.append(sb.isEmpty() ? "" : "\n").append(l));
        if (!repeated.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "\n").append("已记录过（10 分钟内内容相同，未重复记录）：")
                    .append(String.join("、", repeated));
        }
        if (!notStored.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "\n").append("未记录 ").append(notStored.size()).append(" 项：");
            notStored.stream().limit(MAX_LISTED).forEach(n -> sb.append("\n").append(n));
            if (notStored.size() > MAX_LISTED) {
                sb.append("\n……另有 ").append(notStored.size() - MAX_LISTED).append(" 项未记录，请改正上面几项后分条重发。");
            }
        }
        if (!stored.isEmpty()) {
            sb.append("\n如需修改：更正 任务号 70% …；如需撤回：撤回 任务号");
        }
        return sb.toString();
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
        String clean = InputNormalizer.clean(args, settings.botName());
        Optional<TaskReference> ref = TaskReference.at(clean, TaskReference.Position.MESSAGE_START);
        if (ref.isEmpty() || ref.get().numbers().size() > 1 || ref.get().end() < clean.length()) {
            return Reply.of("请写明要撤回的一项任务编号，例如：撤回 12");
        }
        int number = ref.get().number();
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
        List<PlanTask> assigned = awaiting.isEmpty()
                ? plan.tasks().stream().filter(t -> org.isAssigned(t, unit)).toList() : awaiting;
        // the unit's own (lead) tasks first: those are the ones it reports most
        List<PlanTask> candidates = java.util.stream.Stream.concat(
                assigned.stream().filter(t -> org.isLead(t, unit)),
                assigned.stream().filter(t -> !org.isLead(t, unit))).toList();
        if (candidates.isEmpty()) {
            return unit + " 在本计划中没有任务，无需报送。如有疑问请联系办公室。";
        }
        StringBuilder sb = new StringBuilder("请写明任务编号，例如：")
                .append(candidates.get(0).number()).append(" 60% 本周进展；问题：…；下一步：…\n")
                .append(awaiting.isEmpty() ? unit + " 的任务：" : unit + " 本周待报送的任务：");
        int listed = Math.min(6, candidates.size());
        for (PlanTask t : candidates.subList(0, listed)) {
            sb.append("\n  任务 ").append(t.number()).append("　").append(io.duban.bot.text.ShortTitles.of(t));
        }
        if (candidates.size() > listed) {
            sb.append("\n  另有任务 ").append(numbers(candidates.subList(listed, candidates.size())))
                    .append("；各任务名称请发：我的任务");
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
                ReportingWeek.of(now, settings.zone()).toString(), now, parsed.noChange());
    }

    /** The stored report, field by field, escaped. */
    public String describe(ProgressReport r) {
        return describe(r, false);
    }

    /** @param keptPercent the person wrote no percent: the echo says the last one stands, so it can be corrected */
    public String describe(ProgressReport r, boolean keptPercent) {
        int max = settings.maxQuoteChars();
        StringBuilder sb = new StringBuilder();
        sb.append("  进度：").append(keptPercent ? "沿用上次 " : "")
                .append(r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—");
        r.status().ifPresent(s -> sb.append("（").append(s.label()).append("）"));
        sb.append("\n  进展：").append(r.progress().isBlank() ? "—" : UserText.escape(r.progress(), max));
        sb.append("\n  问题：").append(r.hasProblems() ? UserText.escape(r.problems(), max) : "无");
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
