package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.closure.ClosureService;
import java.util.List;

/** {@code 申请办结 12 依据}: a member of the lead unit asks the office to close a task. */
public final class RequestClosureCommand implements Command {
    private final ClosureService service;

    public RequestClosureCommand(ClosureService service) {
        this.service = service;
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
        return service.request(ctx.services().plan(), ctx.person(), args, ctx.inboundId());
    }
}
