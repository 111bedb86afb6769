package io.duban.bot.command;

import io.duban.bot.closure.ClosureService;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.plan.WorkPlan;
import java.util.List;
import java.util.Optional;

/** {@code 销号 12}: the office approves a pending closure request. */
public final class CloseTaskCommand implements Command {
    private final CurrentPlan plans;
    private final ClosureService service;
    private final ClosureReplies replies;

    public CloseTaskCommand(ClosureService service, ClosureReplies replies, CurrentPlan plans) {
        this.plans = plans;
        this.service = service;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "销号";
    }

    @Override
    public List<String> aliases() {
        return List.of("close");
    }

    @Override
    public String summary() {
        return "同意办结申请，任务销号";
    }

    @Override
    public String example() {
        return "销号 12";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        Optional<TaskArgs> parsed = TaskArgs.parse(args);
        if (parsed.isEmpty()) {
            return Reply.of("请写明要销号的任务编号，例如：销号 12");
        }
        WorkPlan plan = plans.get();
        return replies.approved(plan, service.approve(plan, ctx.person(), parsed.get().task(), parsed.get().rest(),
                ctx.inboundId()));
    }
}
