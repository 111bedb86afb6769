package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.problem.ProblemService;
import io.duban.config.Settings;
import io.duban.plan.Organization;
import io.duban.plan.PlanTask;
import io.duban.plan.WorkPlan;
import io.duban.roster.Role;
import io.duban.storage.model.ProblemItem;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code 解决 问题3 已协调冷链补贴}: the unit that raised a problem, the task's lead unit or the office closes it. */
public final class SolveCommand implements Command {
    static final Pattern ITEM = Pattern.compile("^(?:问题)?\\s*(\\d{1,7})\\s*[，,:：]?\\s*(.*)$", Pattern.DOTALL);

    private final CurrentPlan plans;
    private final Organization org;
    private final Quoter quoter;
    private final Settings settings;
    private final ProblemService problems;

    public SolveCommand(ProblemService problems, CurrentPlan plans, Organization org, Quoter quoter,
                        Settings settings) {
        this.plans = plans;
        this.org = org;
        this.quoter = quoter;
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    public String name() {
        return "解决";
    }

    @Override
    public List<String> aliases() {
        return List.of("solve");
    }

    @Override
    public String summary() {
        return "标记问题已解决（提出单位、牵头单位或管理员）";
    }

    @Override
    public String example() {
        return "解决 问题3 已协调冷链补贴";
    }

    @Override
    public Access access() {
        return Access.REGISTERED;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        Matcher m = ITEM.matcher(args.strip());
        if (!m.matches()) {
            return Reply.of("请写明问题编号和解决情况，例如：解决 问题3 已协调冷链补贴（问题编号见：问题）");
        }
        WorkPlan plan = plans.get();
        long id = Long.parseLong(m.group(1));
        Optional<ProblemItem> item = problems.find(plan, id);
        if (item.isEmpty()) {
            return Reply.of("没有问题" + id + "。未解决的问题及编号请发：问题");
        }
        ProblemItem p = item.get();
        if (!p.isOpen()) {
            return Reply.of("问题" + id + " 已于 " + Formats.day(p.closedAt().orElseThrow(),
                    settings.zone()) + " 关闭（" + p.state().label() + "），无需再标记。");
        }
        Optional<PlanTask> task = plan.task(p.taskNumber());
        boolean may = ctx.person().role() == Role.ADMIN || ctx.person().unit().equals(p.unit())
                || task.map(t -> org.isLead(t, ctx.person().unit())).orElse(false);
        if (!may) {
            return Reply.of("问题" + id + " 由" + p.unit() + "提出，请由该单位、任务牵头单位或办公室标记解决。");
        }
        String note = m.group(2).strip();
        if (note.length() > 200) {
            return Reply.of("解决情况请控制在 200 字以内，例如：解决 问题" + id + " 已协调冷链补贴");
        }
        if (problems.solve(p, ctx.person().userId(), note).isEmpty()) {
            return Reply.of("问题" + id + " 刚刚已被关闭，无需再标记。");
        }
        return Reply.of("已将问题" + id + "（任务 " + p.taskNumber() + " " + p.unit() + "：" + quoter.quote(p.text())
                + "）标记为已解决" + (note.isEmpty() ? "。" : "：" + quoter.quote(note)));
    }
}
