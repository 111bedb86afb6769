package io.duban.bot.command;

import io.duban.bot.message.Reply;
import java.util.List;

/** {@code 我的任务}: the asker's unit's tasks. */
public final class MyTasksCommand implements Command {
    @Override
    public String name() {
        return "我的任务";
    }

    @Override
    public List<String> aliases() {
        return List.of("本单位", "mytasks");
    }

    @Override
    public String summary() {
        return "查看本单位的任务与报送情况";
    }

    @Override
    public String example() {
        return "我的任务";
    }

    @Override
    public Access access() {
        return Access.REGISTERED;
    }

    @Override
    public boolean accepts(String args) {
        return args.isEmpty();
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        return Reply.of(UnitCommand.render(ctx.services(), ctx.person().unit()));
    }
}
