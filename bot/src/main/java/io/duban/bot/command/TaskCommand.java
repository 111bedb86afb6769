package io.duban.bot.command;

import io.duban.storage.ReportRepository;
import io.duban.config.Settings;
import io.duban.plan.Organization;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.measure.MeasureServices;
import io.duban.bot.metric.MetricTotal;
import io.duban.bot.milestone.MilestonePace;
import io.duban.bot.answer.TaskAnswer;
import io.duban.bot.status.AcceptedReports;
import io.duban.bot.report.TaskReference;
import io.duban.bot.report.normalize.ChineseNumerals;
import io.duban.bot.status.TaskStatus;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProgressReport;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 任务 12}: a task on one screen (colour and why, next milestone, metrics, open problems, the lead units'
 * figures, the other units in a line); {@code 任务 12 历史 [页]}: the full text, each unit's latest report and the
 * history. {@code 任务12 进度60% …} with more text is a report and goes to {@link ReportCommand}.
 */
public final class TaskCommand implements Command {
    private static final Pattern NUMBER_ONLY = Pattern.compile("^(\\d{1,4})$");
    private static final Pattern HISTORY = Pattern.compile("^(\\d{1,4})\\s*历史\\s*(\\d{0,2})$");
    /** {@code 十二历史}, {@code 十二 历史 2}: the history asked with the task in Chinese numerals. */
    private static final Pattern CHINESE_HISTORY = Pattern.compile(
            "^([" + ChineseNumerals.ALL + "]+)(\\s*历史.*)$");

    private final CurrentPlan plans;
    private final StatusBoard board;
    private final Organization org;
    private final Quoter quoter;
    private final Settings settings;
    private final ReportRepository reports;
    private final ReportCommand report;
    private final MeasureServices measures;

    /** @param report takes {@code 任务12 进度60% …}, a report written after the word 任务 */
    public TaskCommand(MeasureServices measures, ReportCommand report, CurrentPlan plans, StatusBoard board,
                       Organization org, Quoter quoter, Settings settings, ReportRepository reports) {
        this.report = report;
        this.plans = plans;
        this.board = board;
        this.org = org;
        this.quoter = quoter;
        this.settings = settings;
        this.reports = reports;
        this.measures = measures;
    }

    @Override
    public String name() {
        return "任务";
    }

    @Override
    public List<String> aliases() {
        return List.of("task");
    }

    @Override
    public String summary() {
        return "查看一项任务：红黄绿灯、下一节点、指标、未解决问题、各单位进展与历史";
    }

    @Override
    public String example() {
        return "任务 12";
    }

    @Override
    public Access access() {
        return Access.REGISTERED;
    }

    @Override
    public Reply handle(CommandContext ctx, String asked) {
        String args = arabicHistory(AskingWords.stripTrailing(asked)); // 任务12怎么样了 asks for task 12
        Matcher m = NUMBER_ONLY.matcher(args);
        Matcher history = HISTORY.matcher(args);
        Optional<TaskReference> named = TaskReference.at("任务" + args, TaskReference.Position.MESSAGE_START)
                .filter(r -> r.numbers().size() == 1 && r.end() == ("任务" + args).length());
        if (!m.matches() && !history.matches() && named.isEmpty()) {
            if (args.isEmpty()) {
                return Reply.of("请写明任务编号，例如：任务 12");
            }
            return report.handle(ctx, "任务" + args);
        }
        WorkPlan plan = plans.get();
        int number = m.matches() ? Integer.parseInt(m.group(1))
                : history.matches() ? Integer.parseInt(history.group(1)) : named.get().number(); // 任务 12, 任务 十二
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(ReportReplies.unknownTask(plan, number, "任务 12"));
        }
        boolean mayRead = Access.LEADER.allows(ctx.person().role())
                || org.isAssigned(task.get(), ctx.person().unit());
        if (!mayRead) {
            return Reply.of("任务 " + number + " 不属于" + ctx.person().unit() + "，详情请向办公室了解。查看本单位任务：我的任务");
        }
        AcceptedReports accepted = board.accepted(plan);
        TaskStatus status = board.tasks(plan, accepted).stream()
                .filter(s -> s.task().number() == number).findFirst().orElseThrow();
        ZoneId zone = settings.zone();
        if (!history.matches()) {
            String text = TaskAnswer.summary(status, accepted, zone, org.owedBy(status.task()));
            StringBuilder extra = new StringBuilder();
            appendMeasures(plan, status, extra);
            int tail = text.lastIndexOf("\n全文与各单位详情");
            return Reply.of(tail < 0 ? text + extra : text.substring(0, tail) + extra + text.substring(tail));
        }
        List<ProgressReport> rows = reports.history(plan.year(), number);
        Set<Long> returned = accepted.awaitingResubmission().stream().map(ProgressReport::id)
                .collect(java.util.stream.Collectors.toSet());
        int page = history.group(2).isEmpty() ? 1 : Integer.parseInt(history.group(2));
        return Reply.of(TaskAnswer.history(status, rows, r -> returned.contains(r.id()), zone, page));
    }

    /** The next milestone, the metrics' running totals and the open problem items (issue 15). */
    private void appendMeasures(WorkPlan plan, TaskStatus s, StringBuilder sb) {
        MilestonePace.Pace pace = board.pace(plan, board.milestones(plan), s.task(), s.percent());
        pace.next().ifPresent(m -> sb.append("\n下一节点：").append(quoter.quote(m.milestone().label())).append("，还有 ")
                .append(ChronoUnit.DAYS.between(board.today(), m.milestone().date())).append(" 天"));
        for (MetricTotal t : measures.metrics().totals(plan, s.task())) {
            sb.append("\n指标：").append(t.line());
        }
        List<ProblemItem> open = measures.problems().open(plan).stream()
                .filter(p -> p.taskNumber() == s.task().number()).toList();
        if (!open.isEmpty()) {
            sb.append("\n未解决问题 ").append(open.size()).append(" 个：").append(String.join("、",
                    open.stream().limit(5).map(p -> "问题" + p.id() + "（" + p.unit() + "）").toList()))
                    .append(open.size() > 5 ? " 等" : "").append("（详见：问题）");
        }
    }

    /** {@code 十二历史 2} → {@code 12历史 2}; anything else as it is. */
    private static String arabicHistory(String args) {
        Matcher c = CHINESE_HISTORY.matcher(args);
        if (!c.matches()) {
            return args;
        }
        OptionalInt number = ChineseNumerals.parse(c.group(1));
        return number.isPresent() ? number.getAsInt() + c.group(2) : args;
    }
}
