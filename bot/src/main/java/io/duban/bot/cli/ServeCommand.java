package io.duban.bot.cli;

import io.duban.bot.App;
import io.duban.bot.serve.ServeStatus;
import io.duban.bot.settings.BotSettings;
import io.duban.bot.serve.WeComServer;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.app.AppSettings;
import io.duban.bot.wecom.callback.CallbackSettings;
import io.duban.bot.wecom.ws.ConnectionState;
import io.duban.config.ConfigDirectory;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code duban serve}: runs the bot on WeCom (long connection + webhooks + outbox). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "在企业微信上运行督办助手（长连接 + 群 webhook）。 Run the bot on WeCom.",
        footer = {"", "环境变量 / environment: WECOM_BOT_ID, WECOM_BOT_SECRET, WECOM_WS_URL, WECOM_API_BASE,",
                "  WECOM_WEBHOOK_<CHATID>, WECOM_TRUST_STORE, WECOM_TRUST_STORE_PASSWORD (or the wecom: section of "
                        + "config/duban.yml).",
                "退出码 / exit codes: 3 = 被另一实例顶下线 (kicked by another instance), 4 = 凭据错误 (bad credentials)."})
public final class ServeCommand implements Callable<Integer> {
    static final int EXIT_KICKED = 3;
    static final int EXIT_BAD_CREDENTIALS = 4;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--dry-run",
            description = "Read the settings, open the database and build everything serve runs, then stop without "
                    + "connecting (e.g. systemd ExecStartPre).")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        ConfigDirectory config = global.loadConfig();
        BotSettings all = BotSettings.read(config, global.env());
        WeComSettings settings = all.wecom();
        AppSettings app = all.app();
        CallbackSettings callback = all.callback();
        List<String> problems = all.serveProblems();
        if (!problems.isEmpty()) {
            spec.commandLine().getErr().println("配置不完整 / misconfigured: " + String.join("; ", problems)
                    + "（运行 ./duban config check 查看详情）");
            return 2;
        }
        if (!settings.hasBotCredentials() && callback.anyEnabled()) {
            spec.commandLine().getErr().println("未配置智能机器人长连接：通过 HTTP 回调接收消息。 "
                    + "No long connection: receiving through the HTTP callback.");
        } else if (!settings.hasBotCredentials() && (settings.hasWebhooks() || app.enabled())) {
            spec.commandLine().getErr().println("未配置智能机器人（WECOM_BOT_ID/WECOM_BOT_SECRET）：只推送消息（群 webhook、自建应用），"
                    + "不接收群聊消息。 No bot credentials: pushing only (webhooks, app), not listening.");
        } else if (!settings.hasBotCredentials()) {
            spec.commandLine().getErr().println("""
                    未配置企业微信智能机器人：请设置环境变量 WECOM_BOT_ID 和 WECOM_BOT_SECRET（或在 config/duban.yml 的 wecom: \
                    中写 botId/botSecret），然后再运行 ./duban serve。设置方法见 docs/部署.md。
                    WeCom is not configured: set WECOM_BOT_ID and WECOM_BOT_SECRET, e.g.
                      export WECOM_BOT_ID=aibXXXXXXXX WECOM_BOT_SECRET=...   # from the WeCom admin console
                      ./duban serve""");
            return 2;
        }
        App bot = global.openApp(config, all, global.clock(config.settings().zone()));
        WeComServer server = WeComServer.of(bot.storage(), bot.clock(), all, bot.engine(),
                ServeStatus.fileFor(global.home(), global.env()));
        if (dryRun) {
            server.close();
            bot.close();
            spec.commandLine().getOut().println("可以启动：设置、数据库和定时任务均已就绪（--dry-run，未连接企业微信）。 "
                    + "Ready to serve (dry run, not connected).");
            spec.commandLine().getOut().flush();
            return 0;
        }
        server.start();
        // The weekly rhythm: prompts, reminders, summaries; each run is claimed in the database before it is sent.
        AutoCloseable rhythm = bot.rhythm().startInBackground();
        Thread hook = new Thread(() -> {
            closeQuietly(rhythm);
            server.close();
            bot.close();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ConnectionState end = server.awaitFinalState();
        return switch (end) {
            case KICKED -> EXIT_KICKED;
            case AUTH_FAILED -> EXIT_BAD_CREDENTIALS;
            default -> 0;
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(ServeCommand.class).warn("stopping the weekly rhythm failed", e);
        }
    }
}
