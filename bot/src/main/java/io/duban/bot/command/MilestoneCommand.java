package io.duban.bot.command;

import java.time.Clock;
import io.duban.config.Settings;
import io.duban.plan.Organization;
import io.duban.bot.status.StatusBoard;
import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.milestone.MilestoneBook;
import io.duban.bot.milestone.MilestoneService;
import io.duban.bot.milestone.TaskMilestone;
import io.duban.bot.status.TaskStatus;
import io.duban.plan.Milestone;
import io.duban.plan.MilestoneText;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Role;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 节点 12}: a task's milestones (时间节点) and where each stands. The office adds or moves one
 * ({@code 节点 12 2023-10-31 完成产销对接会 60%}: the same text moves it); the office or the lead unit confirms one
 * reached ({@code 节点 12 达成 完成产销对接会}). Every edit is stored with who and when.
 */
public final class MilestoneCommand implements Command {
    private static final Pattern TASK_ONLY = Pattern.compile("^(?:任务)?\\s*(\\d{1,4})$");
    private static final Pattern REACHED = Pattern.compile("^(?:任务)?\\s*(\\d{1,4})\\s*(?:已达成|达成|已完成)\\s*(.*)$");
    private static final Pattern SET = Pattern.compile("^(?:任务)?\\s*(\\d{1,4})\\s+(.+)$", Pattern.DOTALL);

    private final CurrentPlan plans;
    private final StatusBoard board;
    private final Organization org;
    private final Quoter quoter;
    private final Settings settings;
    private final Clock clock;
    private final MilestoneService milestones;

    public MilestoneCommand(MilestoneService milestones, CurrentPlan plans, StatusBoard board, Organization org,
                            Quoter quoter, Settings settings, Clock clock) {
        this.plans = plans;
        this.board = board;
        this.org = org;
        this.quoter = quoter;
        this.settings = settings;
        this.clock = clock;
        this.milestones = milestones;
    }

    @Override
    public String name() {
        return "节点";
    }

    @Override
    public List<String> aliases() {
        return List.of("milestone");
    }

    @Override
    public String summary() {
        return "查看时间节点；管理员添加或调整（同名即调整）：节点 12 2023-10-31 完成产销对接会 60%；牵头单位确认达成：节点 12 达成";
    }

    @Override
    public String example() {
        return "节点 12";
    }

    @Override
    public Access access() {
        return Access.REGISTERED;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        WorkPlan plan = plans.get();
        Matcher only = TASK_ONLY.matcher(args);
        Matcher reached = REACHED.matcher(args);
        Matcher set = SET.matcher(args);
        int number;
        if (only.matches()) {
            number = Integer.parseInt(only.group(1));
        } else if (reached.matches()) {
            number = Integer.parseInt(reached.group(1));
        } else if (set.matches()) {
            number = Integer.parseInt(set.group(1));
        } else {
            return Reply.of("请写明任务编号，例如：节点 12（查看）；节点 12 2023-10-31 完成产销对接会 60%（添加或调整）");
        }
        Optional<PlanTask> task = plan.task(number);
        if (task.isEmpty()) {
            return Reply.of(ReportReplies.unknownTask(plan, number, "节点 12"));
        }
        if (only.matches()) {
            return Reply.of(list(ctx, plan, task.get()));
        }
        if (reached.matches()) {
            return reached(ctx, plan, task.get(), reached.group(2).strip());
        }
        return set(ctx, plan, task.get(), set.group(2).strip());
    }

    private String list(CommandContext ctx, WorkPlan plan, PlanTask task) {
        MilestoneBook book = board.milestones(plan);
        List<TaskMilestone> all = book.of(task);
        if (all.isEmpty()) {
            return "任务 " + task.number() + " 尚未设定时间节点，进度按计划起止日期匀速衡量。管理员可添加，例如：节点 "
                    + task.number() + " 2023-10-31 完成产销对接会 60%";
        }
        TaskStatus status = board.task(plan, task);
        LocalDate today = board.today();
        StringBuilder sb = new StringBuilder("【任务 ").append(task.number()).append(" 时间节点】当前进度 ")
                .append(status.percent()).append("%");
        for (TaskMilestone m : all) {
            sb.append("\n").append(state(m, status.percent(), today)).append(" ")
                    .append(quoter.quote(m.milestone().label()));
        }
        return sb.toString();
    }

