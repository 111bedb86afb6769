package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.answer.ProblemsAnswer;
import io.duban.bot.status.AcceptedReports;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProgressReport;
import java.util.List;
import java.util.Set;

/**
 * {@code 问题 [页]}: problems named in the latest accepted reports (returned ones are named apart as 已退回待重报).
 */
public final class ProblemsCommand implements Command {
    @Override
    public String name() {
        return "问题";
    }

    @Override
    public List<String> aliases() {
        return List.of("困难", "problems");
    }

    @Override
    public String summary() {
        return "各单位最近报送中尚未解决的问题";
    }

    @Override
    public String example() {
        return "问题";
    }

    @Override
    public Access access() {
        return Access.LEADER;
    }

    @Override
    public boolean accepts(String args) {
        return Pages.accepts(args);
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        WorkPlan plan = ctx.services().plan();
        AcceptedReports accepted = ctx.services().board().accepted(plan);
        List<ProgressReport> problems = ctx.services().board().openProblems(plan, accepted);
        Set<Integer> open = ctx.services().board().openTasks(plan).stream().map(t -> t.number())
                .collect(java.util.stream.Collectors.toSet());
        List<ProgressReport> returned = accepted.awaitingResubmission().stream()
                .filter(r -> open.contains(r.taskNumber())).toList();
        return Reply.of(ProblemsAnswer.render(plan, problems, returned, ctx.services().config().settings().zone(),
                Pages.number(args)));
    }
}
