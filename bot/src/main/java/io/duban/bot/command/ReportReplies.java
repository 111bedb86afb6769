package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.report.CorrectResult;
import io.duban.bot.report.MessageReading;
import io.duban.bot.report.NoChangeResult;
import io.duban.bot.report.ParseResult;
import io.duban.bot.report.ParsedReport;
import io.duban.bot.report.Refusal;
import io.duban.bot.report.ReportOutcome;
import io.duban.bot.report.ReportParser;
import io.duban.bot.report.ReportPart;
import io.duban.bot.report.ReportService;
import io.duban.bot.report.SubmitResult;
import io.duban.bot.report.TaskReference;
import io.duban.bot.report.WithdrawResult;
import io.duban.bot.report.normalize.InputNormalizer;
import io.duban.bot.text.ShortTitles;
import io.duban.bot.text.UserText;
import io.duban.config.Settings;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.storage.model.ProgressReport;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reports in words: reads {@code 报送}, {@code 更正} and {@code 撤回}, asks the {@link ReportService}, and writes the
 * answer, echoing exactly what was stored or saying why nothing was, with a correct example.
 */
public final class ReportReplies {
    /**
     * How much of each field the echo repeats: three fields of this length and the fixed lines stay within one phone
     * screen (about 450 characters); the whole text is stored and exported with the 台账.
     */
    private static final int ECHO_FIELD_CHARS = 80;
    /** How much of a line that was not stored the answer to several reports quotes. */
    private static final int LINE_START_CHARS = 12;
    /** {@code 撤回上一条}, {@code 撤回刚才那条}, {@code 撤回最后一条}: see {@link #isTheLastOne}. */
    private static final Pattern THE_LAST_ONE = Pattern.compile(
            "(?:我的)?(?:上一条|上条|刚才的?|刚刚的?|最后一条|最近一条)(?:那条|那一条|一条)?(?:报送|消息)?[。.！!]?");

    /** The bot's own prompt names the task this way; an answer to it may leave the number out. */
    private static final Pattern QUOTED_TASK = Pattern.compile("任务\\s*(\\d{1,4})");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Unreadable parts quoted in one answer; one phone screen. */
    private static final int MAX_LISTED = 3;

    private final Settings settings;
    private final ReportService service;
    private final ReportParser parser;

    public ReportReplies(Settings settings, ReportService service) {
        this.settings = settings;
        this.service = service;
        this.parser = new ReportParser(settings.botName());
    }

    /**
     * A message with one or more reports. {@code quotedText} may name the task when the person answered the bot's
     * prompt. One report is echoed field by field; several get one compact answer listing what was stored per task
     * and, separately, each part that was not, with why.
     */
    Reply submit(WorkPlan plan, Person person, String text, Optional<String> quotedText, long inboundId) {
        MessageReading reading = parser.read(text);
        if (reading instanceof MessageReading.Social) {
            return Reply.of("好的。报送进度请发，例如：" + ReportParser.EXAMPLE);
        }
        List<ReportPart> parts = ((MessageReading.Reports) reading).parts().stream()
                .filter(p -> !(p instanceof ReportPart.Preamble)).toList();
        if (parts.isEmpty()) {
            return Reply.of("报送内容为空，请写明进度和本周进展，例如：" + ReportParser.EXAMPLE);
        }
        SubmitResult result = service.submit(plan, person, parts, quotedText.flatMap(ReportReplies::singleTaskIn),
                inboundId);
        return Reply.of(answer(plan, person, result));
    }

    private String answer(WorkPlan plan, Person person, SubmitResult result) {
        if (result instanceof SubmitResult.RestUnchanged r) {
            String rest = r.rest().isEmpty() ? "“其余无变化”暂未记录：上面有未能记录的内容，改正后请连同“其余无变化”再发一次。"
                    : r.rest().get() instanceof NoChangeResult.NothingDue ? "其余任务本周没有待报送的，无需“无变化”。"
                    : noChange(plan, person, r.rest().get());
            return answer(plan, person, r.reports()) + "\n" + rest;
        }
        if (result instanceof SubmitResult.NoChange n) {
            return noChange(plan, person, n.result());
        }
        if (result instanceof SubmitResult.WhichTask w) {
            return askWhichTask(w);
        }
        if (result instanceof SubmitResult.One one) {
            return echo(plan, person, one.outcome());
        }
        return summary(plan, person, ((SubmitResult.Several) result).outcomes());
    }