    static String state(TaskMilestone m, int percent, LocalDate today) {
        if (m.met(percent)) {
            return "✅已达成";
        }
        long days = ChronoUnit.DAYS.between(today, m.milestone().date());
        return days < 0 ? "🔴未达成" : "⏳还有 " + days + " 天";
    }

    private Reply set(CommandContext ctx, WorkPlan plan, PlanTask task, String text) {
        if (ctx.person().role() != Role.ADMIN) {
            return Reply.of("添加或调整时间节点仅限管理员。查看请发：节点 " + task.number());
        }
        MilestoneText.Result parsed = MilestoneText.parse(text, plan.year());
        if (parsed instanceof MilestoneText.Result.Invalid invalid) {
            return Reply.of(invalid.reason().replace("例如：", "例如：节点 " + task.number() + " "));
        }
        Milestone m = ((MilestoneText.Result.Ok) parsed).milestone();
        if (m.date().isBefore(plan.start()) || m.date().isAfter(task.deadline())) {
            return Reply.of("节点日期 " + m.date() + " 不在任务 " + task.number() + " 的期限（" + plan.start() + " 至 "
                    + task.deadline() + "）内，请核对后重发，例如：节点 " + task.number() + " " + MilestoneText.EXAMPLE);
        }
        if (m.text().length() > 60) {
            return Reply.of("节点内容请控制在 60 字以内，例如：节点 " + task.number() + " " + MilestoneText.EXAMPLE);
        }
        MilestoneService.SetResult result = milestones.set(plan, task, m, ctx.person().userId(), ctx.inboundId());
        String what = quoter.quote(m.label());
        String by = "（" + ctx.person().name() + "，" + Formats.dayTime(clock.instant(),
                settings.zone()) + "）";
        if (result.before().isPresent()) {
            return Reply.of("已调整任务 " + task.number() + " 的时间节点：" + quoter.quote(result.before().get().label())
                    + " → " + what + by);
        }
        return Reply.of("已为任务 " + task.number() + " 添加时间节点：" + what + by
                + "\n到期前将提醒牵头单位；到期未达成，任务亮红灯。");
    }

    private Reply reached(CommandContext ctx, WorkPlan plan, PlanTask task, String text) {
        boolean mayConfirm = ctx.person().role() == Role.ADMIN
                || org.isLead(task, ctx.person().unit());
        if (!mayConfirm) {
            return Reply.of("确认节点达成仅限任务 " + task.number() + " 的牵头单位或管理员。");
        }
        List<TaskMilestone> open = board.milestones(plan).of(task).stream()
                .filter(m -> m.reachedAt().isEmpty()).toList();
        Optional<TaskMilestone> target = text.isEmpty() ? open.stream().findFirst()
                : open.stream().filter(m -> m.milestone().text().equals(text)).findFirst();
        if (target.isEmpty()) {
            return Reply.of(open.isEmpty() ? "任务 " + task.number() + " 没有待确认的时间节点。"
                    : "没有找到节点“" + quoter.quote(text) + "”。待确认的节点："
                    + String.join("；", open.stream().map(m -> quoter.quote(m.milestone().label())).toList())
                    + "。例如：节点 " + task.number() + " 达成 " + quoter.quote(open.get(0).milestone().text()));
        }
        milestones.reached(plan, task, target.get(), ctx.person().userId(), ctx.inboundId());
        return Reply.of("已确认任务 " + task.number() + " 的时间节点达成：" + quoter.quote(target.get().milestone().label())
                + "（" + ctx.person().name() + "）");
    }
}
