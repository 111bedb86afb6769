package io.duban.bot.command;

import io.duban.bot.closure.ClosureService;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.plan.WorkPlan;
import java.util.List;
import java.util.Optional;

/** {@code 退回办结 12 原因}: the office sends a closure request back. */
public final class ReturnClosureCommand implements Command {
    private final CurrentPlan plans;
    private final ClosureService service;
    private final ClosureReplies replies;

    public ReturnClosureCommand(ClosureService service, ClosureReplies replies, CurrentPlan plans) {
        this.plans = plans;
        this.service = service;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "退回办结";
    }

    @Override
    public List<String> aliases() {
        return List.of();
    }

    @Override
    public String summary() {
        return "退回办结申请并说明原因";
    }

    @Override
    public String example() {
        return "退回办结 12 请补充验收材料";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        Optional<TaskArgs> parsed = TaskArgs.parse(args);
        if (parsed.isEmpty()) {
            return Reply.of("请写明任务编号和退回原因，例如：退回办结 12 请补充验收材料");
        }
        WorkPlan plan = plans.get();
        return replies.returned(plan, service.returnRequest(plan, ctx.person(), parsed.get().task(),
                parsed.get().rest(), ctx.inboundId()));
    }
}
