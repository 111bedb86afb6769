package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import java.util.List;
import java.util.Optional;

/** {@code 更正 12 70% …}: replaces the unit's latest report on a task; the old one stays in the history. */
public final class CorrectCommand implements Command {
    private final ReportReplies replies;
    private final CurrentPlan plans;

    public CorrectCommand(ReportReplies replies, CurrentPlan plans) {
        this.replies = replies;
        this.plans = plans;
    }

    @Override
    public String name() {
        return "更正";
    }

    @Override
    public List<String> aliases() {
        return List.of("修改", "correct");
    }

    @Override
    public String summary() {
        return "更正本单位最近一次报送";
    }

    @Override
    public String example() {
        return "更正 12 70% 已对接企业3家；问题：冷链成本高";
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
        return replies.correct(plans.get(), ctx.person(), args, ctx.inboundId());
    }
}
