package io.duban.bot.command;

import io.duban.bot.message.Reply;
import java.util.List;
import java.util.function.Supplier;

/** {@code 帮助}: generated from the commands' own descriptions, showing only what the asker may use. */
public final class HelpCommand implements Command {
    private final Supplier<List<Command>> commands;

    public HelpCommand(Supplier<List<Command>> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "帮助";
    }

    @Override
    public List<String> aliases() {
        return List.of("help", "？", "?");
    }

    @Override
    public String summary() {
        return "查看可用命令";
    }

    @Override
    public String example() {
        return "帮助";
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
        StringBuilder sb = new StringBuilder("督办助手可用命令（在群里请先 @督办助手）：");
        for (Command c : commands.get()) {
            if (c == this || !c.access().allows(ctx.person().role())) {
                continue;
            }
            sb.append("\n· ").append(c.name()).append("：").append(c.summary()).append("\n    例：").append(c.example());
        }
        sb.append("\n· 帮助：查看本说明");
        return Reply.of(sb.toString());
    }
}
