package io.duban.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code duban config check}: validates config/ and the WeCom settings, secrets masked. */
@Command(name = "config", description = "检查配置。 Check the configuration.", mixinStandardHelpOptions = true,
        subcommands = ConfigCommand.Check.class)
public final class ConfigCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "检查 config/ 目录与企业微信设置（密钥打码显示）；有问题时退出码非 0。 "
                    + "Validate config/ and the WeCom settings; exits non-zero on a problem.")
    static final class Check implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            int problems = new ConfigCheck(spec.commandLine().getOut(), global.env()).run(global.configDir());
            return problems == 0 ? 0 : 1;
        }
    }
}
