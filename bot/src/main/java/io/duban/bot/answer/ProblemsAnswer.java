package io.duban.bot.answer;

import io.duban.bot.text.Screen;
import io.duban.bot.text.ShortTitles;
import io.duban.bot.text.UserText;
import io.duban.plan.WorkPlan;
import io.duban.storage.model.ProgressReport;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code 问题 [页]}: problems named in the latest accepted reports, newest first; reports the office returned are
 * not among them and are named in one line (已退回待重报), as in every other view.
 */
public final class ProblemsAnswer {
    static final int QUOTE_CHARS = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private ProblemsAnswer() {
    }

    public static String render(WorkPlan plan, List<ProgressReport> problems, List<ProgressReport> returned,
                                ZoneId zone, int page) {
        String returnedLine = returned.isEmpty() ? "" : returnedLine(returned);
        if (problems.isEmpty()) {
            return "目前各单位最近的有效报送中没有提出问题。" + (returnedLine.isEmpty() ? "" : "\n" + returnedLine);
        }
        List<String> items = new ArrayList<>();
        for (ProgressReport r : problems) {
            items.add("· " + line(plan, r, zone));
        }
        String tail = returnedLine.isEmpty() ? "详情请发：任务 " + problems.get(0).taskNumber() : returnedLine;
        return Screen.page("【存在问题】共 " + problems.size() + " 条", items, tail, "问题", page);
    }

    /** {@code 任务 12 产业协作 集指科（10月13日）：资金未到位}. */
    public static String line(WorkPlan plan, ProgressReport r, ZoneId zone) {
        String title = plan.task(r.taskNumber()).map(ShortTitles::of).orElse("");
        return "任务 " + r.taskNumber() + " " + title + " " + r.unit() + "（" + r.reportedAt().atZone(zone).format(DAY) + "）："
                + UserText.escape(r.problems(), QUOTE_CHARS);
    }

    /** {@code 已退回待重报：任务 12 集指科、任务 3 农技中心}. */
    public static String returnedLine(List<ProgressReport> returned) {
        return "已退回待重报：" + returned.stream().limit(5).map(r -> "任务 " + r.taskNumber() + " " + r.unit())
                .collect(Collectors.joining("、")) + (returned.size() > 5 ? " 等 " + returned.size() + " 条" : "");
    }
}
