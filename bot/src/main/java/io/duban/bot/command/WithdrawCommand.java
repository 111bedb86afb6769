package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import java.util.List;
import java.util.Optional;

/** {@code 撤回 12}: withdraws the unit's latest report on a task; the one before it counts again. */
public final class WithdrawCommand implements Command {
    private final ReportReplies replies;
    private final CurrentPlan plans;

    public WithdrawCommand(ReportReplies replies, CurrentPlan plans) {
        this.replies = replies;
        this.plans = plans;
    }

    @Override
    public String name() {
        return "撤回";
    }

    @Override
    public List<String> aliases() {
        return List.of("withdraw");
    }

    @Override
    public String summary() {
        return "撤回本单位最近一次报送";
    }

    @Override
    public String example() {
        return "撤回 12";
    }

    @Override
    public Access access() {
        return Access.REGISTERED;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        Optional<Reply> wrongChat = ReportingChats.check(ctx);
        if (wrongChat.isPresent()) {
            return wrongChat.get();
        }
        return replies.withdraw(plans.get(), ctx.person(), args, ctx.inboundId());
    }
}
