package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.report.ReportingWeek;
import io.duban.plan.WorkPlan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code 未报送}: units that still owe a report due in the current reporting week under each task's cadence, and
 * for which tasks. Contributors are never listed.
 */
public final class MissingCommand implements Command {
    @Override
    public String name() {
        return "未报送";
    }

    @Override
    public List<String> aliases() {
        return List.of("missing");
    }

    @Override
    public String summary() {
        return "本周尚未报送的单位及其任务";
    }

    @Override
    public String example() {
        return "未报送";
    }

    @Override
    public Access access() {
        return Access.LEADER;
    }

    @Override
    public boolean accepts(String args) {
        return args.isEmpty();
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        WorkPlan plan = ctx.services().plan();
        ReportingWeek week = ctx.services().board().currentWeek();
        Map<String, List<Integer>> missing = ctx.services().board().unitsNotReported(plan, week);
        int units = ctx.services().board().calculator(plan).unitsAskedIn(week, ctx.services().board().facts(plan)).size();
        if (missing.isEmpty()) {
            return Reply.of("本周（" + week.span() + "）" + units + " 个单位均已报送。");
        }
        StringBuilder sb = new StringBuilder("本周（" + week.span() + "）尚未报送：" + missing.size() + "/" + units + " 个单位");
        missing.forEach((unit, tasks) -> sb.append("\n· ").append(unit).append("（任务 ")
                .append(tasks.stream().map(String::valueOf).collect(Collectors.joining("、"))).append("）"));
        return Reply.of(sb.toString());
    }
}
