package io.duban.bot.schedule;

import io.duban.plan.Kpi;
import io.duban.plan.PlanArea;
import io.duban.plan.PlanTask;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.ProgressReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Monday's summary of last week into the leaders' group. It leads with what needs a leader's attention: red and
 * yellow tasks with their reasons, problems raised, units that did not report (two weeks running listed apart)
 * and the KPI; then every task by area with its light, percent, change and days to the deadline.
 */
final class WeeklySummaryComposer implements Composer {
    private final RhythmContext ctx;
    private final DayShifter shifter;

    WeeklySummaryComposer(RhythmContext ctx, DayShifter shifter) {
        this.ctx = ctx;
        this.shifter = shifter;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        IsoWeek week = IsoWeek.of(run.nominalDate()).previous();
        LocalDate day = run.at().toLocalDate();
        if (week.sunday().isBefore(ctx.plan().start()) || week.monday().isAfter(ctx.plan().deadline())) {
            return List.of();
        }
        String text = text(week, day, week.sunday().plusDays(1).atStartOfDay(ctx.settings().zone()).toInstant());
        Recipients to = Recipients.load(ctx.storage());
        return to.leaderChats().stream()
                .map(chat -> OutboundMessage.text(Address.group(chat), text, List.of(), run.dedupeKey(chat)))
                .toList();
    }

    String text(IsoWeek week, LocalDate day, Instant asOf) {
        ReportView reports = new ReportView(ctx.storage().reports().allEffective(ctx.plan().year()));
        List<PlanTask> tasks = ctx.openTasks(day);
        List<TaskLight> lights = new TaskLights(ctx, reports).all(tasks, asOf);
        StringBuilder sb = new StringBuilder();
        sb.append("【督办周报】").append(week.label()).append('\n').append(ctx.plan().title()).append('\n');
        long red = lights.stream().filter(l -> l.colour() == TaskLight.Colour.RED).count();
        long yellow = lights.stream().filter(l -> l.colour() == TaskLight.Colour.YELLOW).count();
        sb.append("共 ").append(tasks.size()).append(" 项任务：红灯 ").append(red).append(" 项，黄灯 ").append(yellow)
                .append(" 项，绿灯 ").append(tasks.size() - red - yellow).append(" 项。\n");

        sb.append("\n一、需关注\n");
        List<TaskLight> attention = new ArrayList<>();
        lights.stream().filter(l -> l.colour() == TaskLight.Colour.RED).forEach(attention::add);
        lights.stream().filter(l -> l.colour() == TaskLight.Colour.YELLOW).forEach(attention::add);
        if (attention.isEmpty()) {
            sb.append("本周没有红灯、黄灯任务。\n");
        }
        for (TaskLight l : attention) {
            sb.append("【").append(l.colour().label()).append("】").append(l.task().number()).append(". ")
                    .append(l.task().shortText(24)).append("（").append(String.join("、", l.task().leadUnits()))
                    .append("牵头）").append(l.percentWithChange()).append("，").append(l.reason()).append("；")
                    .append(l.deadlineText()).append('\n');
        }

        List<ProgressReport> problems = reports.inWeek(week).stream().filter(ProgressReport::hasProblems).toList();
        sb.append("\n二、存在问题（").append(problems.size()).append(" 条）\n");
        if (problems.isEmpty()) {
            sb.append("本周没有单位提出问题。\n");
        }
        for (ProgressReport r : problems) {
            sb.append("· ").append(r.taskNumber()).append(" ").append(r.unit()).append("：")
                    .append(Texts.quote(r.problems(), ctx.maxQuoteChars())).append('\n');
        }

        List<String> units = ctx.reportingUnits(day);
        Set<String> reported = reports.unitsReportedIn(week);
        Set<String> reportedBefore = reports.unitsReportedIn(week.previous());
        boolean previousCounted = reportingWeek(week.previous());
        List<String> missing = units.stream().filter(u -> !reported.contains(u)).toList();
        List<String> twice = previousCounted
                ? missing.stream().filter(u -> !reportedBefore.contains(u)).toList() : List.of();
        List<String> once = missing.stream().filter(u -> !twice.contains(u)).toList();
        sb.append("\n三、报送情况：").append(units.size()).append(" 个单位中 ").append(units.size() - missing.size())
                .append(" 个已报送\n");
        if (missing.isEmpty()) {
            sb.append("全部单位已报送。\n");
        }
        if (!twice.isEmpty()) {
            sb.append("连续两周未报送：").append(String.join("、", twice)).append('\n');
        }
        if (!once.isEmpty()) {
            sb.append("本周未报送：").append(String.join("、", once)).append('\n');
        }

        kpiLine(reports, day, asOf).ifPresent(k -> sb.append("\n四、指标\n").append(k).append('\n'));

        sb.append("\n五、各项任务\n");
        for (PlanArea area : ctx.plan().areas()) {
            List<TaskLight> inArea = lights.stream().filter(l -> l.task().areaNumber() == area.number()).toList();
            if (inArea.isEmpty()) {
                continue;
            }
            sb.append(area.name()).append('\n');
            for (TaskLight l : inArea) {
                sb.append("  【").append(l.colour().label()).append("】").append(l.task().number()).append(". ")
                        .append(l.task().shortText(16)).append(" ").append(l.percentWithChange()).append("，")
                        .append(l.deadlineText()).append('\n');
            }
        }
        sb.append("\n详情请在群里 @").append(ctx.botName()).append(" 查询。");
        return sb.toString();
    }

