package io.duban.bot.command;

import io.duban.bot.status.StatusBoard;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.metric.MetricService;
import io.duban.bot.metric.MetricTotal;
import io.duban.bot.status.KpiStatus;
import io.duban.plan.MetricDefinition;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 指标}: numeric targets (task 17: 援滇帮扶疗休养 ≥ 15%) against the latest figures, and every task's metrics
 * (工作指标) as running totals against their targets. {@code 指标 16}: one task's metrics with each unit's part.
 * {@code 指标 16 目标 50 万元} (office): sets a metric's target.
 */
public final class KpiCommand implements Command {
    private static final Pattern TASK = Pattern.compile("^(\\d{1,4})$");
    private static final Pattern TARGET = Pattern.compile(
            "^(\\d{1,4})\\s*(\\p{IsHan}{0,12}?)\\s*目标\\s*[:：]?\\s*(\\d{1,9}(?:\\.\\d{1,4})?)\\s*(\\S{0,6})$");

    private final CurrentPlan plans;
    private final StatusBoard board;
    private final MetricService metrics;

    public KpiCommand(MetricService metrics, CurrentPlan plans, StatusBoard board) {
        this.plans = plans;
        this.board = board;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "指标";
    }

    @Override
    public List<String> aliases() {
        return List.of("kpi");
    }

    @Override
    public String summary() {
        return "数量指标与工作指标完成情况；管理员设定目标";
    }

    @Override
    public String example() {
        return "指标";
    }

    @Override
    public Access access() {
        return Access.LEADER;
    }

    @Override
    public boolean accepts(String args) {
        return args.isEmpty() || TASK.matcher(args).matches() || TARGET.matcher(args).matches();
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        WorkPlan plan = plans.get();
        Matcher target = TARGET.matcher(args);
        if (target.matches()) {
            return setTarget(ctx, plan, target);
        }
        Matcher task = TASK.matcher(args);
        if (task.matches()) {
            return taskMetrics(ctx, plan, Integer.parseInt(task.group(1)));
        }
        return overview(ctx, plan);
    }

    private Reply overview(CommandContext ctx, WorkPlan plan) {
        List<KpiStatus> kpis = board.kpis(plan);
        List<MetricTotal> totals = metrics.totals(plan);
        if (kpis.isEmpty() && totals.isEmpty()) {
            return Reply.of("本年度计划没有数量指标。");
        }
        StringBuilder sb = new StringBuilder("【指标】");
        for (KpiStatus k : kpis) {
            sb.append("\n任务 ").append(k.task().number()).append(" ").append(k.kpi().name())
                    .append("（目标 ≥ ").append(MetricDefinition.format(k.kpi().targetPercent())).append("%）：");
            if (!k.hasData()) {
                sb.append("尚无数据。报送示例：").append(k.task().number()).append(" 40% ")
                        .append(k.kpi().numeratorLabel()).append("：12；").append(k.kpi().denominatorLabel()).append("：80");
                continue;
            }
            sb.append(k.kpi().numeratorLabel()).append(" ").append(k.numerator()).append(" / ")
                    .append(k.kpi().denominatorLabel()).append(" ").append(k.denominator())
                    .append(" = ").append(String.format("%.1f", k.percent())).append("%　")
                    .append(k.met() ? "🟢 已达标" : "🟡 未达标，尚差 "
                            + (int) Math.ceil(k.kpi().targetPercent() / 100.0 * k.denominator() - k.numerator()) + " 人")
                    .append("\n数据来源：").append(String.join("、", k.sources()));
        }
        if (!totals.isEmpty()) {
            sb.append("\n工作指标（").append(totals.stream().anyMatch(t -> t.definition().target().isEmpty())
                    ? "未设目标的由办公室设定，例如：指标 16 目标 50 万元" : "累计／目标").append("）：");
            for (MetricTotal t : totals) {
                sb.append("\n任务 ").append(t.task().number()).append(" ").append(t.line());
            }
        }
        return Reply.of(sb.toString());
    }

    private Reply taskMetrics(CommandContext ctx, WorkPlan plan, int number) {
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(ReportReplies.unknownTask(plan, number, "指标 16"));
        }
        List<MetricTotal> totals = metrics.totals(plan, task.get());
        if (totals.isEmpty()) {
            return Reply.of("任务 " + number + " 没有工作指标。查看全部：指标");
        }
        StringBuilder sb = new StringBuilder("【任务 ").append(number).append(" 工作指标】");
        for (MetricTotal t : totals) {
            // one bracket for both remarks: 34/50 万元（68%；累计）, 10.5 万元（未设目标；累计）
            String line = t.line();
            String how = t.definition().combine().label();
            sb.append("\n").append(line.endsWith("）") ? line.substring(0, line.length() - 1) + "；" + how + "）"
                    : line + "（" + how + "）");
            if (!t.hasData()) {
                sb.append("\n  尚无报送。示例：").append(io.duban.bot.metric.MetricPhrases.example(number, t.definition()));
                continue;
            }
            for (Map.Entry<String, Double> e : t.byUnit().entrySet()) {
                sb.append("\n  ").append(e.getKey()).append(" ").append(MetricDefinition.format(e.getValue()));
            }
        }
        return Reply.of(sb.toString());
    }

    private Reply setTarget(CommandContext ctx, WorkPlan plan, Matcher m) {
        if (ctx.person().role() != Role.ADMIN) {
            return Reply.of("设定指标目标仅限管理员。查看请发：指标");
        }
        int number = Integer.parseInt(m.group(1));
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(ReportReplies.unknownTask(plan, number, "指标 16 目标 50 万元"));
        }
        List<MetricDefinition> defs = task.get().metrics();
        if (defs.isEmpty()) {
            return Reply.of("任务 " + number + " 没有工作指标，无法设定目标。指标在计划文件中定义（config/plans/）。");
        }
        String name = m.group(2);
        String unit = m.group(4);
        List<MetricDefinition> candidates = defs.stream()
                .filter(d -> name.isEmpty() || d.name().equals(name))
                .filter(d -> unit.isEmpty() || d.unit().equals(unit))
                .toList();
        String example = "指标 " + number + " " + defs.get(0).name() + " 目标 50 " + defs.get(0).unit();
        if (candidates.size() != 1) {
            return Reply.of((candidates.isEmpty() ? "任务 " + number + " 没有这个指标。" : "任务 " + number
                    + " 有多个指标，请写明指标名。") + "该任务的指标："
                    + String.join("、", defs.stream().map(d -> d.name() + "（" + d.unit() + "）").toList())
                    + "。例如：" + example);
        }
        double value = Double.parseDouble(m.group(3));
        if (value <= 0) {
            return Reply.of("目标应大于 0，例如：" + example);
        }
        MetricDefinition set = metrics.setTarget(plan, task.get(), candidates.get(0), value,
                ctx.person().userId(), ctx.inboundId());
        MetricTotal now = metrics.totals(plan, task.get()).stream()
                .filter(t -> t.definition().name().equals(set.name())).findFirst().orElseThrow();
        return Reply.of("已设定任务 " + number + " 的指标目标：" + set.name() + " " + MetricDefinition.format(value) + " "
                + set.unit() + "\n目前：" + now.line());
    }
}
