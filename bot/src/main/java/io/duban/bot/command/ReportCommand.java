package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.report.ReportParser;
import java.util.List;
import java.util.Optional;

/** {@code 报送 12 60% …} (the word 报送 may be left out). */
public final class ReportCommand implements Command {
    private final ReportReplies replies;
    private final CurrentPlan plans;

    public ReportCommand(ReportReplies replies, CurrentPlan plans) {
        this.replies = replies;
        this.plans = plans;
    }

    @Override
    public String name() {
        return "报送";
    }

    @Override
    public List<String> aliases() {
        return List.of("汇报", "report");
    }

    @Override
    public String summary() {
        return "报送任务进度（“报送”二字可省略；一条可报多项，每项一行；本期没有变化写“无变化”，报了几项后可写“其余无变化”）";
    }

    @Override
    public String example() {
        return ReportParser.EXAMPLE;
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
        return replies.submit(plans.get(), ctx.person(), args, ctx.message().quotedText(),
                ctx.inboundId());
    }
}
