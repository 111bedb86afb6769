package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.review.ReviewResult;
import io.duban.bot.review.ReviewService;
import io.duban.bot.text.UserText;
import io.duban.config.Settings;
import io.duban.plan.Organization;
import io.duban.plan.WorkPlan;
import io.duban.roster.Person;
import io.duban.storage.model.ProgressReport;
import io.duban.storage.model.ReportReview;
import io.duban.storage.model.ReviewDecision;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The office's check of reports in words: parses {@code 核查} and {@code 退回}, asks the {@link ReviewService}, and
 * writes the answer ({@link ReviewNotices} writes the notice the unit gets).
 */
public final class ReviewReplies {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final int MAX_LISTED = 10;
    private static final String RETURN_EXAMPLE = "退回 12 请补充采购金额";

    private final Settings settings;
    private final ReviewService service;

    public ReviewReplies(Settings settings, ReviewService service) {
        this.settings = settings;
        this.service = service;
    }

    /** {@code 核查 12 [单位] 通过} (or {@code 核查 12 [单位] 退回 原因}); with no arguments, what is unchecked. */
    Reply check(Organization org, WorkPlan plan, Person reviewer, String args, long inboundId) {
        if (args.isBlank()) {
            return listUnchecked(plan);
        }
        Optional<Args> parsed = parse(org, args);
        if (parsed.isEmpty()) {
            return Reply.of("请写明任务编号和核查结果，例如：核查 12 通过；多个单位报送时写明单位：核查 12 农技中心 通过。"
                    + "退回请发：退回 12 请补充采购金额");
        }
        Args p = parsed.get();
        String rest = p.rest();
        if (rest.startsWith("退回")) {
            return decided(plan, service.decide(plan, reviewer, p.task(), p.unit(), ReviewDecision.RETURNED,
                    rest.substring(2).strip(), inboundId), RETURN_EXAMPLE);
        }
        if (rest.startsWith("通过")) {
            return decided(plan, service.decide(plan, reviewer, p.task(), p.unit(), ReviewDecision.PASSED,
                    rest.substring(2).strip(), inboundId), "核查 12 通过");
        }
        if (rest.isEmpty()) {
            return Reply.of(taskOverview(plan, p.task()));
        }
        return Reply.of("没有看懂核查结果“" + UserText.escape(rest, 20) + "”。请写“通过”，例如：核查 " + p.task()
                + " 通过；退回请发：退回 " + p.task() + " 请补充采购金额");
    }

    /** {@code 退回 12 [单位] 原因}. */
    Reply returnReport(Organization org, WorkPlan plan, Person reviewer, String args, long inboundId) {
        Optional<Args> parsed = parse(org, args);
        if (parsed.isEmpty()) {
            return Reply.of("请写明任务编号和退回原因，例如：退回 12 请补充采购金额；"
                    + "多个单位报送时写明单位：退回 12 农技中心 请补充采购金额");
        }
        Args p = parsed.get();
        if (p.rest().isBlank()) {
            return Reply.of("请写明退回原因，便于报送单位补充，例如：退回 " + p.task() + " 请补充采购金额");
        }
        return decided(plan, service.decide(plan, reviewer, p.task(), p.unit(), ReviewDecision.RETURNED, p.rest(),
                inboundId), RETURN_EXAMPLE);
    }

    /**
     * One line for a summary, e.g. {@code 待核查报送 3 条：任务 12 农技中心、任务 15 农管科…}; empty when nothing
     * waits.
     */
    public Optional<String> uncheckedSummary(WorkPlan plan, int maxItems) {
        List<ProgressReport> open = service.unchecked(plan);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String items = open.stream().limit(maxItems).map(r -> "任务 " + r.taskNumber() + " " + r.unit())
                .collect(Collectors.joining("、"));
        return Optional.of("待核查报送 " + open.size() + " 条：" + items + (open.size() > maxItems ? "等" : "")
                + "。核查请发：核查");
    }

    private record Args(int task, Optional<String> unit, String rest) {
    }

    /** The task number, then optionally a unit's name, then the rest. */
    private static Optional<Args> parse(Organization org, String args) {
        Optional<TaskArgs> task = TaskArgs.parse(args);
        if (task.isEmpty()) {
            return Optional.empty();
        }
        String rest = task.get().rest();
        Optional<String> unit = org.units().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(rest::startsWith)
                .findFirst();
        if (unit.isPresent()) {
            rest = rest.substring(unit.get().length()).replaceFirst("^[\\s:：,，]+", "").strip();
        }
        return Optional.of(new Args(task.get().task(), unit, rest));
    }

    private Reply listUnchecked(WorkPlan plan) {
        List<ProgressReport> open = service.unchecked(plan);
        if (open.isEmpty()) {
            return Reply.of("目前没有待核查的报送。");
        }
        StringBuilder sb = new StringBuilder("待核查的报送（").append(open.size()).append(" 条）：");
        open.stream().limit(MAX_LISTED).forEach(r -> sb.append("\n  ").append(line(r)));
        if (open.size() > MAX_LISTED) {
            sb.append("\n  …另有 ").append(open.size() - MAX_LISTED).append(" 条，核查以上各条后显示");
        }
        ProgressReport first = open.get(0);
        sb.append("\n核查通过请发：核查 ").append(first.taskNumber()).append(" ").append(first.unit()).append(" 通过")
                .append("\n退回请发：退回 ").append(first.taskNumber()).append(" ").append(first.unit())
                .append(" 请补充采购金额");
        return Reply.of(sb.toString());
    }

