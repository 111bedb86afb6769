package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.status.TaskStatus;
import io.duban.bot.status.UnitPart;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProgressReport;
import java.util.List;

/** {@code 单位 农管科}: one unit's tasks and its part in each. */
public final class UnitCommand implements Command {
    @Override
    public String name() {
        return "单位";
    }

    @Override
    public List<String> aliases() {
        return List.of("unit");
    }

    @Override
    public String summary() {
        return "查看某单位的全部任务与报送情况";
    }

    @Override
    public String example() {
        return "单位 农管科";
    }

    @Override
    public Access access() {
        return Access.LEADER;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        if (args.isEmpty()) {
            return Reply.of("请写明单位名称，例如：单位 农管科");
        }
        if (!ctx.services().org().isUnit(args)) {
            return Reply.of("没有名为“" + ctx.services().quote(args) + "”的单位。可用单位："
                    + String.join("、", ctx.services().org().units()) + "。例如：单位 农管科");
        }
        return Reply.of(render(ctx.services(), args));
    }

    static String render(Services services, String unit) {
        WorkPlan plan = services.plan();
        List<TaskStatus> tasks = services.board().tasks(plan).stream()
                .filter(s -> s.parts().stream().anyMatch(p -> p.unit().equals(unit))).toList();
        if (tasks.isEmpty()) {
            return unit + " 在 " + plan.year() + " 年计划中没有任务。";
        }
        String week = services.board().currentWeek().toString();
        StringBuilder sb = new StringBuilder("【" + unit + "】共 " + tasks.size() + " 项任务（★为牵头）");
        for (TaskStatus s : tasks) {
            UnitPart part = s.parts().stream().filter(p -> p.unit().equals(unit)).findFirst().orElseThrow();
            sb.append("\n").append(s.colour().symbol()).append(part.lead() ? " ★任务 " : " 任务 ")
                    .append(s.task().number()).append(" ").append(s.task().shortText(14)).append("：");
            if (part.latest().isEmpty()) {
                sb.append("尚未报送");
            } else {
                ProgressReport r = part.latest().get();
                sb.append(r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—")
                        .append(r.reportWeek().equals(week) ? "（本周已报）" : "（"
                                + Formats.day(r.reportedAt(), services.config().settings().zone()) + "）");
            }
        }
        return sb.toString();
    }
}
