package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.closure.ClosureService;
import java.util.List;

/** {@code 退回办结 12 原因}: the office sends a closure request back. */
public final class ReturnClosureCommand implements Command {
    private final ClosureService service;

    public ReturnClosureCommand(ClosureService service) {
        this.service = service;
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
        return service.returnRequest(ctx.services().plan(), ctx.person(), args, ctx.inboundId());
    }
}
