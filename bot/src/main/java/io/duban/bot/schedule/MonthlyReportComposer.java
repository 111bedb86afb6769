package io.duban.bot.schedule;

import io.duban.bot.metric.MetricTotal;
import io.duban.bot.status.Colour;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.TaskStatus;
import io.duban.plan.PlanTask;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * The monthly 通报 into the leaders' group: problems waiting for a consultation (待会商) first, then completion rate,
 * red/yellow/green counts, overdue tasks, the metrics' running totals and each unit's reporting rate over the month's reporting weeks so far (a week counts when the unit sent at least one report).
 */
final class MonthlyReportComposer implements Composer {
    private final RhythmContext ctx;
    private final DayShifter shifter;

    MonthlyReportComposer(RhythmContext ctx, DayShifter shifter) {
        this.ctx = ctx;
        this.shifter = shifter;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        String text = text(YearMonth.parse(run.period()), run.at().toLocalDate(), run.at().toInstant());
        return Recipients.load(ctx.storage()).leaderChats().stream()
                .map(chat -> OutboundMessage.text(Address.group(chat), text, List.of(), run.dedupeKey(chat)))
                .toList();
    }

    String text(YearMonth month, LocalDate day, Instant at) {
        StatusBoard board = ctx.board(at);
        List<PlanTask> open = ctx.openTasks(day);
        List<TaskStatus> all = board.tasks(ctx.plan());
        long done = all.stream().filter(s -> s.closed() || s.percent() >= 100).count();
        List<TaskStatus> statuses = all.stream().filter(s -> open.contains(s.task())).toList();
        long red = statuses.stream().filter(s -> s.colour() == Colour.RED).count();
        long yellow = statuses.stream().filter(s -> s.colour() == Colour.YELLOW).count();
        StringBuilder sb = new StringBuilder();
        sb.append("【月度通报】").append(month.getYear()).append("年").append(month.getMonthValue()).append("月（截至")
                .append(Texts.monthDay(day)).append("）\n").append(ctx.plan().title()).append('\n');
        sb.append(ConsultLines.block(ctx.awaitingConsultation(at), ctx));
        sb.append("完成率：已完成 ").append(done).append(" 项／共 ").append(all.size()).append(" 项（")
                .append(pct(done, all.size())).append("）\n");
        sb.append("红灯 ").append(red).append(" 项，黄灯 ").append(yellow).append(" 项，绿灯 ")
                .append(statuses.size() - red - yellow).append(" 项\n");
        List<TaskStatus> overdue = statuses.stream().filter(s -> s.daysToDeadline() < 0 && s.percent() < 100).toList();
        sb.append("逾期任务：").append(overdue.isEmpty() ? "无" : overdue.size() + " 项").append('\n');
        for (TaskStatus s : overdue) {
            sb.append("· ").append(s.task().number()).append(". ").append(s.task().shortText(24)).append("（")
                    .append(String.join("、", s.task().leadUnits())).append("牵头，")
                    .append(WeeklySummaryComposer.deadlineText(s.daysToDeadline())).append("，进度 ")
                    .append(s.percent()).append("%）\n");
        }
        List<MetricTotal> metrics = ctx.metricTotals(at).stream().filter(m -> open.contains(m.task())).toList();
        if (!metrics.isEmpty()) {
            sb.append("工作指标：\n");
            for (MetricTotal m : metrics) {
                sb.append("  ").append(m.task().number()).append(". ").append(m.line()).append('\n');
            }
        }
        // Each unit's rate over the reports due from it this month under each task's cadence (one truth: the due
        // component), counted up to the run day.
        io.duban.bot.duty.DueCalculator due = ctx.due();
        io.duban.bot.duty.ReportFacts facts = ctx.facts(at);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth().isBefore(day) ? month.atEndOfMonth() : day;
        List<String> units = ctx.reportingUnits(day);
        io.duban.bot.duty.ReportingRate total = new io.duban.bot.duty.ReportingRate(0, 0);
        StringBuilder lines = new StringBuilder();
        for (String unit : units) {
            io.duban.bot.duty.ReportingRate r = due.rate(unit, first, last, day, facts);
            if (r.owed() == 0) {
                continue;
            }
            total = total.plus(r);
            lines.append("  ").append(unit).append(" ").append(r.label()).append('\n');
        }
        sb.append("各单位报送率（本月应报 ").append(total.owed()).append(" 份，按时 ").append(total.covered())
                .append(" 份）：\n").append(lines);
        return sb.toString().stripTrailing();
    }

    private static String pct(long a, long b) {
        return b == 0 ? "—" : String.format(Locale.ROOT, "%.0f%%", a * 100.0 / b);
    }
}
