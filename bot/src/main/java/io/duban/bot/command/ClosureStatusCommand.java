package io.duban.bot.command;

import io.duban.bot.closure.ClosureService;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import java.util.List;

/** {@code 办结情况}: closed tasks, pending requests and open tasks. */
public final class ClosureStatusCommand implements Command {
    private final CurrentPlan plans;
    private final ClosureService service;
    private final ClosureReplies replies;

    public ClosureStatusCommand(ClosureService service, ClosureReplies replies, CurrentPlan plans) {
        this.plans = plans;
        this.service = service;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "办结情况";
    }

    @Override
    public List<String> aliases() {
        return List.of("销号情况");
    }

    @Override
    public String summary() {
        return "查看已销号、待审核和未销号的任务";
    }

    @Override
    public String example() {
        return "办结情况";
    }

    @Override
    public Access access() {
        return Access.LEADER;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        return replies.overview(service.overview(plans.get()));
    }
}
