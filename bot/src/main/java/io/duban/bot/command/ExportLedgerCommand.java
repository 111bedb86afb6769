package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.export.LedgerExport;
import io.duban.bot.message.Attachment;
import io.duban.bot.message.FileDoors;
import io.duban.bot.message.FileTarget;
import io.duban.bot.message.Reply;
import io.duban.bot.report.ReportingWeek;
import io.duban.bot.report.WeekWords;
import io.duban.bot.text.UserText;
import io.duban.config.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code 导出 [2023-W40]}: the 台账 workbook, sent into the conversation it was asked in as a WeCom file message
 * (through the group's webhook robot, the intelligent robot or the self-built app). Where no door can carry a file,
 * the answer says which setting is missing.
 */
public final class ExportLedgerCommand implements Command {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final CurrentPlan plans;
    private final Settings settings;
    private final Clock clock;
    private final LedgerExport export;
    private final FileDoors doors;

    public ExportLedgerCommand(LedgerExport export, FileDoors doors, CurrentPlan plans, Settings settings,
                               Clock clock) {
        this.plans = plans;
        this.settings = settings;
        this.clock = clock;
        this.export = export;
        this.doors = doors;
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
        return "把台账（Excel）发到本聊天，可指定截至某周";
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
        var zone = settings.zone();
        Instant asOf = clock.instant();
        Optional<ReportingWeek> week = Optional.empty();
        if (!args.isBlank()) {
            week = WeekWords.read(args, asOf.atZone(zone).toLocalDate());
            if (week.isEmpty()) {
                return Reply.of("没有看懂周次“" + UserText.escape(args, 20) + "”。导出当前台账请发：导出；"
                        + "导出截至某周的台账请发：导出 上周、导出 第40周、导出 10月13日 或 导出 2023-W40");
            }
            Instant end = LedgerExport.endOf(week.get(), zone);
            if (end.isBefore(asOf)) {
                asOf = end;
            }
        }
        FileTarget target = doors.forAnswerTo(ctx.message());
        if (target instanceof FileTarget.Missing missing) {
            return Reply.of("台账暂时无法发送：" + missing.explanation());
        }
        byte[] workbook = export.xlsx(plans.get(), asOf);
        String name = LedgerExport.fileName(asOf.atZone(zone).toLocalDate(), week);
        String where = target instanceof FileTarget.Person ? "已私信发给您" : "随后发到本聊天";
        return Reply.withAttachment("台账（" + plans.get().tasks().size() + " 项任务，截至 "
                        + asOf.atZone(zone).format(DAY_TIME) + "）" + where + "：" + name + "（"
                        + Math.max(1, workbook.length / 1024) + " KB）。",
                new Attachment(Attachment.Kind.FILE, name, workbook, target));
    }
}
