package io.duban.bot.command;

import io.duban.bot.chart.WeeklyPicture;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Attachment;
import io.duban.bot.message.FileDoors;
import io.duban.bot.message.FileTarget;
import io.duban.bot.message.Reply;
import io.duban.bot.report.ReportingWeek;
import io.duban.bot.status.StatusBoard;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@code 图表}: the weekly chart (tasks by colour per area, average progress by week) as a picture in the chat. */
public final class ChartCommand implements Command {
    private final CurrentPlan plans;
    private final StatusBoard board;
    private final Clock clock;
    private final WeeklyPicture picture;
    private final FileDoors doors;

    public ChartCommand(WeeklyPicture picture, FileDoors doors, CurrentPlan plans, StatusBoard board, Clock clock) {
        this.plans = plans;
        this.board = board;
        this.clock = clock;
        this.picture = picture;
        this.doors = doors;
    }

    @Override
    public String name() {
        return "图表";
    }

    @Override
    public List<String> aliases() {
        return List.of("周报图", "chart");
    }

    @Override
    public String summary() {
        return "把本周推进情况图发到本聊天";
    }

    @Override
    public String example() {
        return "图表";
    }

    @Override
    public Access access() {
        return Access.LEADER;
    }

    @Override
    public boolean accepts(String args) {
        return args.isEmpty();
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        FileTarget target = doors.forAnswerTo(ctx.message());
        if (target instanceof FileTarget.Missing missing) {
            return Reply.of("图表暂时无法发送：" + missing.explanation().replace("接收文件", "接收图片"));
        }
        Instant now = clock.instant();
        byte[] png = picture.renderWeeklyPng(plans.get(), now);
        ReportingWeek week = board.currentWeek();
        String name = "推进情况-" + week + ".png";
        return Reply.withAttachment("第 " + week.week() + " 周推进情况图" + (target instanceof FileTarget.Person
                ? "已私信发给您。" : "随后发到本聊天。") + "各任务详情请发：进度",
                new Attachment(Attachment.Kind.IMAGE, name, png, target));
    }
}
