package io.duban.bot.schedule;

import io.duban.plan.PlanTask;
import io.duban.storage.model.Address;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Thursday's prompt into each unit's group: the unit's open tasks (lead first), each with its last reported state,
 * the reply format and the time replies are due.
 */
final class WeeklyPromptComposer implements Composer {
    private final RhythmContext ctx;
    private final ReplyDeadline deadline;

    WeeklyPromptComposer(RhythmContext ctx, ReplyDeadline deadline) {
        this.ctx = ctx;
        this.deadline = deadline;
    }

    @Override
    public List<OutboundMessage> compose(PlannedRun run) {
        LocalDate day = run.at().toLocalDate();
        IsoWeek week = IsoWeek.of(run.nominalDate());
        Recipients to = Recipients.load(ctx.storage());
        ReportView reports = ctx.reports();
        String due = deadline.text(week);
        List<OutboundMessage> out = new ArrayList<>();
        for (String unit : ctx.reportingUnits(day)) {
            List<PlanTask> tasks = ctx.tasksOf(unit, day);
            String text = text(unit, tasks, week, due, reports, run);
            for (String chat : to.unitChats(unit)) {
                out.add(OutboundMessage.text(Address.group(chat), text, List.of(), run.dedupeKey(chat)));
            }
        }
        return out;
    }

    private String text(String unit, List<PlanTask> tasks, IsoWeek week, String due, ReportView reports,
                        PlannedRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("【每周进展填报】").append(week.label()).append('\n');
        sb.append(unit).append("的各位同事好！").append(due).append("报送本周进展。本单位负责以下 ")
                .append(tasks.size()).append(" 项任务：\n");
        for (PlanTask t : tasks) {
            sb.append('\n').append(t.number()).append(".（").append(ctx.org().isLead(t, unit) ? "牵头" : "责任")
                    .append("）").append(t.shortText(40)).append('\n');
            sb.append("   ").append(lastState(reports.latest(t.number(), unit, run.at().toInstant()), week))
                    .append('\n');
        }
        int example = tasks.isEmpty() ? 1 : tasks.get(0).number();
        sb.append("\n报送方式：在本群 @").append(ctx.botName()).append("，每项任务一条，格式：\n");
        sb.append('@').append(ctx.botName()).append(' ').append(example).append(" 60% 本周进展；问题：…；下一步：…");
        return sb.toString();
    }

    static String lastState(Optional<ProgressReport> report, IsoWeek week) {
        if (report.isEmpty()) {
            return "上次报送：尚无";
        }
        ProgressReport r = report.get();
        String state = (r.percent().isPresent() ? r.percent().getAsInt() + "%" : "未填进度")
                + r.status().map(ReportStatus::label).map(s -> "，" + s).orElse("");
        if (r.reportWeek().equals(week.key())) {
            return "本周已报送：" + state;
        }
        return "上次报送（" + weekOf(r.reportWeek()) + "）：" + state;
    }

    private static String weekOf(String key) {
        int i = key.indexOf("-W");
        return i < 0 ? key : "第" + Integer.parseInt(key.substring(i + 2)) + "周";
    }
}
