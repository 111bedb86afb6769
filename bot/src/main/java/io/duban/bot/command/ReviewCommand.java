package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.plan.Organization;
import java.util.List;

/** {@code 核查 12 [单位] 通过}: the office passes a report; with no arguments, lists the unchecked ones. */
public final class ReviewCommand implements Command {
    private final CurrentPlan plans;
    private final Organization org;
    private final ReviewReplies replies;

    public ReviewCommand(ReviewReplies replies, CurrentPlan plans, Organization org) {
        this.plans = plans;
        this.org = org;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "核查";
    }

    @Override
    public List<String> aliases() {
        return List.of("review");
    }

    @Override
    public String summary() {
        return "核查报送：通过；不带参数列出待核查的报送";
    }

    @Override
    public String example() {
        return "核查 12 农技中心 通过";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        return replies.check(org, plans.get(), ctx.person(), args, ctx.inboundId());
    }
}
