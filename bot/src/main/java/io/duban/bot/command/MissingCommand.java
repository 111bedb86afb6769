package io.duban.bot.command;

import io.duban.bot.answer.MissingAnswer;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.report.ReportingWeek;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.status.WeekTally;
import io.duban.plan.WorkPlan;
import java.util.List;

/**
 * {@code 未报送}: units that still owe a report due in the current reporting week under each task's cadence, and
 * for which tasks. Contributors are never listed.
 */
public final class MissingCommand implements Command {
    private final CurrentPlan plans;
    private final StatusBoard board;

    public MissingCommand(CurrentPlan plans, StatusBoard board) {
        this.plans = plans;
        this.board = board;
    }

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
        return Pages.accepts(args);
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        WorkPlan plan = plans.get();
        ReportingWeek week = board.currentWeek();
        WeekTally tally = board.tally(plan, week);
        return Reply.of(MissingAnswer.render(week, tally, Pages.number(args)));
    }
}
