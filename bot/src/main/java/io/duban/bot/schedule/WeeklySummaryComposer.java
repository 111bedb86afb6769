package io.duban.bot.schedule;

import io.duban.bot.status.Colour;
import io.duban.bot.status.KpiStatus;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.TaskStatus;
import io.duban.plan.PlanArea;
import io.duban.plan.PlanTask;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.ProgressReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Monday's summary of last week into the leaders' group. It leads with what needs a leader's attention: red and
 * yellow tasks with their reasons, problems raised, units that did not report (two weeks running listed apart)
 * and the KPI; then every task by area with its colour, percent, change since the week before and days to the
 * deadline. Colours, reasons, missing units and the KPI come from the lead's {@link StatusBoard}.
 */
final class WeeklySummaryComposer implements Composer {
    /** Every red task is listed under 需关注; yellow ones up to this many, so that the top stays short. */
    static final int MAX_YELLOW = 8;

    private final RhythmContext ctx;
    private final DayShifter shifter;

    WeeklySummaryComposer(RhythmContext ctx, DayShifter shifter) {
        this.ctx = ctx;
        this.shifter = shifter;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        IsoWeek week = IsoWeek.of(run.nominalDate()).previous();   // the run's period
        if (week.sunday().isBefore(ctx.plan().start()) || week.monday().isAfter(ctx.plan().deadline())) {
            return List.of();
        }
        String text = text(week, run.at().toLocalDate(), run.at().toInstant());
        return Recipients.load(ctx.storage()).leaderChats().stream()
                .map(chat -> OutboundMessage.text(Address.group(chat), text, List.of(), run.dedupeKey(chat)))
                .toList();
    }

    String text(IsoWeek week, LocalDate day, Instant at) {
        StatusBoard board = ctx.board(at);
        ReportView reports = ctx.reports();
        Instant weekBefore = week.monday().atStartOfDay(ctx.settings().zone()).toInstant();
        List<PlanTask> open = ctx.openTasks(day);
        List<TaskStatus> statuses = board.tasks(ctx.plan()).stream()
                .filter(s -> open.contains(s.task())).toList();
        long red = statuses.stream().filter(s -> s.colour() == Colour.RED).count();
        long yellow = statuses.stream().filter(s -> s.colour() == Colour.YELLOW).count();

        StringBuilder sb = new StringBuilder();
        sb.append("【督办周报】").append(week.label()).append('\n').append(ctx.plan().title()).append('\n');
        sb.append("共 ").append(statuses.size()).append(" 项任务：红灯 ").append(red).append(" 项，黄灯 ").append(yellow)
                .append(" 项，绿灯 ").append(statuses.size() - red - yellow).append(" 项。\n");
        String consult = ConsultLines.block(ctx.awaitingConsultation(at), ctx);
        if (!consult.isEmpty()) {
            sb.append('\n').append(consult);
        }

        sb.append("\n一、需关注\n");
        List<TaskStatus> attention = new ArrayList<>();
        statuses.stream().filter(s -> s.colour() == Colour.RED).forEach(attention::add);
        statuses.stream().filter(s -> s.colour() == Colour.YELLOW).limit(MAX_YELLOW).forEach(attention::add);
        if (attention.isEmpty()) {
            sb.append("没有红灯、黄灯任务。\n");
        }
        for (TaskStatus s : attention) {
            sb.append(s.colour().symbol()).append(s.colour().label()).append(' ').append(s.task().number())
                    .append(". ").append(s.task().shortText(20)).append("（").append(String.join("、", s.task().leadUnits()))
                    .append("牵头）").append(percentWithChange(s, reports, weekBefore)).append("；")
                    .append(s.reason()).append("；").append(deadlineText(s.daysToDeadline())).append('\n');
        }
        if (yellow > MAX_YELLOW) {
            sb.append("另有 ").append(yellow - MAX_YELLOW).append(" 项黄灯任务，见第五部分。\n");
        }

        List<ProgressReport> problems = reports.inWeek(week).stream().filter(ProgressReport::hasProblems)
                .filter(r -> open.stream().anyMatch(t -> t.number() == r.taskNumber())).toList();
        sb.append("\n二、存在问题（").append(problems.size()).append(" 条）\n");
        if (problems.isEmpty()) {
            sb.append("本周没有单位提出问题。\n");
        }
        for (ProgressReport r : problems) {
            sb.append("· ").append(r.taskNumber()).append(" ").append(r.unit()).append("：")
                    .append(ctx.quote(r.problems())).append('\n');
        }

        // A unit "did not report" when it sent nothing at all in the week; units that sent some but not all of
        // their tasks are "not complete" (the 未报送 command lists their tasks).
        // Only units that owed something in the week count (the due component decides, under each task's cadence).
        io.duban.bot.duty.DueCalculator due = ctx.due();
        io.duban.bot.duty.ReportFacts facts = ctx.facts(at);
        List<String> units = due.unitsAskedIn(week.reportingWeek(), facts);
        Map<String, List<Integer>> owing = board.unitsNotReported(ctx.plan(), week.reportingWeek());
        Set<String> reported = reports.unitsReportedIn(week);
        List<String> askedBefore = due.unitsAskedIn(week.previous().reportingWeek(), facts);
        Set<String> reportedBefore = new java.util.HashSet<>(units);
        if (reportingWeek(week.previous())) {
            reportedBefore.removeIf(askedBefore::contains);
            reportedBefore.addAll(reports.unitsReportedIn(week.previous()));
        }
        List<String> silent = units.stream().filter(u -> !reported.contains(u)).toList();
        List<String> twice = silent.stream().filter(u -> !reportedBefore.contains(u)).toList();
        List<String> once = silent.stream().filter(u -> reportedBefore.contains(u)).toList();
        List<String> partial = units.stream().filter(u -> reported.contains(u) && owing.containsKey(u)).toList();
        sb.append("\n三、报送情况：").append(units.size()).append(" 个单位中 ").append(units.size() - silent.size())
                .append(" 个有报送，").append(units.size() - silent.size() - partial.size()).append(" 个已报齐\n");
        if (silent.isEmpty()) {
            sb.append("全部单位均有报送。\n");
        }
        if (!twice.isEmpty()) {
            sb.append("连续两周未报送：").append(String.join("、", twice)).append('\n');
        }
        if (!once.isEmpty()) {
            sb.append("本周未报送：").append(String.join("、", once)).append('\n');
        }
        if (!partial.isEmpty()) {
            sb.append("未报齐：").append(String.join("、", partial)).append("（@").append(ctx.botName())
                    .append(" 未报送 可查看缺哪些任务）\n");
        }

        List<KpiStatus> kpis = board.kpis(ctx.plan()).stream()
                .filter(k -> open.contains(k.task())).toList();
        if (!kpis.isEmpty()) {
            sb.append("\n四、指标\n");
            kpis.forEach(k -> sb.append(kpiLine(k)).append('\n'));
        }

        sb.append("\n五、各项任务\n");
        for (PlanArea area : ctx.plan().areas()) {
            List<TaskStatus> inArea = statuses.stream().filter(s -> s.task().areaNumber() == area.number()).toList();
            if (inArea.isEmpty()) {
                continue;
            }
            sb.append(area.name()).append('\n');
            for (TaskStatus s : inArea) {
                sb.append("  ").append(s.colour().symbol()).append(' ').append(s.task().number()).append(". ")
                        .append(s.task().shortText(16)).append(" ").append(percentWithChange(s, reports, weekBefore))
                        .append("，").append(deadlineText(s.daysToDeadline())).append('\n');
            }
        }
        sb.append("\n详情请在群里 @").append(ctx.botName()).append(" 查询，例如：@").append(ctx.botName()).append(" 帮助");
        return sb.toString();
    }

