package io.duban.bot.command;

import io.duban.bot.answer.UnitAnswer;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.TaskStatus;
import io.duban.config.Settings;
import io.duban.plan.Organization;
import io.duban.plan.WorkPlan;
import java.util.List;

/** {@code 单位 农管科}: one unit's tasks and its part in each. */
public final class UnitCommand implements Command {
    private final CurrentPlan plans;
    private final StatusBoard board;
    private final Organization org;
    private final Quoter quoter;
    private final Settings settings;

    public UnitCommand(CurrentPlan plans, StatusBoard board, Organization org, Quoter quoter, Settings settings) {
        this.plans = plans;
        this.board = board;
        this.org = org;
        this.quoter = quoter;
        this.settings = settings;
    }

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
        if (!org.isUnit(unit)) {
            return Reply.of("没有名为“" + quoter.quote(args) + "”的单位。可用单位："
                    + String.join("、", org.units()) + "。例如：单位 农管科");
        }
        return Reply.of(render(unit, "单位 " + unit, page));
    }

    String render(String unit, String moreCommand, int page) {
        WorkPlan plan = plans.get();
        List<TaskStatus> tasks = board.tasks(plan).stream()
                .filter(s -> !s.closed())
                .filter(s -> s.parts().stream().anyMatch(p -> p.unit().equals(unit))).toList();
        if (tasks.isEmpty()) {
            return unit + " 在 " + plan.year() + " 年计划中没有待办任务。";
        }
        java.util.Set<Integer> dueNow = new java.util.HashSet<>();
        board.dueThisWeek(plan, unit).forEach(t -> dueNow.add(t.number()));
        return UnitAnswer.render(unit, tasks, board.currentWeek(), settings.zone(),
                t -> org.owes(t, unit), dueNow, moreCommand, page);
    }
}
