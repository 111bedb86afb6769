package io.duban.bot.duty;

import io.duban.plan.Cadence;
import io.duban.plan.PlanArea;
import io.duban.plan.PlanTask;
import io.duban.plan.Reporting;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ReportingChange;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plan as the office has set it: the plan file's reporting settings, with each task's latest change made in
 * chat (设置 12 每两周) in their place. Every view reads the plan through here, so a change applies everywhere.
 */
public final class ReportingOverrides {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private ReportingOverrides() {
    }

    /** The configured current plan with the changes stored in chat: what every view works on. */
    public static WorkPlan currentPlan(io.duban.config.ConfigDirectory config, io.duban.storage.Storage storage) {
        WorkPlan file = config.currentPlan();
        return apply(file, storage.reportingChanges().latestPerTask(file.year()), config.settings().zone());
    }

    public static WorkPlan apply(WorkPlan plan, List<ReportingChange> latestPerTask, ZoneId zone) {
        if (latestPerTask.isEmpty()) {
            return plan;
        }
        Map<Integer, ReportingChange> byTask = latestPerTask.stream()
                .filter(c -> c.planYear() == plan.year())
                .collect(Collectors.toMap(ReportingChange::taskNumber, Function.identity(), (a, b) -> a.id() > b.id() ? a : b));
        if (byTask.isEmpty()) {
            return plan;
        }
        return new WorkPlan(plan.year(), plan.title(), plan.document(), plan.start(), plan.deadline(),
                plan.areas().stream().map(a -> new PlanArea(a.number(), a.name(), a.tasks().stream()
                        .map(t -> byTask.containsKey(t.number()) ? changed(t, byTask.get(t.number()), zone) : t)
                        .toList())).toList());
    }

    private static PlanTask changed(PlanTask t, ReportingChange c, ZoneId zone) {
        Cadence.Kind kind = Cadence.Kind.parse(c.cadence()).orElse(t.cadence().kind());
        Cadence cadence = new Cadence(kind, kind == Cadence.Kind.MONTHLY ? c.monthWeek() : 0,
                kind == Cadence.Kind.BEFORE_HOLIDAYS ? c.holidays() : List.of());
        boolean owe = c.responsibleOwe() && !t.responsibleUnits().isEmpty();
        String reason = "管理员 " + c.changedBy() + " 于 " + c.changedAt().atZone(zone).format(DAY) + " 在群里修改";
        return t.withReporting(new Reporting(cadence, owe, reason));
    }
}