    /** @param example the command the reviewer used, written correctly, for an unknown task number */
    private Reply decided(WorkPlan plan, ReviewResult result, String example) {
        if (result instanceof ReviewResult.UnknownTask r) {
            return Reply.of(ReportReplies.unknownTask(plan, r.number(), example));
        }
        if (result instanceof ReviewResult.ReasonMissing r) {
            return Reply.of("请写明退回原因，便于报送单位补充，例如：退回 " + r.number() + " 请补充采购金额");
        }
        if (result instanceof ReviewResult.NotAssigned r) {
            return Reply.of(r.unit() + " 不是任务 " + r.number() + " 的牵头或责任单位。任务 " + r.number() + " 的单位："
                    + String.join("、", r.units()) + "。");
        }
        if (result instanceof ReviewResult.NothingFromUnit r) {
            return Reply.of(r.unit() + " 还没有任务 " + r.number() + " 的有效报送，无需核查。");
        }
        if (result instanceof ReviewResult.NothingReported r) {
            return Reply.of("任务 " + r.number() + " 还没有任何单位报送，无需核查。");
        }
        if (result instanceof ReviewResult.WhichUnit r) {
            return Reply.of(askWhichUnit(r));
        }
        if (result instanceof ReviewResult.AlreadyPassed r) {
            return Reply.of(r.report().unit() + " 对任务 " + r.report().taskNumber() + " 的这次报送已于 "
                    + r.previous().reviewedAt().atZone(settings.zone()).format(DAY) + " 核查通过，无需重复。");
        }
        ReviewResult.Decided d = (ReviewResult.Decided) result;
        String quoted = quote(d.review().reason());
        String where = ClosureReplies.where(d.told());
        if (d.review().decision() == ReviewDecision.PASSED) {
            return Reply.of("已核查通过：" + describe(d.report(), d.reporterName())
                    + (quoted.isEmpty() ? "" : "。备注：" + quoted) + "。" + where + "。");
        }
        return Reply.of("已退回：" + describe(d.report(), d.reporterName()) + "，原因：" + quoted + "。" + where
                + "；该单位重新报送前，此项计为未报送。");
    }

    private String taskOverview(WorkPlan plan, int number) {
        if (plan.task(number).isEmpty()) {
            return ReportReplies.unknownTask(plan, number, "核查 12");
        }
        List<ProgressReport> latest = service.latestOfTask(plan, number);
        if (latest.isEmpty()) {
            return "任务 " + number + " 还没有任何单位报送，无需核查。";
        }
        StringBuilder sb = new StringBuilder("任务 ").append(number).append(" 各单位最近的报送：");
        for (ProgressReport r : latest) {
            sb.append("\n  ").append(line(r)).append("　").append(state(r));
        }
        sb.append("\n核查通过请发：核查 ").append(number).append(" ").append(latest.get(0).unit()).append(" 通过")
                .append("；退回请发：退回 ").append(number).append(" ").append(latest.get(0).unit()).append(" 原因");
        return sb.toString();
    }

    private String askWhichUnit(ReviewResult.WhichUnit w) {
        int number = w.number();
        StringBuilder sb = new StringBuilder(w.allChecked()
                ? "任务 " + number + " 的报送都已核查过。如需改变决定，请写明单位："
                : "任务 " + number + " 有 " + w.candidates().size() + " 个单位的报送待核查，请写明单位：");
        for (ProgressReport r : w.candidates()) {
            sb.append("\n  ").append(line(r)).append(w.allChecked() ? "　" + state(r) : "");
        }
        String unit = w.candidates().get(0).unit();
        sb.append("\n例如：").append(w.decision() == ReviewDecision.PASSED
                ? "核查 " + number + " " + unit + " 通过" : "退回 " + number + " " + unit + " 请补充采购金额");
        return sb.toString();
    }

    private String state(ProgressReport r) {
        return service.decision(r).map(v -> v.decision().label()
                        + (v.reason().isBlank() ? "" : "（" + UserText.escape(v.reason(), 20) + "）"))
                .orElse("待核查");
    }

    /** {@code 任务 12 农技中心 10月9日 60%（郑丽）}. */
    private String line(ProgressReport r) {
        return "任务 " + r.taskNumber() + " " + r.unit() + " " + day(r) + " " + percent(r) + "（"
                + service.reporterName(r) + "）";
    }

    private String describe(ProgressReport r, String reporterName) {
        return r.unit() + " " + day(r) + " 对任务 " + r.taskNumber() + " 的报送（" + percent(r) + "，" + reporterName + "）";
    }

    private String day(ProgressReport r) {
        return r.reportedAt().atZone(settings.zone()).format(DAY);
    }

    private static String percent(ProgressReport r) {
        return r.percent().isPresent() ? r.percent().getAsInt() + "%" : "—";
    }

    private String quote(String text) {
        return UserText.escape(text, settings.maxQuoteChars());
    }
}
