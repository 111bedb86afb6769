package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.measure.MeasureServices;
import io.duban.bot.metric.MetricTotal;
import io.duban.bot.milestone.MilestonePace;
import io.duban.bot.report.ReportService;
import io.duban.bot.report.TaskReference;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.status.UnitPart;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportKind;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 任务 12}: a task in detail: colour, next milestone, metrics, open problems, each unit's part, recent history. {@code 任务12 进度60% …} with more
 * text is a report and goes to {@link ReportCommand}.
 */
public final class TaskCommand implements Command {
    private static final Pattern NUMBER_ONLY = Pattern.compile("^(\\d{1,4})$");
    private static final int HISTORY_ROWS = 6;

    private final ReportCommand report = new ReportCommand();
    private final MeasureServices measures;

    public TaskCommand(MeasureServices measures) {
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
    public Reply handle(CommandContext ctx, String args) {
        Matcher m = NUMBER_ONLY.matcher(args);
        Optional<TaskReference> named = TaskReference.at("任务" + args, TaskReference.Position.MESSAGE_START)
                .filter(r -> r.numbers().size() == 1 && r.end() == ("任务" + args).length());
        if (!m.matches() && named.isEmpty()) {
            if (args.isEmpty()) {
                return Reply.of("请写明任务编号，例如：任务 12");
            }
            return report.handle(ctx, "任务" + args);
        }
        WorkPlan plan = ctx.services().plan();
        int number = m.matches() ? Integer.parseInt(m.group(1)) : named.get().number(); // 任务 12, 任务 十二
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(ReportService.unknownTask(plan, number).replaceFirst("例如：.*$", "例如：任务 12"));
        }
        boolean mayRead = Access.LEADER.allows(ctx.person().role())
                || ctx.services().org().isAssigned(task.get(), ctx.person().unit());
        if (!mayRead) {
            return Reply.of("任务 " + number + " 不属于" + ctx.person().unit() + "，详情请向办公室了解。查看本单位任务：我的任务");
        }
        return Reply.of(render(ctx.services(), plan, ctx.services().board().task(plan, task.get())));
    }

    private String render(Services services, WorkPlan plan, TaskStatus s) {
        ZoneId zone = services.config().settings().zone();
        PlanTask t = s.task();
        StringBuilder sb = new StringBuilder();
        sb.append("【任务 ").append(t.number()).append("】").append(t.shortTitle()).append("（").append(t.areaName())
                .append("）\n")
                .append(t.text()).append("\n")
                .append("牵头：").append(String.join("、", t.leadUnits()))
                .append("；责任：").append(t.responsibleUnits().isEmpty() ? "—" : String.join("、", t.responsibleUnits()))
                .append("\n报送：").append(t.cadence().label()).append("，")
                .append(String.join("、", services.org().owedBy(t))).append(" 报送")
                .append("\n截止：").append(t.deadline()).append("（").append(Formats.deadline(s)).append("）\n")
                .append(s.colour().symbol()).append(" ").append(s.colour().label()).append("灯：").append(s.reason());
        appendMeasures(services, plan, s, sb);
        sb.append("\n\n各单位进展：");
        int silentContributors = 0;
        for (UnitPart part : s.parts()) {
            boolean owes = services.org().owes(t, part.unit());
            if (!owes && part.latest().isEmpty()) {
                silentContributors++;   // contributors appear once they have something to say
                continue;
            }
            sb.append("\n").append(part.lead() ? "★" : "·").append(part.unit()).append(owes ? "" : "（参与）").append("：");
            if (part.latest().isEmpty()) {
                sb.append("尚未报送");
                continue;
            }
            ProgressReport r = part.latest().get();
            sb.append(r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—")
                    .append(r.noChange() ? "（无变化）" : "")
                    .append(r.status().map(x -> " " + x.label()).orElse(""))
                    .append("（").append(Formats.day(r.reportedAt(), zone)).append("）");
            if (!r.progress().isBlank()) {
                sb.append(" ").append(services.quote(r.progress()));
            }
            if (r.hasProblems()) {
                sb.append("；问题：").append(services.quote(r.problems()));
            }
        }
        if (silentContributors > 0) {
            sb.append("\n另有 ").append(silentContributors).append(" 个参与单位尚无补充");
        }
        List<ProgressReport> history = services.storage().reports().history(plan.year(), t.number());
        if (!history.isEmpty()) {
            sb.append("\n\n最近记录（共 ").append(history.size()).append(" 条）：");
            for (ProgressReport r : history.subList(Math.max(0, history.size() - HISTORY_ROWS), history.size())) {
                sb.append("\n").append(Formats.dayTime(r.reportedAt(), zone)).append(" ").append(r.unit()).append(" ")
                        .append(kind(r.kind()));
                if (r.kind() != ReportKind.WITHDRAWAL) {
                    sb.append(" ").append(r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—");
                }
            }
        }
        return sb.toString();
    }

    /** The next milestone, the metrics' running totals and the open problem items (issue 15). */
    private void appendMeasures(Services services, WorkPlan plan, TaskStatus s, StringBuilder sb) {
        MilestonePace.Pace pace = services.board().pace(plan, services.board().milestones(plan), s.task(), s.percent());
        pace.next().ifPresent(m -> sb.append("\n下一节点：").append(services.quote(m.milestone().label())).append("，还有 ")
                .append(ChronoUnit.DAYS.between(services.board().today(), m.milestone().date())).append(" 天"));
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

    private static String kind(ReportKind kind) {
        return switch (kind) {
            case REPORT -> "报送";
            case CORRECTION -> "更正";
            case WITHDRAWAL -> "撤回";
        };
    }
}