    /** {@code 更正 12 70% …}. */
    Reply correct(WorkPlan plan, Person person, String text, long inboundId) {
        ParseResult parsed = parser.parse(text);
        if (parsed instanceof ParseResult.Invalid invalid) {
            return Reply.of(invalid.reason().replace("例如：", "例如：更正 "));
        }
        ParsedReport report = ((ParseResult.Ok) parsed).report();
        if (report.taskNumber().isEmpty()) {
            return Reply.of("请写明要更正的任务编号，例如：更正 12 70% 已对接企业3家；问题：冷链成本高");
        }
        CorrectResult result = service.correct(plan, person, report, inboundId);
        if (result instanceof CorrectResult.Refused r) {
            return Reply.of(refusal(plan, person, r.refusal(), "如需重新打开，请联系办公室。"));
        }
        if (result instanceof CorrectResult.NothingToCorrect n) {
            return Reply.of(n.unit() + " 还没有任务 " + n.number() + " 的报送，没有可更正的内容。"
                    + "请直接报送，例如：" + n.number() + " 60% 本周进展；问题：…；下一步：…");
        }
        CorrectResult.Corrected c = (CorrectResult.Corrected) result;
        StringBuilder extra = new StringBuilder();
        c.notes().forEach(l -> extra.append('\n').append(l));
        int number = c.stored().taskNumber();
        return Reply.of("已更正 " + c.unit() + " 对任务 " + number + " 的报送（原 "
                + c.replaced().reportedAt().atZone(settings.zone()).format(DAY_TIME) + " 的报送保留在历史中）：\n"
                + describe(c.stored(), false) + extra + "\n如需撤回：撤回 " + number);
    }

    /** Whether the words after 撤回 mean the sender's last report ({@code 上一条}, {@code 刚才那条}). */
    static boolean isTheLastOne(String words) {
        return THE_LAST_ONE.matcher(words.strip()).matches();
    }

    /** {@code 撤回 12}, {@code 撤回上一条}. */
    Reply withdraw(WorkPlan plan, Person person, String args, long inboundId) {
        String clean = InputNormalizer.clean(args, settings.botName());
        Optional<TaskReference> ref = TaskReference.at(clean, TaskReference.Position.MESSAGE_START);
        int number;
        if (isTheLastOne(clean)) { // 撤回上一条: the sender's own latest report that counts
            Optional<Integer> last = service.lastOwnReportedTask(plan, person);
            if (last.isEmpty()) {
                return Reply.of("您目前没有可撤回的报送。撤回本单位某项任务的报送请写编号，例如：撤回 12");
            }
            number = last.get();
        } else if (ref.isEmpty() || ref.get().numbers().size() > 1 || ref.get().end() < clean.length()) {
            return Reply.of("请写明要撤回的一项任务编号，例如：撤回 12（撤回自己刚发的一条：撤回上一条）");
        } else {
            number = ref.get().number();
        }
        WithdrawResult result = service.withdraw(plan, person, number, inboundId);
        if (result instanceof WithdrawResult.Refused r) {
            return Reply.of(refusal(plan, person, r.refusal(), ""));
        }
        if (result instanceof WithdrawResult.NothingToWithdraw n) {
            return Reply.of(n.unit() + " 没有任务 " + n.number() + " 的有效报送，无需撤回。");
        }
        WithdrawResult.Withdrawn w = (WithdrawResult.Withdrawn) result;
        StringBuilder extra = new StringBuilder();
        w.notes().forEach(l -> extra.append('\n').append(l));
        return Reply.of("已撤回 " + w.unit() + " 在 "
                + w.withdrawn().reportedAt().atZone(settings.zone()).format(DAY_TIME) + " 对任务 " + number
                + " 的报送（记录保留在历史中）。"
                + w.now().map(r -> "\n现以 " + r.reportedAt().atZone(settings.zone()).format(DAY_TIME) + " 的报送为准："
                        + r.percent().orElse(0) + "%。").orElse("\n该任务本单位目前没有有效报送。") + extra);
    }

