package io.duban.bot.cli;

import io.duban.storage.Storage;
import io.duban.storage.model.OutboxEntry;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code duban outbox [retry ID | drop ID]}: the messages still to send and those that failed. */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "查看待发和发送失败的消息；重发或放弃一条。 List pending and failed messages; retry or drop one.",
        subcommands = {OutboxCommand.Retry.class, OutboxCommand.Drop.class})
public final class OutboxCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        try (Storage storage = Storage.open(global.jdbcUrl())) {
            List<OutboxEntry> rows = storage.outbox().list(
                    List.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.SENDING, OutboxEntry.Status.FAILED), limit);
            if (rows.isEmpty()) {
                out.println("发件箱是空的：没有待发或失败的消息。 The outbox is empty.");
            } else {
                out.printf("%-6s %-8s %-26s %-4s %-15s %s%n", "ID", "状态", "发往 / to", "次数", "下次 / next", "内容 / 原因");
                for (OutboxEntry e : rows) {
                    out.printf("%-6d %-8s %-26s %-4d %-15s %s%n", e.id(), e.status().key(),
                            e.message().address().kind().key() + ":" + e.message().address().value(), e.attempts(),
                            TIME.format(e.nextAttemptAt().atZone(zone)), preview(e));
                }
                out.println("重发：./duban outbox retry ID    放弃：./duban outbox drop ID");
            }
        }
        out.flush();
        return 0;
    }

    private static String preview(OutboxEntry e) {
        String text = switch (e.message().format()) {
            case IMAGE -> "[图片]";
            case FILE -> "[文件] " + io.duban.storage.model.FileContent.decode(e.message().content()).describe();
            default -> e.message().content().replaceAll("\\s+", " ").strip();
        };
        if (text.codePointCount(0, text.length()) > 30) {
            text = text.substring(0, text.offsetByCodePoints(0, 30)) + "…";
        }
        return text + e.lastError().map(r -> "  ⚠ " + r).orElse("");
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "重新发送一条失败（或已放弃）的消息。 Send a failed (or dropped) message again.")
    static final class Retry implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Storage storage = Storage.open(global.jdbcUrl())) {
                return change(spec, storage, id, storage.outbox().retry(id, global.clock(java.time.ZoneOffset.UTC).instant()), "已排队重发", "queued again",
                        "只能重发失败或已放弃的消息");
            }
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true,
            description = "放弃一条待发或失败的消息。 Give up a pending or failed message.")
    static final class Drop implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Storage storage = Storage.open(global.jdbcUrl())) {
                return change(spec, storage, id, storage.outbox().drop(id, global.clock(java.time.ZoneOffset.UTC).instant()), "已放弃", "dropped",
                        "只能放弃待发或失败的消息");
            }
        }
    }

    private static int change(CommandSpec spec, Storage storage, long id, boolean changed, String done, String doneEn,
                              String rule) {
        if (changed) {
            spec.commandLine().getOut().printf("消息 %d %s。 Message %d %s.%n", id, done, id, doneEn);
            return 0;
        }
        String now = storage.outbox().find(id).map(e -> "它现在的状态是 " + e.status().key()).orElse("没有这条消息");
        spec.commandLine().getErr().printf("消息 %d 未改动：%s；%s。 Message %d unchanged.%n", id, now, rule, id);
        return 1;
    }
}
