package io.duban.bot.command;

import io.duban.bot.closure.ClosureService;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.plan.WorkPlan;
import java.util.List;
import java.util.Optional;

/** {@code 申请办结 12 依据}: a member of the lead unit asks the office to close a task. */
public final class RequestClosureCommand implements Command {
    private final CurrentPlan plans;
    private final ClosureService service;
    private final ClosureReplies replies;

    public RequestClosureCommand(ClosureService service, ClosureReplies replies, CurrentPlan plans) {
        this.plans = plans;
        this.service = service;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "申请办结";
    }

    @Override
    public List<String> aliases() {
        return List.of("办结申请");
    }

    @Override
    public String summary() {
        return "牵头单位申请任务办结（销号），写明依据";
    }

    @Override
    public String example() {
        return "申请办结 12 全部项目已验收，附验收报告";
    }

    @Override
    public Access access() {
        return Access.REGISTERED;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        Optional<TaskArgs> parsed = TaskArgs.parse(args);
        if (parsed.isEmpty()) {
            return Reply.of("请写明任务编号和办结依据，例如：申请办结 12 全部项目已验收，附验收报告");
        }
        WorkPlan plan = plans.get();
        return replies.requested(plan, service.request(plan, ctx.person(), parsed.get().task(), parsed.get().rest(),
                ctx.inboundId()));
    }
}
