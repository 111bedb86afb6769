package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.problem.ConsultRule;
import io.duban.bot.problem.ProblemService;
import io.duban.bot.status.StatusBoard;
import io.duban.plan.WorkPlan;
import io.duban.roster.Role;
import io.duban.storage.model.ProblemItem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 会商}: problems waiting for a consultation (待会商: open longer than the configured time, or raised by
 * several units on one task), for the next meeting's agenda. {@code 会商 问题3 2023-10-20 专题会：协调冷链补贴}
 * (office) records what the meeting decided; the problem stays open until it is solved.
 */
public final class ConsultCommand implements Command {
    private static final Pattern DECISION = Pattern.compile(
            "^(?:问题)?\\s*(\\d{1,7})\\s+(?:(\\d{4})[-/.年])?(\\d{1,2})[-/.月](\\d{1,2})日?\\s*[，,:：]?\\s*(.+)$",
            Pattern.DOTALL);
    private static final int MAX_LINES = 15;
    private static final String DECISION_EXAMPLE = "会商 问题3 2023-10-20 专题会：协调冷链补贴";

    private final CurrentPlan plans;
    private final StatusBoard board;
    private final Quoter quoter;
    private final ProblemService problems;

    public ConsultCommand(ProblemService problems, CurrentPlan plans, StatusBoard board, Quoter quoter) {
        this.plans = plans;
        this.board = board;
        this.quoter = quoter;
        this.problems = problems;
    }

    @Override
    public String name() {
        return "会商";
    }

    @Override
    public List<String> aliases() {
        return List.of("consult");
    }

    @Override
    public String summary() {
        return "待会商的问题；管理员记录结论：会商 问题3 2023-10-20 专题会：协调冷链补贴";
    }

    @Override
    public String example() {
        return "会商";
    }

    @Override
    public Access access() {
        return Access.LEADER;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        WorkPlan plan = plans.get();
        if (args.isEmpty()) {
            return Reply.of(list(ctx, plan));
        }
        if (ctx.person().role() != Role.ADMIN) {
            return Reply.of("记录会商结论仅限管理员。查看待会商问题请发：会商");
        }
        Matcher m = DECISION.matcher(args);
        if (!m.matches()) {
            return Reply.of("请写明问题编号、会商日期和结论，例如：" + DECISION_EXAMPLE);
        }
        long id = Long.parseLong(m.group(1));
        Optional<ProblemItem> item = problems.find(plan, id);
        if (item.isEmpty()) {
            return Reply.of("没有问题" + id + "。待会商的问题请发：会商");
        }
        LocalDate date;
        try {
            date = LocalDate.of(m.group(2) == null ? plan.year() : Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            return Reply.of("会商日期不存在，请核对，例如：" + DECISION_EXAMPLE);
        }
        String decision = m.group(5).strip();
        if (decision.length() > 200) {
            return Reply.of("会商结论请控制在 200 字以内，例如：" + DECISION_EXAMPLE);
        }
        problems.decide(item.get(), date, decision, ctx.person().userId(), ctx.inboundId());
        ProblemItem p = item.get();
        return Reply.of("已记录问题" + id + "（任务 " + p.taskNumber() + " " + p.unit() + "：" + quoter.quote(p.text())
                + "）的会商结论（" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日）："
                + quoter.quote(decision)
                + (p.isOpen() ? "\n问题仍在跟踪，解决后请发：解决 问题" + id + " 解决情况" : ""));
    }

    private String list(CommandContext ctx, WorkPlan plan) {
        List<ConsultRule.Flag> flags = problems.awaitingConsultation(plan);
        if (flags.isEmpty()) {
            return "目前没有待会商的问题（未解决超过 " + problems.settings().consultAfter().toDays()
                    + " 天或多个单位提出的问题会列在这里）。";
        }
        StringBuilder sb = new StringBuilder("【待会商】共 ").append(flags.size()).append(" 个问题");
        for (ConsultRule.Flag f : flags.subList(0, Math.min(MAX_LINES, flags.size()))) {
            ProblemItem p = f.item();
            sb.append("\n问题").append(p.id()).append(" 任务").append(p.taskNumber()).append(' ').append(p.unit())
                    .append("：").append(quoter.cut(p.text(), 30)).append("（").append(f.why()).append("）");
        }
        if (flags.size() > MAX_LINES) {
            sb.append("\n另有 ").append(flags.size() - MAX_LINES).append(" 个，见台账。");
        }
        sb.append("\n记录结论：会商 问题").append(flags.get(0).item().id()).append(' ')
                .append(board.today()).append(" 专题会：…");
        return sb.toString();
    }
}
