package io.duban.bot.cli;

import io.duban.bot.App;
import io.duban.bot.serve.ServeStatus;
import io.duban.bot.serve.WeComServer;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.app.AppSettings;
import io.duban.bot.wecom.callback.CallbackServer;
import io.duban.bot.wecom.callback.CallbackSettings;
import io.duban.bot.wecom.ws.ConnectionState;
import io.duban.config.ConfigDirectory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
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

    static WeComSettings settings(GlobalOptions global, ConfigDirectory config) {
        return WeComSettings.from(config.rawSettings(), global.env());
    }

    @Override
    public Integer call() throws Exception {
        ConfigDirectory config = global.loadConfig();
        WeComSettings settings = settings(global, config);
        AppSettings app = AppSettings.read(config.rawSettings(), global.env()::get);
        if (app.enabled() && !app.problems().isEmpty()) {
            spec.commandLine().getErr().println("自建应用配置不完整 / the self-built app is misconfigured: "
                    + String.join("; ", app.problems()));
            return 2;
        }
        CallbackSettings callback = CallbackSettings.read(config.rawSettings(), global.env()::get);
        List<String> callbackProblems = callback.anyEnabled() ? callback.problems(app.corpId()) : List.of();
        if (!callbackProblems.isEmpty()) {
            spec.commandLine().getErr().println("HTTP 回调配置不完整 / the HTTP callback is misconfigured: "
                    + String.join("; ", callbackProblems) + "（运行 ./duban config check 查看详情）");
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
                    中写 botId/botSecret），然后再运行 ./duban serve。设置方法见 README“接入企业微信”。
                    WeCom is not configured: set WECOM_BOT_ID and WECOM_BOT_SECRET, e.g.
                      export WECOM_BOT_ID=aibXXXXXXXX WECOM_BOT_SECRET=...   # from the WeCom admin console
                      ./duban serve""");
            return 2;
        }
        App bot = global.openApp(config, global.clock(config.settings().zone()));
        WeComServer server = new WeComServer(bot.storage(), bot.clock(), settings,
                app.enabled() ? Optional.of(app) : Optional.empty(), bot.engine(),
                ServeStatus.fileFor(global.home(), global.env()));
        Optional<CallbackServer> callbackServer = callback.anyEnabled()
                ? Optional.of(callbackServer(callback, app, bot, server)) : Optional.empty();
        server.start();
        callbackServer.ifPresent(CallbackServer::start);
        // The weekly rhythm: prompts, reminders, summaries; each run is claimed in the database before it is sent.
        AutoCloseable rhythm = bot.rhythm().startInBackground();
        Thread hook = new Thread(() -> {
            closeQuietly(rhythm);
            callbackServer.ifPresent(CallbackServer::close);
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

    /** The HTTP callback receivers; their answers go into the outbox, which the WeCom server drains. */
    private static CallbackServer callbackServer(CallbackSettings callback, AppSettings app, App bot,
                                                 WeComServer server) {
        CallbackServer.Builder b = CallbackServer.builder()
                .bind(new InetSocketAddress(callback.listen(), callback.port()))
                .inbound(bot.engine())
                .afterAnswer(server.pump()::nudge)
                .clock(bot.clock());
        callback.robotCrypto().ifPresent(c -> b.robot(callback.robotPath(), c));
        if (callback.appEnabled()) {
            b.app(callback.appPath(), callback.appCrypto(app.corpId().orElseThrow()).orElseThrow());
        }
        return b.build();
    }
}
