package io.duban.bot.command;

import io.duban.bot.message.Reply;
import java.util.List;

/** {@code 我的任务}: the asker's unit's tasks. */
public final class MyTasksCommand implements Command {
    private final UnitCommand units;

    /** @param units renders a unit's tasks, the same as {@code 单位 X} */
    public MyTasksCommand(UnitCommand units) {
        this.units = units;
    }

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
        return Pages.accepts(args);
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        return Reply.of(units.render(ctx.person().unit(), "我的任务", Pages.number(args)));
    }
}
