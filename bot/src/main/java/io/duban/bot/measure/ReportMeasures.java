package io.duban.bot.measure;

import io.duban.bot.metric.MetricPhrases;
import io.duban.bot.metric.MetricService;
import io.duban.bot.metric.MetricTotal;
import io.duban.bot.problem.ProblemService;
import io.duban.bot.report.ReportFollowUp;
import io.duban.bot.text.UserText;
import io.duban.plan.MetricDefinition;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProblemItem;
import io.duban.storage.model.ProgressReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After a report is stored: the metric figures written in its progress text are stored with it (a correction
 * without figures keeps the replaced row's), and its problems update the unit's problem items. The answer says what
 * was counted, the running total, and what happened to each problem item.
 */
public final class ReportMeasures implements ReportFollowUp {
    /** How much of a problem's text the line that registers it repeats (the problem list cuts the same way). */
    private static final int ITEM_CHARS = 24;

    private final MetricService metrics;
    private final ProblemService problems;
    private final int maxQuoteChars;

    public ReportMeasures(MetricService metrics, ProblemService problems, int maxQuoteChars) {
        this.metrics = metrics;
        this.problems = problems;
        this.maxQuoteChars = maxQuoteChars;
    }

    @Override
    public List<String> afterStore(WorkPlan plan, PlanTask task, ProgressReport stored,
                                   Optional<ProgressReport> replaced) {
        List<String> lines = new ArrayList<>();
        lines.addAll(metricLines(plan, task, stored, replaced));
        lines.addAll(problemLines(problems.onReport(stored, replaced.isEmpty())));
        return lines;
    }

    @Override
    public List<String> afterWithdraw(WorkPlan plan, PlanTask task, ProgressReport withdrawn) {
        List<String> lines = new ArrayList<>();
        for (ProblemItem p : problems.onWithdraw(withdrawn)) {
            lines.add("  问题" + p.id() + " 随报送撤回，已关闭");
        }
        if (!task.metrics().isEmpty() && !metrics.valuesOf(withdrawn.id()).isEmpty()) {
            metrics.totals(plan, task).forEach(t -> lines.add("  指标现为：" + t.line()));
        }
        return lines;
    }

    private List<String> metricLines(WorkPlan plan, PlanTask task, ProgressReport stored,
                                     Optional<ProgressReport> replaced) {
        if (task.metrics().isEmpty()) {
            return List.of();
        }
        MetricPhrases.Found found = MetricPhrases.find(stored.progress(), task.metrics());
        Map<String, Double> values = found.values();
        boolean kept = false;
        if (values.isEmpty() && replaced.isPresent()) {
            values = metrics.valuesOf(replaced.get().id());
            kept = !values.isEmpty();
        }
        metrics.record(stored, values);
        List<String> lines = new ArrayList<>();
        if (!values.isEmpty()) {
            List<MetricTotal> totals = metrics.totals(plan, task);
            for (Map.Entry<String, Double> v : values.entrySet()) {
                MetricDefinition def = task.measures().metric(v.getKey()).orElseThrow();
                String total = totals.stream().filter(t -> t.definition().name().equals(def.name())).findFirst()
                        .map(t -> "，" + def.combine().label() + " " + t.line()).orElse("");
                lines.add("  指标：" + def.name() + " " + MetricDefinition.format(v.getValue()) + " " + def.unit()
                        + (kept ? "（沿用原报送）" : "") + total);
            }
        }
        for (String bare : found.unnamed()) {
            lines.add("⚠ “" + UserText.escape(bare, 20) + "”未计入指标，如需计入请写明指标名，例如："
                    + MetricPhrases.example(task.number(), task.metrics().get(0)));
        }
        return lines;
    }

    private List<String> problemLines(ProblemService.Update update) {
        List<String> lines = new ArrayList<>();
        for (ProblemItem p : update.raised()) {
            // the echo above shows the problem; its start is enough to tell the items apart
            lines.add("  已登记问题" + p.id() + "：" + UserText.escape(p.text(), Math.min(maxQuoteChars, ITEM_CHARS))
                    + "（解决后请发：解决 问题" + p.id() + " 解决情况）");
        }
        for (ProblemItem p : update.mentioned()) {
            lines.add("  问题" + p.id() + " 仍在跟踪");
        }
        for (ProblemItem p : update.lapsed()) {
            lines.add("  问题" + p.id() + " 连续两次报送未再提及，已关闭（未再提及）；如仍存在请在报送中写明");
        }
        return lines;
    }
}
