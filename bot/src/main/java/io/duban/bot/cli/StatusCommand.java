package io.duban.bot.cli;

import io.duban.bot.engine.StorageProblems;
import io.duban.bot.engine.UnansweredMessages;
import io.duban.bot.serve.ServeStatus;
import io.duban.storage.Storage;
import io.duban.storage.StorageFault;
import io.duban.storage.model.ServeInstance;
import io.duban.storage.model.OutboxEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code duban status}: is serve running, is the long connection up, how full is the outbox. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "查看企业微信连接与发件箱状态。 Show the WeCom connection and the outbox.")
public final class StatusCommand implements Callable<Integer> {
    /** serve writes its status every 5 s; older than this means it is not running. */
    static final Duration STALE = Duration.ofSeconds(30);

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path file = ServeStatus.fileFor(global.home(), global.env());
        Optional<ServeStatus> status = ServeStatus.read(file);
        Instant now = global.clock(java.time.ZoneOffset.UTC).instant();
        if (status.isEmpty()) {
            out.println("serve：未运行（没有状态文件 " + file + "） / not running");
        } else {
            ServeStatus s = status.get();
            boolean alive = ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false)
                    && Duration.between(s.updatedInstant(), now).compareTo(STALE) < 0;
            out.printf("serve：%s（pid %d，更新于 %s） / %s%n", alive ? "运行中" : "未运行", s.pid(), s.updatedAt(),
                    alive ? "running" : "not running (last status shown)");
            out.printf("长连接 / long connection：%s（自 %s 起，重连 %d 次）%s%n", describe(s.connection()),
                    s.connectionSince(), s.reconnects(),
                    s.lastProblem().isEmpty() ? "" : "\n  最近问题 / last problem：" + s.lastProblem());
            out.printf("机器人 / bot：%s；配置了 webhook 的群 / webhook groups in duban.yml：%d%n",
                    s.botId().isEmpty() ? "（未配置）" : s.botId(), s.webhookGroups());
            if (!s.storageProblem().isEmpty()) {
                out.println("数据库故障 / storage problem：" + s.storageProblem());
                out.println("  收到的消息无法保存，发送人会收到“" + StorageProblems.CANNOT_STORE + "”；排除故障后重启 serve。");
            }
        }
        Storage storage;
        try {
            storage = Storage.open(global.jdbcUrl());
        } catch (StorageFault e) {
            out.println("数据库 / database：" + e.getMessage());
            out.flush();
            return 1;
        }
        try (storage) {
            Instant silent = now.minus(STALE);
            for (ServeInstance i : storage.instances().all()) {
                out.printf("实例 / instance %s：主机 %s，pid %d，%s，心跳 %s%s%n", i.instanceId(), i.host(), i.pid(),
                        "active".equals(i.role()) ? "主用 active" : "备用 standby", i.heartbeatAt(),
                        i.heartbeatAt().isBefore(silent) ? "（已失联 / silent）" : "");
            }
            long unanswered = storage.inbound().countUnanswered();
            long expired = storage.inbound().countWithOutcome(UnansweredMessages.EXPIRED);
            out.printf("消息 / messages：待答复 unanswered %d，过期未答复 expired %d%n", unanswered, expired);
            if (expired > 0) {
                out.println("  过期的消息超过了答复期限，没有答复；日志里有每一条的记录。");
            }
            // from stored to answered (the reply written to the outbox), over every message in the database
            out.println("答复用时 / waited for an answer：" + storage.inbound().waitTimes(UnansweredMessages.EXPIRED)
                    .line().replace("expired", "过期 expired"));
            Map<OutboxEntry.Status, Long> counts = storage.outbox().countByStatus();
            out.printf("发件箱 / outbox：待发 pending %d，发送中 sending %d，失败 failed %d，已发 sent %d，已放弃 dropped %d%n",
                    counts.getOrDefault(OutboxEntry.Status.PENDING, 0L),
                    counts.getOrDefault(OutboxEntry.Status.SENDING, 0L),
                    counts.getOrDefault(OutboxEntry.Status.FAILED, 0L),
                    counts.getOrDefault(OutboxEntry.Status.SENT, 0L),
                    counts.getOrDefault(OutboxEntry.Status.DROPPED, 0L));
            if (counts.getOrDefault(OutboxEntry.Status.FAILED, 0L) > 0) {
                out.println("  有发送失败的消息：运行 ./duban outbox 查看原因，./duban outbox retry ID 重发。");
            }
        }
        out.flush();
        return 0;
    }

    private static String describe(String state) {
        return switch (state) {
            case "ONLINE" -> "在线 ONLINE";
            case "CONNECTING", "SUBSCRIBING" -> "连接中 " + state;
            case "WAITING_TO_RECONNECT" -> "等待重连 " + state;
            case "KICKED" -> "已被另一实例顶下线 KICKED";
            case "AUTH_FAILED" -> "凭据被拒绝 AUTH_FAILED（检查 WECOM_BOT_ID / WECOM_BOT_SECRET）";
            case "STOPPED" -> "已停止 STOPPED";
            case "NOT_CONFIGURED" -> "未配置（只推送或只用 HTTP 回调） NOT_CONFIGURED";
            default -> state;
        };
    }
}