    /**
     * A short friendly answer to {@code 收到}, {@code 好的}, {@code 谢谢}, 👍 …, with the next useful hint: what the
     * person's unit still owes this week, if anything (leaders are not reminded).
     */
    public String socialAnswer(WorkPlan plan, Person person, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String word = lower.contains("谢") || lower.contains("thank") ? "不客气！"
                : lower.matches(".*(?:在吗|在不在|在么).*") ? "在的。"
                : lower.matches(".*(?:你好|您好|早上好|下午好|hi|hello).*") ? "您好！" : "好的！";
        List<PlanTask> awaiting = person.role() == Role.LEADER ? List.of() : service.awaitingThisWeek(plan,
                person.unit());
        if (awaiting.isEmpty()) {
            return word;
        }
        return word + person.unit() + " 本周还待报送：任务 " + numbers(awaiting) + "。可一条发完，每项一行，例如：\n"
                + awaiting.get(0).number() + " 60% 本周进展" + (awaiting.size() > 1 ? "\n" + awaiting.get(1).number()
                + " 无变化" : "");
    }

    private String noChange(WorkPlan plan, Person person, NoChangeResult result) {
        if (result instanceof NoChangeResult.NothingDue n) {
            return n.unit() + " 本周没有待报送的任务，无需回复“无变化”。如需补充某项任务，例如：12 60% 本周进展";
        }
        if (result instanceof NoChangeResult.Refused r) {
            return refusal(plan, person, r.refusal(), "");
        }
        if (result instanceof NoChangeResult.NeverReported n) {
            List<PlanTask> tasks = n.tasks();
            return "未记录：" + n.unit() + " 还没有报送过 "
                    + n.never().stream().map(PlanTask::label).collect(Collectors.joining("、"))
                    + " 的进度，无法沿用“无变化”。请写明进度，每项一行，例如：\n" + tasks.get(0).number() + " 30% 本周进展；问题：…"
                    + (tasks.size() > 1 ? "\n" + tasks.get(1).number() + " 无变化" : "");
        }
        NoChangeResult.Kept k = (NoChangeResult.Kept) result;
        int first = k.kept().get(0).task().number();
        return "已记录 " + k.unit() + " 本期无变化 " + k.kept().size() + " 项（进度沿用上次）："
                + k.kept().stream().map(t -> t.task().label() + " " + t.percent() + "%")
                        .collect(Collectors.joining("、"))
                + "。\n如需修改：更正 " + first + " 70% …；如需撤回：撤回 " + first;
    }

