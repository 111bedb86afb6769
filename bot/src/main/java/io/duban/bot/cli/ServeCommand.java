package io.duban.bot.cli;

import io.duban.bot.App;
import io.duban.bot.engine.GroupCommit;
import io.duban.bot.engine.UnansweredMessages;
import io.duban.bot.serve.ConnectionLease;
import io.duban.bot.serve.ServeStatus;
import io.duban.bot.serve.WeComServer;
import io.duban.bot.settings.BotSettings;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.app.AppSettings;
import io.duban.bot.wecom.callback.CallbackSettings;
import io.duban.bot.wecom.ws.ConnectionState;
import io.duban.bot.wecom.ws.Scheduler;
import io.duban.config.ConfigDirectory;
import io.duban.storage.Database;
import io.duban.storage.ServeLock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
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
                "退出码 / exit codes: 3 = 被另一实例顶下线 (kicked by another instance), 4 = 凭据错误 (bad credentials),",
                "  5 = 失去连接租约 (lost the connection lease to another instance on PostgreSQL; restart it as standby)."})
public final class ServeCommand implements Callable<Integer> {
    static final int EXIT_KICKED = 3;
    static final int EXIT_BAD_CREDENTIALS = 4;
    static final int EXIT_LOST_LEASE = 5;

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
        String instance = instanceName();
        // the HTTP callback stores each message before its 200, many per commit (one writer, batches of a few ms)
        WeComServer server = WeComServer.of(bot.storage(), bot.clock(), all, bot.engine(),
                new GroupCommit(bot.engine(), bot.storage()), ServeStatus.fileFor(global.home(), global.env()),
                instance, bot.engine().storageProblems());
        if (dryRun) {
            server.close();
            bot.close();
            spec.commandLine().getOut().println("可以启动：设置、数据库和定时任务均已就绪（--dry-run，未连接企业微信）。 "
                    + "Ready to serve (dry run, not connected).");
            spec.commandLine().getOut().flush();
            return 0;
        }
        // SQLite serves one process: a second serve on the same file stops here with one line
        Optional<ServeLock> lock;
        try {
            lock = ServeLock.take(bot.storage().database());
        } catch (IllegalStateException e) {
            server.close();
            bot.close();
            throw e;
        }
        // SQLite: this instance is the only one and active. PostgreSQL: the holder of the connection lease is active
        // (long connection + rhythm); the others stand by, answer callbacks and drain the outbox.
        AtomicBoolean lostLease = new AtomicBoolean();
        AutoCloseable[] rhythm = {() -> { }};
        Optional<ConnectionLease> lease = Optional.empty();
        ScheduledExecutorService leaseThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "connection-lease");
            t.setDaemon(true);
            return t;
        });
        if (lock.isPresent() || bot.storage().database().dialect() != Database.Dialect.POSTGRESQL) {
            server.start();
            // The weekly rhythm: prompts, reminders, summaries; each run is claimed in the database before it is sent.
            rhythm[0] = bot.rhythm().startInBackground();
        } else {
            server.startWithoutConnection();
            // the lease runs on wall-clock time shared by all instances, also when --now fixes the bot's own clock
            ConnectionLease l = new ConnectionLease(bot.storage().leases(), java.time.Clock.systemUTC(), instance, () -> {
                server.startConnection();
                rhythm[0] = bot.rhythm().startInBackground();
            }, () -> {
                lostLease.set(true);
                closeQuietly(rhythm[0]);
                server.stopConnection();
            });
            server.role(l::role);
            // every scheduled run is claimed with the lease's fencing token: a paused ex-holder cannot send one
            bot.rhythm().scheduler().fencedBy(l::fence);
            // and every subscribe (the first and each reconnect) checks the token, so it never kicks the new holder
            server.gateConnection(() -> {
                boolean holds = l.stillHolds();
                if (!holds) {
                    lostLease.set(true);
                }
                return holds;
            });
            l.start(Scheduler.of(leaseThread));
            lease = Optional.of(l);
        }
        // Messages stored but never answered (a stop between storing and answering): answered now, and every few
        // seconds from here on, each at most once.
        ScheduledExecutorService recoveryThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unanswered");
            t.setDaemon(true);
            return t;
        });
        AutoCloseable recovery = new UnansweredMessages(bot.engine(), bot.storage(), bot.clock(), instance)
                .startInBackground(recoveryThread, Duration.ofSeconds(5), server.pump()::nudge);
        Optional<ConnectionLease> heldLease = lease;
        Thread hook = new Thread(() -> {
            closeQuietly(recovery);
            recoveryThread.shutdown();
            heldLease.ifPresent(ConnectionLease::close);
            leaseThread.shutdown();
            closeQuietly(rhythm[0]);
            server.close();
            bot.close();
            lock.ifPresent(ServeLock::close);
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ConnectionState end = server.awaitFinalState();
        if (lostLease.get()) {
            spec.commandLine().getErr().println("本实例失去了连接租约（数据库不可达或另一实例已接管），退出后由进程管理器重启为备用。"
                    + " This instance lost the connection lease and stops (exit 5); restarted, it stands by.");
            return EXIT_LOST_LEASE;
        }
        if (end == ConnectionState.KICKED && lease.isPresent() && bot.storage().leases().current(ConnectionLease.NAME)
                .filter(l -> !l.holder().equals(instance)).isPresent()) {
            // kicked by our own standby that took the lease over (this instance was paused, not dead): stand by again
            spec.commandLine().getErr().println("本实例的长连接已由接管的备用实例取代，退出后由进程管理器重启为备用。"
                    + " The standby that took over the lease replaced this instance's connection (exit 5).");
            return EXIT_LOST_LEASE;
        }
        return switch (end) {
            case KICKED -> EXIT_KICKED;
            case AUTH_FAILED -> EXIT_BAD_CREDENTIALS;
            default -> 0;
        };
    }

    /** This process in leases and the instance list: host and pid (no {@code %} or {@code _}). */
    static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return (host + "-" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9.-]", "-");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(ServeCommand.class).warn("stopping a background task failed", e);
        }
    }
}
