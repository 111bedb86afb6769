package io.duban.bot.cli;

import io.duban.bot.wecom.Secrets;
import io.duban.bot.wecom.app.AppSettings;
import io.duban.bot.wecom.callback.CallbackSettings;
import io.duban.bot.wecom.callback.PortProbe;
import io.duban.config.ConfigDirectory;
import io.duban.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import io.duban.bot.wecom.Secrets;
import io.duban.bot.wecom.WeComSettings;
import io.duban.roster.ChatBinding;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks the whole configuration and prints what is set and what is missing, secrets masked. Each problem is
 * one line starting with {@code ✗}; {@link #run} returns how many there are.
 */
final class ConfigCheck {
    static final String ENV_BOT_ID = "WECOM_BOT_ID";
    static final String ENV_BOT_SECRET = "WECOM_BOT_SECRET";

    private final PrintWriter out;
    private final Function<String, String> env;
    private final Map<String, String> envMap;
    private int problems;

    ConfigCheck(PrintWriter out, Map<String, String> env) {
        this.out = out;
        this.envMap = Map.copyOf(env);
        this.env = this.envMap::get;
    }

    int run(Path configDir) {
        out.println("督办助手配置检查 · configuration check");
        out.println();
        ConfigDirectory config;
        try {
            config = ConfigDirectory.load(configDir, env::apply);
        } catch (ConfigException e) {
            fail("配置目录 config/: " + e.getMessage());
            return finish();
        }
        out.println("配置目录 config/ (" + configDir + ")");
        ok("计划 plans: " + config.plans().keySet() + "，当前 " + config.settings().planYear() + " 年 "
                + config.currentPlan().tasks().size() + " 项任务");
        ok("名册 roster: " + config.roster().people().size() + " 人，" + config.roster().chats().size() + " 个群");
        try {
            ok("问题跟踪 problems: 未解决超过 "
                    + io.duban.bot.problem.ProblemSettings.from(config).consultAfter().toDays() + " 天标为待会商");
        } catch (ConfigException e) {
            fail(e.getMessage());
        }
        out.println();

        out.println("定时任务与节假日 schedule & calendar");
        try {
            io.duban.bot.schedule.RhythmService.describeSettings(config, env).forEach(this::ok);
        } catch (ConfigException e) {
            fail(e.getMessage());
        }
        out.println();

        out.println("智能机器人长连接 long connection (WebSocket)");
        Optional<WeComSettings> wecom = Optional.empty();
        try {
            wecom = Optional.of(WeComSettings.from(config.rawSettings(), envMap));
        } catch (ConfigException e) {
            fail(e.getMessage());
        } catch (IllegalArgumentException e) {
            secret(ENV_BOT_ID, envValue(ENV_BOT_ID));
            secret(ENV_BOT_SECRET, envValue(ENV_BOT_SECRET));
            fail("长连接需要同时设置 " + ENV_BOT_ID + " 和 " + ENV_BOT_SECRET + " / both are needed");
        }
        wecom.ifPresent(w -> {
            secret(ENV_BOT_ID, w.botId());
            secret(ENV_BOT_SECRET, w.botSecret());
            info("ws " + w.wsUrl() + "，api " + w.apiBase() + w.trustStore().map(t -> "，trust store " + t).orElse(""));
            w.trustStore().filter(t -> !java.nio.file.Files.isReadable(t))
                    .ifPresent(t -> fail("信任库不可读 / trust store not readable: " + t));
        });
        out.println();

        wecom.ifPresent(w -> {
            out.println("群消息推送 webhooks（按名册中的群）");
            for (ChatBinding chat : config.roster().chats()) {
                String name = chat.chatId() + "（" + chat.unit().orElse("领导群") + "）";
                line(name, w.webhookKey(chat.chatId()).map(k -> "✓ " + Secrets.mask(k))
                        .orElse("未设置（改用长连接主动消息） not set, pushes go over the long connection"));
            }
            out.println();
        });

        AppSettings app;
        CallbackSettings callback;
        try {
            app = AppSettings.read(config.rawSettings(), env);
            callback = CallbackSettings.read(config.rawSettings(), env);
        } catch (ConfigException | IllegalArgumentException e) {
            fail(e.getMessage());
            return finish();
        }

        out.println("HTTP 回调 callback");
        if (!callback.anyEnabled()) {
            info("未启用（设置 " + CallbackSettings.ENV_ROBOT_TOKEN + "/" + CallbackSettings.ENV_ROBOT_AES_KEY + " 或 "
                    + CallbackSettings.ENV_APP_TOKEN + "/" + CallbackSettings.ENV_APP_AES_KEY + " 后启用） not enabled");
        } else {
            if (callback.robotEnabled()) {
                info("智能机器人回调 robot: " + callback.robotPath());
                secret(CallbackSettings.ENV_ROBOT_TOKEN, callback.robotToken());
                secret(CallbackSettings.ENV_ROBOT_AES_KEY, callback.robotAesKey());
            }
            if (callback.appEnabled()) {
                info("自建应用回调 app: " + callback.appPath());
                secret(CallbackSettings.ENV_APP_TOKEN, callback.appToken());
                secret(CallbackSettings.ENV_APP_AES_KEY, callback.appAesKey());
            }
            callback.problems(app.corpId()).forEach(p -> fail(p));
            PortProbe.Result port = PortProbe.check(callback.listen(), callback.port(),
                    callback.robotEnabled() ? callback.robotPath() : callback.appPath());
            String where = "监听 listen " + callback.listen() + ":" + callback.port() + " — " + port.detail();
            if (port.ok()) {
                ok(where);
            } else {
                fail(where);
            }
            info("窗口 timestamp window " + callback.timestampWindow().toSeconds() + " s，body ≤ "
                    + callback.maxBodyBytes() + " bytes");
        }
        out.println();

        out.println("自建应用 self-built app");
        plain(AppSettings.ENV_CORP_ID, app.corpId());
        plain(AppSettings.ENV_AGENT_ID, app.agentId());
        secret(AppSettings.ENV_AGENT_SECRET, app.secret());
        info(AppSettings.ENV_API_BASE + " = " + app.apiBase());
        if (!app.enabled()) {
            info("未启用私聊提醒（设置 " + AppSettings.ENV_AGENT_ID + " 和 " + AppSettings.ENV_AGENT_SECRET
                    + " 后启用） private reminders not enabled");
        }
        app.problems().forEach(p -> fail(p));
        out.println();

        if (envValue(ENV_BOT_ID).isEmpty() && !callback.anyEnabled()) {
            info("尚未配置任何企业微信接入：只能用 ./duban chat 本地对话。 No WeCom connection configured yet.");
        }
        return finish();
    }

    private Optional<String> envValue(String name) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private void secret(String name, Optional<String> value) {
        line(name, value.map(v -> "已设置 set " + Secrets.mask(v)).orElse("未设置 missing"));
    }

    private void plain(String name, Optional<String> value) {
        line(name, value.map(v -> "已设置 set " + v).orElse("未设置 missing"));
    }

    private void line(String name, String state) {
        out.printf("  %-30s %s%n", name, state);
    }

    private void ok(String text) {
        out.println("  ✓ " + text);
    }

    private void info(String text) {
        out.println("  · " + text);
    }

    private void fail(String text) {
        problems++;
        out.println("  ✗ " + text);
    }

    private int finish() {
        if (problems == 0) {
            out.println("结果：配置无误。 Result: OK.");
        } else {
            out.println("结果：发现 " + problems + " 个问题，请按 ✗ 行修改后重试。 Result: " + problems + " problem(s).");
        }
        out.flush();
        return problems;
    }

}
