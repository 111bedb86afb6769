package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.storage.model.ProgressReport;
import java.util.List;

/** {@code 问题}: problems raised in the latest reports and not yet cleared by a later report. */
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
        return args.isEmpty();
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        List<ProgressReport> problems = ctx.services().board().openProblems(ctx.services().plan());
        if (problems.isEmpty()) {
            return Reply.of("目前各单位最近的报送中没有提出问题。");
        }
        StringBuilder sb = new StringBuilder("【存在问题】共 " + problems.size() + " 条");
        for (ProgressReport r : problems) {
            sb.append("\n· 任务 ").append(r.taskNumber()).append(" ").append(r.unit()).append("（")
                    .append(Formats.day(r.reportedAt(), ctx.services().config().settings().zone())).append("）：")
                    .append(ctx.services().quote(r.problems()));
        }
        return Reply.of(sb.toString());
    }
}
