package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.plan.Organization;
import java.util.List;

/** {@code 退回 12 [单位] 原因}: the office returns a report; it counts as not reported until resubmitted. */
public final class ReturnReportCommand implements Command {
    private final CurrentPlan plans;
    private final Organization org;
    private final ReviewReplies replies;

    public ReturnReportCommand(ReviewReplies replies, CurrentPlan plans, Organization org) {
        this.plans = plans;
        this.org = org;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "退回";
    }

    @Override
    public List<String> aliases() {
        return List.of("return");
    }

    @Override
    public String summary() {
        return "退回报送并说明原因，退回后计为未报送";
    }

    @Override
    public String example() {
        return "退回 12 请补充采购金额";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        return replies.returnReport(org, plans.get(), ctx.person(), args, ctx.inboundId());
    }
}
