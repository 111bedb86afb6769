package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.answer.UnitAnswer;
import io.duban.bot.status.TaskStatus;
import io.duban.plan.WorkPlan;
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
        String unit = args.replaceFirst("\\s+\\d{1,2}$", "").strip();
        int page = unit.equals(args) ? 1 : Integer.parseInt(args.substring(unit.length()).strip());
        if (!ctx.services().org().isUnit(unit)) {
            return Reply.of("没有名为“" + ctx.services().quote(args) + "”的单位。可用单位："
                    + String.join("、", ctx.services().org().units()) + "。例如：单位 农管科");
        }
        return Reply.of(render(ctx.services(), unit, "单位 " + unit, page));
    }

    static String render(Services services, String unit, String moreCommand, int page) {
        WorkPlan plan = services.plan();
        List<TaskStatus> tasks = services.board().tasks(plan).stream()
                .filter(s -> !s.closed())
                .filter(s -> s.parts().stream().anyMatch(p -> p.unit().equals(unit))).toList();
        if (tasks.isEmpty()) {
            return unit + " 在 " + plan.year() + " 年计划中没有待办任务。";
        }
        java.util.Set<Integer> dueNow = new java.util.HashSet<>();
        services.board().dueThisWeek(plan, unit).forEach(t -> dueNow.add(t.number()));
        return UnitAnswer.render(unit, tasks, services.board().currentWeek(), services.config().settings().zone(),
                t -> services.org().owes(t, unit), dueNow, moreCommand, page);
    }
}
