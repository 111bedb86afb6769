package io.duban.bot.schedule;

import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Interim traffic lights (red: overdue or blocked; yellow: no or stale report, behind pace, due within 14 days;
 * green otherwise). The headline is the latest report of the lead units. To be replaced by the lead's StatusBoard.
 */
final class TaskLights {
    private final RhythmContext ctx;
    private final ReportView reports;
    private final ZoneId zone;

    TaskLights(RhythmContext ctx, ReportView reports) {
        this.ctx = ctx;
        this.reports = reports;
        this.zone = ctx.settings().zone();
    }

    List<TaskLight> all(List<PlanTask> tasks, Instant asOf) {
        return tasks.stream().map(t -> light(t, asOf)).toList();
    }

    TaskLight light(PlanTask t, Instant asOf) {
        LocalDate today = asOf.atZone(zone).toLocalDate();
        Optional<ProgressReport> now = headline(t, asOf);
        Optional<ProgressReport> before = headline(t, asOf.minus(7, ChronoUnit.DAYS));
        OptionalInt percent = now.map(ProgressReport::percent).orElse(OptionalInt.empty());
        OptionalInt previous = before.map(ProgressReport::percent).orElse(OptionalInt.empty());
        long daysLeft = ChronoUnit.DAYS.between(today, t.deadline());
        TaskLight.Colour colour;
        String reason;
        boolean done = now.flatMap(ProgressReport::status).filter(s -> s == ReportStatus.DONE).isPresent()
                || (percent.isPresent() && percent.getAsInt() >= 100);
        WorkPlan plan = ctx.plan();
        long total = Math.max(1, ChronoUnit.DAYS.between(plan.start(), t.deadline()));
        long elapsed = Math.max(0, ChronoUnit.DAYS.between(plan.start(), today));
        int expected = (int) Math.min(100, elapsed * 100 / total);
        int staleWeeks = ctx.config().settings().staleWeeks();
        if (done) {
            colour = TaskLight.Colour.GREEN;
            reason = "已完成";
        } else if (daysLeft < 0) {
            colour = TaskLight.Colour.RED;
            reason = "已逾期";
        } else if (now.flatMap(ProgressReport::status).filter(s -> s == ReportStatus.BLOCKED).isPresent()) {
            colour = TaskLight.Colour.RED;
            reason = "报告受阻";
        } else if (now.isEmpty()) {
            colour = TaskLight.Colour.YELLOW;
            reason = "牵头单位尚无报送";
        } else if (ChronoUnit.DAYS.between(now.get().reportedAt(), asOf) > 7L * staleWeeks) {
            colour = TaskLight.Colour.YELLOW;
            reason = "超过 " + staleWeeks + " 周未更新";
        } else if (percent.isPresent() && percent.getAsInt() + ctx.config().settings().paceTolerancePercent() < expected) {
            colour = TaskLight.Colour.YELLOW;
            reason = "进度落后（按时间应达约 " + expected + "%）";
        } else if (daysLeft <= 14) {
            colour = TaskLight.Colour.YELLOW;
            reason = "临近截止";
        } else {
            colour = TaskLight.Colour.GREEN;
            reason = "按计划推进";
        }
        return new TaskLight(t, colour, reason, percent, previous, daysLeft);
    }

    /** The latest report of the task's lead units at {@code asOf}. */
    Optional<ProgressReport> headline(PlanTask t, Instant asOf) {
        return ctx.org().expand(t.leadUnits()).stream()
                .map(u -> reports.latest(t.number(), u, asOf))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(ProgressReport::reportedAt));
    }
}