    /** {@code 60%（+10）}, {@code 60%（持平）}, {@code 60%（新报）}, {@code 暂无报送}. */
    private String percentWithChange(TaskStatus s, ReportView reports, Instant weekBefore) {
        if (s.headline().isEmpty()) {
            return "暂无报送";
        }
        Optional<Integer> before = headlineAt(s.task(), reports, weekBefore);
        String p = s.percent() + "%";
        if (before.isEmpty()) {
            return p + "（新报）";
        }
        int delta = s.percent() - before.get();
        return p + (delta == 0 ? "（持平）" : delta > 0 ? "（+" + delta + "）" : "（" + delta + "）");
    }

    /** The headline percent at a moment: the lead units' latest report, else any unit's (as the board does). */
    private Optional<Integer> headlineAt(PlanTask t, ReportView reports, Instant at) {
        Comparator<ProgressReport> newest = Comparator.comparingLong(ProgressReport::id);
        Optional<ProgressReport> lead = ctx.org().expand(t.leadUnits()).stream()
                .flatMap(u -> reports.latest(t.number(), u, at).stream()).max(newest);
        Optional<ProgressReport> any = lead.isPresent() ? lead : ctx.org().assignedUnits(t).stream()
                .flatMap(u -> reports.latest(t.number(), u, at).stream()).max(newest);
        return any.map(r -> r.percent().isPresent() ? r.percent().getAsInt() : 0);
    }

    static String deadlineText(long days) {
        return days >= 0 ? "距截止 " + days + " 天" : "已逾期 " + (-days) + " 天";
    }

    static String kpiLine(KpiStatus k) {
        String target = "目标 " + trim(k.kpi().targetPercent()) + "%";
        if (!k.hasData()) {
            return k.task().number() + ". " + k.kpi().name() + "：暂无数据（" + target + "）";
        }
        return k.task().number() + ". " + k.kpi().name() + "：" + String.format(Locale.ROOT, "%.1f", k.percent())
                + "%（" + target + "，" + k.kpi().numeratorLabel() + " " + k.numerator() + "／"
                + k.kpi().denominatorLabel() + " " + k.denominator() + (k.met() ? "，已达标" : "，未达标") + "）";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A week in which units were asked to report: it has working days and lies in the plan. */
    private boolean reportingWeek(IsoWeek w) {
        return !shifter.calendar().workingDaysOfWeek(w.monday()).isEmpty()
                && !w.sunday().isBefore(ctx.plan().start()) && !w.monday().isAfter(ctx.plan().deadline());
    }
}
