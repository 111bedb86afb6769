package io.duban.bot.cli;

import io.duban.bot.App;
import io.duban.bot.console.LocalChat;
import io.duban.config.ConfigDirectory;
import io.duban.plan.WorkPlan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code duban chat}: talk to the bot in the terminal, as anyone on the roster, in any chat. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "在终端里与督办助手对话（本地演示）。 Talk to the bot in the terminal.")
public final class ChatCommand implements Callable<Integer> {
    static final String DEFAULT_USER = "liuyang";
    static final String DEFAULT_CHAT = "wr-demo-ngk";

    @Mixin
    GlobalOptions global;

    @Option(names = "--as", paramLabel = "USERID", description = "Speak as this person (default: " + DEFAULT_USER + ").")
    String as;

    @Option(names = "--group", paramLabel = "CHATID",
            description = "Speak in this group chat (default: the person's unit group, or a 1:1 chat with --direct).")
    String group;

    @Option(names = "--direct", description = "Speak in a 1:1 chat with the bot.")
    boolean direct;

    @Option(names = "--quiet", description = "No banner (for scripts).")
    boolean quiet;

    @Option(names = "--no-demo-data",
            description = "With the demo clock, do not load the fictional past reports into an empty database.")
    boolean noDemoData;

    @Override
    public Integer call() throws Exception {
        ConfigDirectory config = global.loadConfig();
        Clock clock = global.chatClock(config);
        boolean interactive = System.console() != null;
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        try (App app = global.openApp(config, clock)) {
            String user = as != null ? as : DEFAULT_USER;
            Optional<String> chat = direct ? Optional.empty() : Optional.ofNullable(group)
                    .or(() -> app.storage().people().find(user).flatMap(p -> app.storage().chats().all().stream()
                            .filter(c -> c.unit().filter(p.unit()::equals).isPresent())
                            .map(c -> c.chatId()).findFirst()));
            boolean resumed = clock instanceof io.duban.bot.console.DemoClock demo
                    && demo.resumeAfter(app.storage().inbound().latestReceivedAt());
            LocalChat chatSession = new LocalChat(app.engine(), app.storage(), clock, out, user, chat,
                    chatFiles(global.jdbcUrl(), app.home()));
            int seeded = global.usesDemoClock(config) && !noDemoData ? io.duban.bot.console.DemoData.seedIfEmpty(app) : 0;
            if (!quiet) {
                banner(out, config, clock, chatSession, resumed);
                if (seeded > 0) {
                    out.println("（已载入 " + seeded + " 条虚构的历史报送，供演示；正式数据库不会载入。）");
                    out.println();
                }
            }
            chatSession.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), interactive);
        }
        return 0;
    }

    private void banner(PrintWriter out, ConfigDirectory config, Clock clock, LocalChat chat, boolean resumed) {
        WorkPlan plan = config.currentPlan();
        ZonedDateTime now = ZonedDateTime.now(clock);
        out.println("督办助手 · 本地对话（未连接企业微信）");
        out.println("计划：" + plan.title() + "，" + plan.tasks().size() + " 项任务，期限 " + plan.start() + " 至 " + plan.deadline());
        out.println("当前时间：" + now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm EEEE", java.util.Locale.CHINA))
                + (global.clockIsFixed() ? "（--now 固定）"
                        : resumed ? "（演示时钟：接着本数据库上次演示的时间继续）"
                        : global.usesDemoClock(config) ? "（演示时钟：在计划期内运行，以便看到进行中的计划）" : ""));
        out.println("身份：" + chat.describePerson() + "；会话：" + chat.describeChat());
        out.println("切换：/as USERID 换人，/group CHATID 换群，/direct 私聊，/people /chats 名单，/quit 退出；输入“帮助”查看命令。");
        out.println("连接企业微信：设置 WECOM_BOT_ID 和 WECOM_BOT_SECRET 后运行 ./duban serve（见 docs/部署.md）。");
        out.println();
        out.flush();
    }

    /** Beside the SQLite file (the demo's data stay together), else under the installation's {@code data/}. */
    static java.nio.file.Path chatFiles(String jdbcUrl, java.nio.file.Path home) {
        String sqlite = "jdbc:sqlite:";
        if (jdbcUrl.startsWith(sqlite) && !jdbcUrl.contains(":memory:")) {
            java.nio.file.Path db = java.nio.file.Path.of(jdbcUrl.substring(sqlite.length()).replaceFirst("\\?.*$", ""));
            java.nio.file.Path parent = db.toAbsolutePath().getParent();
            if (parent != null) {
                return parent.resolve("chat-files");
            }
        }
        return home.resolve("data").resolve("chat-files");
    }
}
