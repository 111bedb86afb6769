package io.duban.bot.command;

import io.duban.bot.answer.OverviewAnswer;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.TaskStatus;
import io.duban.plan.WorkPlan;
import java.util.List;

/** {@code 进度 [页]}: the plan at a glance, leading with what needs attention, then each area; paged. */
public final class OverviewCommand implements Command {
    private final CurrentPlan plans;
    private final StatusBoard board;

    public OverviewCommand(CurrentPlan plans, StatusBoard board) {
        this.plans = plans;
        this.board = board;
    }

    @Override
    public String name() {
        return "进度";
    }

    @Override
    public List<String> aliases() {
        return List.of("总览", "status", "overview");
    }

    @Override
    public String summary() {
        return "全部任务按工作要点的红黄绿概览";
    }

    @Override
    public String example() {
        return "进度";
    }

    @Override
    public Access access() {
        return Access.LEADER;
    }

    @Override
    public boolean accepts(String args) {
        return Pages.accepts(args);
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        WorkPlan plan = plans.get();
        List<TaskStatus> all = board.tasks(plan);
        return Reply.of(OverviewAnswer.render(plan, all, board.today(), Pages.number(args)));
    }
}
