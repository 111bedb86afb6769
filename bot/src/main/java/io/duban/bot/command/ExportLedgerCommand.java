package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.report.ReportingWeek;
import io.duban.bot.text.UserText;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code 导出 [2023-W40]}: writes the 台账 workbook under the export folder and says where it is. The chat
 * transports cannot send files yet, so the admin fetches it from the server.
 */
public final class ExportLedgerCommand implements Command {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final LedgerExport export;
    private final Path dir;

    public ExportLedgerCommand(LedgerExport export, Path dir) {
        this.export = export;
        this.dir = dir;
    }

    @Override
    public String name() {
        return "导出";
    }

    @Override
    public List<String> aliases() {
        return List.of("导出台账", "export");
    }

    @Override
    public String summary() {
        return "导出台账（Excel），可指定截至某周";
    }

    @Override
    public String example() {
        return "导出 2023-W40";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        var zone = ctx.services().config().settings().zone();
        Instant asOf = ctx.services().clock().instant();
        String suffix = "";
        if (!args.isBlank()) {
            ReportingWeek week;
            try {
                week = ReportingWeek.parse(args);
            } catch (IllegalArgumentException e) {
                return Reply.of("没有看懂周次“" + UserText.escape(args, 20) + "”。导出当前台账请发：导出；"
                        + "导出截至某周的台账请发：导出 2023-W40");
            }
            Instant end = LedgerExport.endOf(week, zone);
            if (end.isBefore(asOf)) {
                asOf = end;
            }
            suffix = "-" + week;
        }
        Path file = dir.resolve("台账-" + ctx.services().clock().instant().atZone(zone).format(STAMP) + suffix + ".xlsx");
        List<Path> written = export.write(ctx.services().plan(), asOf, file, false);
        return Reply.of("已导出台账（" + ctx.services().plan().tasks().size() + " 项任务，截至 "
                + asOf.atZone(zone).format(DAY_TIME) + "），文件在服务器上：\n" + written.get(0)
                + "\n当前聊天通道不能发送文件，请从服务器取用。命令行导出：./duban export --out 台账.xlsx --week 2023-W40");
    }
}
