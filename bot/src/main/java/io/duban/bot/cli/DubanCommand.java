package io.duban.bot.cli;

import io.duban.config.ConfigException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code duban}: with no subcommand, the local demo chat (or the WeCom bot when WeCom credentials are configured). */
@Command(
        name = "duban",
        mixinStandardHelpOptions = true,
        version = "督办助手 0.1.0",
        description = "督办助手：在企业微信里督办工作计划。 A WeCom bot that keeps a work plan on track.",
        subcommands = {
            ChatCommand.class,
            PlanCommand.class,
            JobCommand.class,
            ServeCommand.class,
            OutboxCommand.class,
            StatusCommand.class,
            ConfigCommand.class,
            ExportCommand.class,
            ChartCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class DubanCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DubanCommand());
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
