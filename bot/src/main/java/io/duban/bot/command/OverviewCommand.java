package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.status.Colour;
import io.duban.bot.status.TaskStatus;
import io.duban.plan.PlanArea;
import io.duban.plan.WorkPlan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code 进度}: the plan at a glance, by area, leading with what needs attention. */
public final class OverviewCommand implements Command {
    @Override
    public String name() {
        return "进度";
    }

    @Override
    public List<String> aliases() {
        return List.of("总览", "status", "overview");
    }

    @Override
    public String summary() {
        return "全部任务按工作要点的红黄绿概览";
    }

    @Override
    public String example() {
        return "进度";
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
        WorkPlan plan = ctx.services().plan();
        List<TaskStatus> all = ctx.services().board().tasks(plan);
        Map<Integer, List<TaskStatus>> byArea = all.stream()
                .collect(Collectors.groupingBy(s -> s.task().areaNumber()));
        StringBuilder sb = new StringBuilder();
        sb.append("【").append(plan.year()).append("年计划进度】").append(ctx.services().board().today())
                .append("，距年底截止 ").append(java.time.temporal.ChronoUnit.DAYS.between(
                        ctx.services().board().today(), plan.deadline())).append(" 天\n");
        sb.append("共 ").append(all.size()).append(" 项：").append(counts(all))
                .append("，平均进度 ").append(average(all)).append("%\n");
        for (PlanArea area : plan.areas()) {
            List<TaskStatus> tasks = byArea.getOrDefault(area.number(), List.of());
            sb.append("\n").append(area.number()).append(". ").append(area.name()).append("　")
                    .append(counts(tasks)).append("　平均 ").append(average(tasks)).append("%");
        }
        List<TaskStatus> attention = all.stream().filter(s -> s.colour() != Colour.GREEN).toList();
        if (!attention.isEmpty()) {
            sb.append("\n\n需关注：");
            attention.stream().filter(s -> s.colour() == Colour.RED)
                    .forEach(s -> sb.append("\n").append(Formats.taskLine(s, 12)));
            attention.stream().filter(s -> s.colour() == Colour.YELLOW)
                    .forEach(s -> sb.append("\n").append(Formats.taskLine(s, 12)));
        }
        sb.append("\n\n详情：任务 12；未报送单位：未报送；存在问题：问题");
        return Reply.of(sb.toString());
    }

    static String counts(List<TaskStatus> tasks) {
        long red = tasks.stream().filter(s -> s.colour() == Colour.RED).count();
        long yellow = tasks.stream().filter(s -> s.colour() == Colour.YELLOW).count();
        long green = tasks.stream().filter(s -> s.colour() == Colour.GREEN).count();
        return "红 " + red + " · 黄 " + yellow + " · 绿 " + green;
    }

    static long average(List<TaskStatus> tasks) {
        return Math.round(tasks.stream().mapToInt(TaskStatus::percent).average().orElse(0));
    }
}
