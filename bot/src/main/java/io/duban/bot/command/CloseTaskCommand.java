package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.closure.ClosureService;
import java.util.List;

/** {@code 销号 12}: the office approves a pending closure request. */
public final class CloseTaskCommand implements Command {
    private final ClosureService service;

    public CloseTaskCommand(ClosureService service) {
        this.service = service;
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
        return service.approve(ctx.services().plan(), ctx.person(), args, ctx.inboundId());
    }
}
