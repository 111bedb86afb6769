package io.duban.bot.schedule;

import io.duban.bot.milestone.TaskMilestone;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.TaskStatus;
import io.duban.plan.PlanTask;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings 30, 14 and 7 days before a task's deadline and before each of its milestones not yet met, one message per
 * lead unit listing its tasks.
 */
final class DeadlineWarningComposer implements Composer {
    private final RhythmContext ctx;
    private final DeadlineTiming timing;

    DeadlineWarningComposer(RhythmContext ctx, DeadlineTiming timing) {
        this.ctx = ctx;
        this.timing = timing;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        LocalDate day = run.at().toLocalDate();
        Map<PlanTask, Long> warned = timing.warningsOn(day);
        StatusBoard board = ctx.board(run.at().toInstant());
        List<TaskStatus> statuses = board.tasks(ctx.plan());
        // A task already at 100% (done, waiting for 销号) needs no warning.
        statuses.stream()
                .filter(s -> s.percent() >= 100 || s.closed())
                .forEach(s -> warned.remove(s.task()));
        // Milestones: only those not met yet (confirmed reached, or the task's percent already there).
        Map<PlanTask, List<Map.Entry<TaskMilestone, Long>>> milestones =
                timing.milestoneWarningsOn(day, board.milestones(ctx.plan()));
        for (TaskStatus s : statuses) {
            List<Map.Entry<TaskMilestone, Long>> due = milestones.get(s.task());
            if (due != null) {
                due.removeIf(e -> s.closed() || s.percent() >= 100 || e.getKey().met(s.percent()));
                if (due.isEmpty()) {
                    milestones.remove(s.task());
                }
            }
        }
        Map<String, List<PlanTask>> byUnit = new LinkedHashMap<>();
        Map<String, List<PlanTask>> milestonesByUnit = new LinkedHashMap<>();
        for (PlanTask t : warned.keySet()) {
            for (String unit : ctx.org().expand(t.leadUnits())) {
                byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(t);
            }
        }
        for (PlanTask t : milestones.keySet()) {
            for (String unit : ctx.org().expand(t.leadUnits())) {
                byUnit.computeIfAbsent(unit, u -> new ArrayList<>());
                milestonesByUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(t);
            }
        }
        ReportView reports = ctx.reports();
        Recipients to = Recipients.load(ctx.storage());
        List<OutboundMessage> out = new ArrayList<>();
        byUnit.forEach((unit, tasks) -> {
            StringBuilder sb = new StringBuilder("【截止提醒】");
            if (!tasks.isEmpty()) {
                sb.append(unit).append("牵头的以下任务即将到期：\n");
            }
            for (PlanTask t : tasks) {
                sb.append(t.number()).append(". ").append(t.shortText(30)).append('\n')
                        .append("   截止 ").append(t.deadline()).append("（还有 ").append(warned.get(t))
                        .append(" 天），").append(current(reports, t, unit, run)).append('\n');
            }
            List<PlanTask> withMilestones = milestonesByUnit.getOrDefault(unit, List.of());
            if (!withMilestones.isEmpty()) {
                sb.append(unit).append("牵头的以下时间节点即将到期：\n");
            }
            for (PlanTask t : withMilestones) {
                sb.append(t.number()).append(". ").append(t.shortText(30)).append('\n');
                for (Map.Entry<TaskMilestone, Long> e : milestones.get(t)) {
                    sb.append("   节点 ").append(ctx.quote(e.getKey().milestone().label())).append("（还有 ")
                            .append(e.getValue())
                            .append(" 天），").append(current(reports, t, unit, run)).append('\n');
                }
            }
            sb.append("请抓紧推进，确保按期完成；如有困难，请在报送进展时写明问题。");
            for (String chat : to.unitChats(unit)) {
                out.add(OutboundMessage.text(Address.group(chat), sb.toString(), List.of(), run.dedupeKey(chat)));
            }
        });
        return out;
    }

    private static String current(ReportView reports, PlanTask t, String unit, PlannedRun run) {
        return reports.latest(t.number(), unit, run.at().toInstant())
                .filter(r -> r.percent().isPresent()).map(r -> "当前 " + r.percent().getAsInt() + "%")
                .orElse("尚无进度");
    }
}