    /** A week in which units were asked to report: it has working days and lies in the plan. */
    private boolean reportingWeek(IsoWeek w) {
        return !shifter.calendar().workingDaysOfWeek(w.monday()).isEmpty()
                && !w.sunday().isBefore(ctx.plan().start()) && !w.monday().isAfter(ctx.plan().deadline());
    }

    /** The KPI of the configured task (17): the lead unit's numbers if it reported them, else the units' sum. */
    Optional<String> kpiLine(ReportView reports, LocalDate day, Instant asOf) {
        Optional<PlanTask> task = ctx.plan().task(ctx.settings().kpiTask()).filter(t -> t.kpi().isPresent());
        if (task.isEmpty()) {
            return Optional.empty();
        }
        PlanTask t = task.get();
        Kpi kpi = t.kpi().orElseThrow();
        long num = 0;
        long den = 0;
        List<String> leads = ctx.org().expand(t.leadUnits());
        for (String lead : leads) {
            Optional<ProgressReport> r = reports.latest(t.number(), lead, asOf)
                    .filter(x -> x.kpiNumerator().isPresent() && x.kpiDenominator().isPresent());
            if (r.isPresent()) {
                num += r.get().kpiNumerator().getAsInt();
                den += r.get().kpiDenominator().getAsInt();
            }
        }
        if (den == 0) {
            for (String unit : ctx.org().assignedUnits(t)) {
                Optional<ProgressReport> r = reports.latest(t.number(), unit, asOf)
                        .filter(x -> x.kpiNumerator().isPresent() && x.kpiDenominator().isPresent());
                if (r.isPresent()) {
                    num += r.get().kpiNumerator().getAsInt();
                    den += r.get().kpiDenominator().getAsInt();
                }
            }
        }
        String target = "目标 " + trim(kpi.targetPercent()) + "%";
        if (den == 0) {
            return Optional.of(t.number() + ". " + kpi.name() + "：暂无数据（" + target + "）");
        }
        double pct = num * 100.0 / den;
        return Optional.of(t.number() + ". " + kpi.name() + "：" + String.format(Locale.ROOT, "%.1f", pct) + "%（"
                + target + "，" + kpi.numeratorLabel() + " " + num + "／" + kpi.denominatorLabel() + " " + den
                + (pct >= kpi.targetPercent() ? "，已达标" : "，未达标") + "）");
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