    /** The answer to a message with one report: the stored fields, or why nothing was stored. */
    private String echo(WorkPlan plan, Person person, ReportOutcome outcome) {
        if (outcome instanceof ReportOutcome.NotStored n) {
            return refusal(plan, person, n.refusal(), "如需重新打开，请联系办公室。");
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
    private String summary(WorkPlan plan, Person person, List<ReportOutcome> outcomes) {
        List<String> stored = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        List<String> notStored = new ArrayList<>();
        for (ReportOutcome o : outcomes) {
            if (o instanceof ReportOutcome.Stored s) {
                ProgressReport r = s.report();
                stored.add(r.taskNumber() + " " + (s.keptPercent() ? "沿用上次 " : "") + r.percent().getAsInt() + "%");
                // the notes are indented for the one-report layout; here each follows its task number
                s.notes().forEach(n -> remarks.add(r.taskNumber() + "：" + n.strip()));
                if (s.isLower()) {
                    remarks.add("⚠ " + r.taskNumber() + " 进度 " + r.percent().getAsInt() + "% 低于上次报送的 "
                            + s.previousPercent().getAsInt() + "%，已照录。");
                }
            } else if (o instanceof ReportOutcome.Repeated r) {
                repeated.add(String.valueOf(r.earlier().taskNumber()));
            } else {
                ReportOutcome.NotStored n = (ReportOutcome.NotStored) o;
                // the start of the line tells which one it was; the explanation repeats its words in the example
                notStored.add("· “" + UserText.escape(n.source(), Math.min(settings.maxQuoteChars(), LINE_START_CHARS))
                        + "”："
                        + refusal(plan, person, n.refusal(), "如需重新打开，请联系办公室。"));
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
     * Why nothing was stored, with what to do. {@code closedHint} follows the closed-task sentence where the person
     * was writing a report (a reopening is the office's business).
     */
    private static String refusal(WorkPlan plan, Person person, Refusal refusal, String closedHint) {
        if (refusal instanceof Refusal.Unreadable u) {
            return u.explanation();
        }
        if (refusal instanceof Refusal.UnknownTask u) {
            return unknownTask(plan, u.number());
        }
        if (refusal instanceof Refusal.NotAssigned n) {
            return person.unit() + " 不是任务 " + n.number() + " 的牵头或责任单位，不能报送该任务。"
                    + (n.own().isEmpty() ? "" : "本单位的任务：" + numbers(n.own()) + "。");
        }
        if (refusal instanceof Refusal.Closed c) {
            return "任务 " + c.number() + " 已销号，无需再报送。" + closedHint;
        }
        if (refusal instanceof Refusal.NoKpi k) {
            return "任务 " + k.number() + " 没有数量指标，请去掉“援滇人数/疗休养总人数”后重发。";
        }
        if (refusal instanceof Refusal.KpiExceeds k) {
            return "援滇人数（" + k.numerator() + "）不能多于疗休养总人数（" + k.denominator() + "），请核对后重发。";
        }
        Refusal.NoPercentYet p = (Refusal.NoPercentYet) refusal;
        return "请写明进度百分比（0–100）：" + p.unit() + " 还没有报送过任务 " + p.number() + " 的进度，无法沿用上次。例如："
                + p.number() + " 60% 本周进展；问题：…；下一步：…";
    }

    private static String askWhichTask(SubmitResult.WhichTask w) {
        List<PlanTask> candidates = w.candidates();
        String unit = w.unit();
        if (candidates.isEmpty()) {
            return unit + " 在本计划中没有任务，无需报送。如有疑问请联系办公室。";
        }
        StringBuilder sb = new StringBuilder("请写明任务编号，例如：")
                .append(candidates.get(0).number()).append(" 60% 本周进展；问题：…；下一步：…\n")
                .append(w.awaiting() ? unit + " 本周待报送的任务：" : unit + " 的任务：");
        int listed = Math.min(6, candidates.size());
        for (PlanTask t : candidates.subList(0, listed)) {
            sb.append("\n  任务 ").append(t.number()).append("　").append(ShortTitles.of(t));
        }
        if (candidates.size() > listed) {
            sb.append("\n  另有任务 ").append(numbers(candidates.subList(listed, candidates.size())))
                    .append("；各任务名称请发：我的任务");
        }
        return sb.toString();
    }

    /** @param keptPercent the person wrote no percent: the echo says the last one stands, so it can be corrected */
    private String describe(ProgressReport r, boolean keptPercent) {
        int max = Math.min(settings.maxQuoteChars(), ECHO_FIELD_CHARS);
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
        boolean cut = Stream.of(r.progress(), r.problems(), r.nextSteps())
                .anyMatch(f -> f.codePointCount(0, f.length()) > max);
        if (cut) {
            sb.append("\n  （内容较长，这里只显示开头；全文已保存，台账中可见）");
        }
        return sb.toString();
    }

    /** No task with this number: the plan's range and a correct example. */
    public static String unknownTask(WorkPlan plan, int number) {
        return unknownTask(plan, number, ReportParser.EXAMPLE);
    }

    /** No such task: the plan's numbers and an example of the command the person was using. */
    public static String unknownTask(WorkPlan plan, int number, String example) {
        List<PlanTask> tasks = plan.tasks();
        return "没有任务 " + number + "。" + plan.year() + " 年计划的任务编号为 " + tasks.get(0).number() + "–"
                + tasks.get(tasks.size() - 1).number() + "，例如：" + example;
    }

    private static String numbers(List<PlanTask> tasks) {
        return tasks.stream().map(t -> String.valueOf(t.number())).collect(Collectors.joining("、"));
    }

    private static Optional<Integer> singleTaskIn(String quoted) {
        Matcher m = QUOTED_TASK.matcher(quoted);
        Set<Integer> found = new LinkedHashSet<>();
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }
}
