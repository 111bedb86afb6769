package io.duban.bot.command;

import io.duban.bot.duty.CurrentPlan;
import io.duban.bot.message.Reply;
import io.duban.bot.problem.ConsultRule;
import io.duban.bot.problem.ProblemService;
import io.duban.bot.status.StatusBoard;
import io.duban.config.Settings;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProblemItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code 问题}: open problem items, oldest first, one line each, one phone screen per page ({@code 问题 2} for the
 * next); items waiting for a consultation are marked 待会商. The first page ends with the items closed in the last
 * two weeks, lapsed ones ("未再提及") included, so that nothing disappears silently.
 */
public final class ProblemsCommand implements Command {
    static final int MAX_LINES = 20;
    static final int MAX_CHARS = 450;
    private static final Pattern PAGE = Pattern.compile("^\\d{1,3}$");

    private final CurrentPlan plans;
    private final StatusBoard board;
    private final Quoter quoter;
    private final Settings settings;
    private final Clock clock;
    private final ProblemService problems;

    public ProblemsCommand(ProblemService problems, CurrentPlan plans, StatusBoard board, Quoter quoter,
                           Settings settings, Clock clock) {
        this.plans = plans;
        this.board = board;
        this.quoter = quoter;
        this.settings = settings;
        this.clock = clock;
        this.problems = problems;
    }

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
        return "未解决的问题（按提出时间，最早的在前）";
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
        return args.isEmpty() || PAGE.matcher(args).matches();
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        WorkPlan plan = plans.get();
        int page = args.isEmpty() ? 1 : Math.max(1, Integer.parseInt(args));
        // one truth: ProblemService leaves out items raised by a report the office returned, for every view
        io.duban.bot.status.AcceptedReports accepted = board.accepted(plan);
        List<ProblemItem> open = problems.open(plan);
        Set<Integer> openTasks = board.openTasks(plan).stream().map(t -> t.number())
                .collect(Collectors.toSet());
        String awaiting = accepted.awaitingResubmission().stream().filter(r -> openTasks.contains(r.taskNumber()))
                .map(r -> "任务 " + r.taskNumber() + " " + r.unit()).collect(Collectors.joining("、"));
        String resubmit = awaiting.isEmpty() ? "" : "\n已退回待重报：" + awaiting;
        Set<Long> consult = problems.awaitingConsultation(plan).stream().map(f -> f.item().id())
                .collect(Collectors.toSet());
        ZoneId zone = settings.zone();
        List<String> lines = new ArrayList<>();
        for (ProblemItem p : open) {
            lines.add("问题" + p.id() + " 任务" + p.taskNumber() + " " + p.unit() + " "
                    + Formats.day(p.raisedAt(), zone) + "：" + quoter.cut(p.text(), 24)
                    + (consult.contains(p.id()) ? "【待会商】" : ""));
        }
        List<List<String>> pages = paginate(lines);
        if (open.isEmpty()) {
            return Reply.of("目前没有未解决的问题。" + recentlyClosed(ctx, plan, zone) + resubmit);
        }
        if (page > pages.size()) {
            return Reply.of("未解决的问题共 " + open.size() + " 个，只有 " + pages.size() + " 页。请发：问题");
        }
        StringBuilder sb = new StringBuilder("【未解决问题】共 ").append(open.size()).append(" 个");
        if (pages.size() > 1) {
            sb.append("（第 ").append(page).append("/").append(pages.size()).append(" 页）");
        }
        pages.get(page - 1).forEach(l -> sb.append('\n').append(l));
        if (page < pages.size()) {
            sb.append("\n更多请发：问题 ").append(page + 1);
        } else {
            String closed = recentlyClosed(ctx, plan, zone);
            if (!closed.isEmpty() && sb.length() + closed.length() <= MAX_CHARS
                    && pages.get(page - 1).size() + 2 < MAX_LINES) {
                sb.append(closed);
            }
        }
        return Reply.of(sb.append(resubmit).toString());
    }

    /** Lines in pages that fit a phone screen with the header and the "更多" line. */
    static List<List<String>> paginate(List<String> lines) {
        List<List<String>> pages = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int chars = 0;
        int budget = MAX_CHARS - 40;   // header and "更多请发：问题 N"
        for (String l : lines) {
            if (!current.isEmpty() && (current.size() + 2 >= MAX_LINES || chars + l.length() + 1 > budget)) {
                pages.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(l);
            chars += l.length() + 1;
        }
        if (!current.isEmpty()) {
            pages.add(current);
        }
        return pages;
    }

    private String recentlyClosed(CommandContext ctx, WorkPlan plan, ZoneId zone) {
        Instant since = clock.instant().minus(Duration.ofDays(14));
        List<String> closed = problems.all(plan).stream()
                .filter(p -> !p.isOpen() && p.closedAt().filter(c -> c.isAfter(since)).isPresent())
                .map(p -> "问题" + p.id() + " " + p.state().label())
                .toList();
        if (closed.isEmpty()) {
            return "";
        }
        return "\n近两周关闭：" + String.join("、", closed.subList(0, Math.min(8, closed.size())))
                + (closed.size() > 8 ? " 等 " + closed.size() + " 个" : "");
    }
}
