package io.duban.bot.cli;

import io.duban.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code duban}: with no subcommand, the local demo chat (or the WeCom bot when WeCom credentials are configured). */
@Command(
        name = "duban",
        mixinStandardHelpOptions = true,
        version = "督办助手 0.1.0",
        description = "督办助手：在企业微信里督办工作计划。 A WeCom bot that keeps a work plan on track.")
public final class DubanCommand implements Callable<Integer> {
    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    /** Options of this command that take their value as the next argument ({@code --db X}). */
    private static final Set<String> OPTIONS_WITH_A_VALUE = Set.of("--config", "--db", "--now", "--now-runs-from");

    @Mixin
    GlobalOptions global;

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("chat", ChatCommand::new);
        all.put("plan", PlanCommand::new);
        all.put("job", JobCommand::new);
        all.put("serve", ServeCommand::new);
        all.put("outbox", OutboxCommand::new);
        all.put("status", StatusCommand::new);
        all.put("config", ConfigCommand::new);
        all.put("export", ExportCommand::new);
        all.put("chart", ChartCommand::new);
        all.put("help", CommandLine.HelpCommand::new);
        return all;
    }

    /** The whole command line, every subcommand with its options (help, tests). */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new DubanCommand()), SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: when they name a subcommand, only that one is built. Picocli reads every
     * subcommand's annotations by reflection when it is added, about a quarter of a short command's start-up; the
     * others are needed only to list them ({@code --help}, {@code help}, an unknown command), which builds them all.
     */
    public static CommandLine commandLineFor(String[] args) {
        String named = subcommandIn(args);
        if (named == null || named.equals("help") || !SUBCOMMANDS.containsKey(named)) {
            return commandLine();
        }
        return configure(new CommandLine(new DubanCommand()), Set.of(named));
    }

    /** The first argument that is neither an option nor an option's value, or null. */
    static String subcommandIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (a.startsWith("-")) {
                if (OPTIONS_WITH_A_VALUE.contains(a)) {
                    i++;
                }
                continue;
            }
            return a;
        }
        return null;
    }

    private static CommandLine configure(CommandLine cl, Set<String> names) {
        SUBCOMMANDS.forEach((name, make) -> {
            if (names.contains(name)) {
                cl.addSubcommand(name, make.get());
            }
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof IllegalStateException
                    || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("错误 / error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (io.duban.bot.settings.BotSettings.wecom(global.loadConfig(), global.env()).hasBotCredentials()) {
            ServeCommand serve = new ServeCommand();
            serve.global = global;
            serve.spec = spec;
            return serve.call();
        }
        ChatCommand chat = new ChatCommand();
        chat.global = global;
        return chat.call();
    }
}
