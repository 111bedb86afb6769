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
        java.util.Set<Integer> dueNow = new java.util.HashSet<>();
        services.board().calculator(plan).dueFrom(unit, services.board().currentWeek(), services.board().facts(plan))
                .forEach(d -> dueNow.add(d.task().number()));
        StringBuilder sb = new StringBuilder("【" + unit + "】共 " + tasks.size() + " 项任务（★牵头；本周应报 "
                + dueNow.size() + " 项）");
        List<Integer> quiet = new java.util.ArrayList<>();
        // the tasks the unit owes first, then what it contributed; contributions it has not made are one line
        List<TaskStatus> ordered = new java.util.ArrayList<>(tasks.stream()
                .filter(s -> services.org().owes(s.task(), unit)).toList());
        ordered.addAll(tasks.stream().filter(s -> !services.org().owes(s.task(), unit)).toList());
        for (TaskStatus s : ordered) {
            UnitPart part = s.parts().stream().filter(p -> p.unit().equals(unit)).findFirst().orElseThrow();
            boolean owes = services.org().owes(s.task(), unit);
            if (!owes && part.latest().isEmpty()) {
                quiet.add(s.task().number());
                continue;
            }
            sb.append("\n").append(s.colour().symbol()).append(part.lead() ? " ★" : " ")
                    .append(s.task().label()).append("：");
            if (part.latest().isEmpty()) {
                sb.append("尚未报送");
            } else {
                ProgressReport r = part.latest().get();
                sb.append(r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—")
                        .append(r.reportWeek().equals(week) ? "（本周已报）" : "（"
                                + Formats.day(r.reportedAt(), services.config().settings().zone()) + "）");
            }
            sb.append(dueNow.contains(s.task().number()) ? "｜本周应报"
                    : owes ? "｜" + s.task().cadence().label() : "｜参与");
        }
        if (!quiet.isEmpty()) {
            sb.append("\n参与的任务（可随时补充，不催报）：").append(quiet.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining("、")));
        }
        return sb.toString();
    }
}
