package io.duban.bot.testing;

import io.duban.bot.command.Access;
import io.duban.bot.command.Command;
import io.duban.bot.command.CommandContext;
import io.duban.bot.message.Reply;
import java.util.List;

/** {@code 故障}: a chat command that fails inside, as a bug or a lost database connection would. */
public final class FailingCommand implements Command {
    public static final String WORD = "故障";

    @Override
    public String name() {
        return WORD;
    }

    @Override
    public List<String> aliases() {
        return List.of();
    }

    @Override
    public String summary() {
        return "测试用：内部出错";
    }

    @Override
    public String example() {
        return WORD;
    }

    @Override
    public Access access() {
        return Access.REGISTERED;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        throw new IllegalStateException("simulated failure");
    }
}
