package io.duban.bot.command;

import io.duban.bot.message.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@code 帮助}: generated from the commands' own descriptions, showing only what the asker may use. */
public final class HelpCommand implements Command {
    private final Quoter quoter;
    private final Supplier<List<Command>> commands;

    public HelpCommand(Supplier<List<Command>> commands, Quoter quoter) {
        this.quoter = quoter;
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
        return true;
    }

    /**
     * {@code 帮助}: the commands the asker may use, names only, a few to a line, with how to report;
     * {@code 帮助 进度}: one command's description and example.
     */
    @Override
    public Reply handle(CommandContext ctx, String args) {
        List<Command> allowed = commands.get().stream()
                .filter(c -> c != this && c.access().allows(ctx.person().role())).toList();
        if (!args.isBlank()) {
            String wanted = args.strip();
            return Reply.of(allowed.stream()
                    .filter(c -> c.name().equals(wanted) || c.aliases().contains(wanted))
                    .findFirst()
                    .map(c -> c.name() + "：" + c.summary() + "\n例：" + c.example())
                    .orElse("没有“" + quoter.quote(wanted) + "”这个命令。可用命令请发：帮助"));
        }
        StringBuilder sb = new StringBuilder("督办助手（在群里请先 @督办助手）\n报送：12 60% 本周进展；问题：…；下一步：…");
        List<String> names = new ArrayList<>();
        for (Command c : allowed) {
            names.add(c.name().equals("报送") ? null : c.name());
        }
        names.removeIf(java.util.Objects::isNull);
        for (int i = 0; i < names.size(); i += PER_LINE) {
            sb.append(i == 0 ? "\n命令：" : "\n　　　").append(String.join("｜", names.subList(i,
                    Math.min(names.size(), i + PER_LINE))));
        }
        sb.append("\n某个命令的说明和例子请发：帮助 ").append(names.contains("进度") ? "进度"
                : names.contains("我的任务") ? "我的任务" : names.isEmpty() ? "报送" : names.get(0));
        return Reply.of(sb.toString());
    }

    private static final int PER_LINE = 5;
}
